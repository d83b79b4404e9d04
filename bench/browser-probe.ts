/**
 * What runs inside the page: timings taken with the page's own clock (performance.now(),
 * requestAnimationFrame, PerformanceObserver), so the round trip to Playwright is never counted.
 *
 * Kept as plain JavaScript source: tsx compiles bench files with esbuild, which wraps named
 * functions in a `__name` helper that does not exist in the page, so a TypeScript function handed
 * to page.evaluate would fail there.
 *
 * It finds the users table by what it is, not by class names: the <table> labelled "Users", its
 * header buttons by their text, its size from aria-rowcount, its scroller as the nearest
 * scrollable ancestor.
 */
export const PROBE_SOURCE = String.raw`
(() => {
  const table = () => document.querySelector('table[aria-label="Users"]');
  const bodyRow = (index) => table()?.querySelector('tbody tr[aria-rowindex="' + (index + 2) + '"]') ?? null;
  const firstRowText = () => bodyRow(0)?.textContent ?? '';
  const rowCount = () => Number(table()?.getAttribute('aria-rowcount') ?? 1) - 1;
  // What the operator sees of the result: how many rows and which one is first.
  const signature = () => (table() ? rowCount() + '|' + firstRowText() : 'no table');
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  const scroller = () => {
    for (let el = table()?.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) return el;
    }
    return null;
  };

  /** Resolves with the time from 'start' to the next animation frame after signature() changes. */
  const whenChanged = (before, timeoutMs) =>
    new Promise((resolve) => {
      const root = table()?.closest('section') ?? document.body;
      let done = false;
      const finish = (value) => {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        resolve(value);
      };
      const observer = new MutationObserver(() => {
        if (signature() === before) return;
        requestAnimationFrame(() => finish({ changedAt: performance.now() }));
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-rowcount'] });
      const timer = setTimeout(() => finish(null), timeoutMs);
    });

  const toTop = async () => {
    const el = scroller();
    if (el && el.scrollTop !== 0) {
      el.scrollTop = 0;
      await nextFrame();
      await nextFrame();
    }
  };

  globalThis.pkBench = {
    rowCount,
    firstRowText,

    /** Clicks the column's sort button until the first row changes (at most 3 clicks). */
    async sort(label) {
      await toTop();
      const button = [...(table()?.querySelectorAll('thead th button') ?? [])].find((b) => (b.textContent ?? '').trim().replace(/[▲▼]$/, '').trim() === label);
      if (!button) throw new Error('no sort button for column ' + label);
      for (let click = 1; click <= 3; click += 1) {
        const changed = whenChanged(signature(), 5000);
        const start = performance.now();
        button.click();
        const result = await changed;
        if (result) {
          const sortState = button.closest('th')?.getAttribute('aria-sort') ?? '';
          return { ms: result.changedAt - start, clicks: click, sortState };
        }
      }
      return null;
    },

    /** Arms the quick-filter measurement: the clock starts at the next keydown in the filter box. */
    armFilter(inputSelector) {
      const input = document.querySelector(inputSelector);
      if (!input) throw new Error('no quick filter input ' + inputSelector);
      const before = signature();
      let start;
      input.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
      globalThis.pkBenchFilter = whenChanged(before, 10000).then((result) => ({
        ms: result && start !== undefined ? result.changedAt - start : null,
        rows: rowCount(),
      }));
    },
    filterResult() {
      return globalThis.pkBenchFilter;
    },

    /** Puts the table back at the top; the scroller's height to travel. */
    async toTop() {
      const el = scroller();
      if (!el) throw new Error('no scrollable ancestor of the users table');
      await toTop();
      return el.scrollHeight - el.clientHeight;
    },
    /** Resolves once a frame has been drawn: the next input lands between frames, as a user's would. */
    afterFrame,

    /**
     * Starts recording while Playwright scrolls the table with the mouse wheel (real input, so
     * the browser scrolls and the table reacts as it would for a person): long tasks, long
     * animation frames and the longest gap between frames.
     */
    scrollStart() {
      const el = scroller();
      const longTasks = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      // Long animation frames say where a slow frame went: scripts (and which) or style/layout/paint.
      const frames_ = [];
      const loafObserver = new PerformanceObserver((list) => frames_.push(...list.getEntries()));
      const loafSupported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
      if (loafSupported) loafObserver.observe({ type: 'long-animation-frame' });
      const state = { gaps: [], lastFrame: undefined, watching: true, frames: 0, started: performance.now() };
      const watch = (time) => {
        if (state.lastFrame !== undefined) state.gaps.push(time - state.lastFrame);
        state.lastFrame = time;
        state.frames += 1;
        if (state.watching) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      globalThis.pkBenchScroll = { el, longTasks, observer, frames_, loafObserver, loafSupported, state };
    },

    /** Stops recording; reports whether the last row came on screen, so a short scroll is not called smooth. */
    async scrollEnd() {
      const { el, longTasks, observer, frames_, loafObserver, loafSupported, state } = globalThis.pkBenchScroll;
      // Let the last step's frame be drawn and its long task (if any) be reported.
      for (let i = 0; i < 3; i += 1) await afterFrame();
      state.watching = false;
      const seconds = (performance.now() - state.started) / 1000;
      await sleep(200);
      longTasks.push(...observer.takeRecords().map((e) => e.duration));
      observer.disconnect();
      if (loafSupported) frames_.push(...loafObserver.takeRecords());
      loafObserver.disconnect();
      const frames = state.frames;
      const gaps = state.gaps.slice().sort((a, b) => a - b);
      const percentile = (p) => (gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] : 0);
      const maxGap = percentile(1);
      const total = rowCount();
      const split = (f) => {
        const script = f.scripts.reduce((n, s) => n + s.duration, 0);
        const forcedLayout = f.scripts.reduce((n, s) => n + (s.forcedStyleAndLayoutDuration ?? 0), 0);
        const render = f.renderStart ? f.startTime + f.duration - f.renderStart : 0;
        const styleAndLayout = f.styleAndLayoutStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0;
        return { script, forcedLayout, render, styleAndLayout };
      };
      const worst = frames_.reduce((a, b) => (!a || b.duration > a.duration ? b : a), null);
      const sums = frames_.map(split).reduce((a, b) => ({ script: a.script + b.script, forcedLayout: a.forcedLayout + b.forcedLayout, render: a.render + b.render, styleAndLayout: a.styleAndLayout + b.styleAndLayout }), { script: 0, forcedLayout: 0, render: 0, styleAndLayout: 0 });
      const longFrames = !loafSupported ? null : {
        count: frames_.length,
        totalMs: frames_.reduce((n, f) => n + f.duration, 0),
        ...sums,
        worst: worst && {
          duration: worst.duration,
          ...split(worst),
          scripts: worst.scripts
            .map((s) => ({ ms: s.duration, invoker: s.invoker, source: (s.sourceURL ?? '').replace(/^.*\//, '') + (s.sourceFunctionName ? ' ' + s.sourceFunctionName : '') }))
            .sort((a, b) => b.ms - a.ms)
            .slice(0, 3),
        },
      };
      return {
        frames,
        seconds,
        scrolledPx: el.scrollTop,
        longTasks: longTasks.length,
        longestTask: longTasks.length ? Math.max(...longTasks) : 0,
        maxGap,
        medianGap: percentile(0.5),
        p95Gap: percentile(0.95),
        reachedBottom: bodyRow(total - 1) !== null,
        rows: total,
        longFrames,
      };
    },
  };
})();
`;
