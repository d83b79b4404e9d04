import { useEffect } from 'react';
import { Outlet, useMatches } from 'react-router';
import { useFocusHeadingOnNavigation } from './focus-on-navigation';

/** Routes may name themselves with `handle: { title }`. */
export function routeTitle(matches: ReturnType<typeof useMatches>): string | undefined {
  return [...matches]
    .reverse()
    .map((match) => (match.handle as { title?: string } | undefined)?.title)
    .find(Boolean);
}

/**
 * The document title outside the signed-in area (sign-in, its steps); inside it the signed-in
 * layout adds the pool's name.
 */
export function RootLayout({ signedInRouteId }: { signedInRouteId: string }) {
  const matches = useMatches();
  const inside = matches.some((match) => match.id === signedInRouteId);
  const title = routeTitle(matches);
  useFocusHeadingOnNavigation();
  useEffect(() => {
    if (!inside) document.title = [title, 'Poolkeeper'].filter(Boolean).join(' · ');
  }, [inside, title]);
  return <Outlet />;
}
