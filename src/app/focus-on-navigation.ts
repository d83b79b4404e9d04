import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long a lazily loaded page may take to show its heading before we give up on moving focus. */
const WAIT_FOR_HEADING_MS = 5_000;

/**
 * A client-side navigation leaves focus on the link that was clicked (or on nothing), so a
 * screen-reader user hears nothing of the new page. After every change of path (not on first load,
 * and not when only the query string changes, as filters do) focus moves to the page's h1 as soon
 * as it is rendered; pages are lazy-loaded, so it may appear a little later than the URL changes.
 */
export function useFocusHeadingOnNavigation(): void {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);

  useEffect(() => {
    const first = previous.current === null;
    const changed = previous.current !== pathname;
    previous.current = pathname;
    if (first || !changed) return;
    // Sub-navigation inside a page (a user's tabs): the link just used stays on screen and is now
    // the current one; keyboard users continue from it rather than being sent back to the heading.
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('main') && active.getAttribute('aria-current') === 'page') return;

    const tryFocus = (): boolean => {
      const heading = document.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    // The router commits the new location with the new route's elements, so an h1 on screen now
    // is the new page's; while a lazy page or its loading state shows none, wait for it.
    if (tryFocus()) return;

    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const timer = setTimeout(() => stop(), WAIT_FOR_HEADING_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(document.body, { childList: true, subtree: true });
    return stop;
  }, [pathname]);
}
