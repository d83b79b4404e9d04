/**
 * The dashboard in real headless Chromium (Debian's, via playwright-core):
 * - the gzip size of the JavaScript needed to show the sign-in page, and then the users page;
 * - with 100 000 users loaded: sort, quick-filter keystroke, and the longest main-thread task
 *   while scrolling the virtualized table top to bottom (targets from issue 3);
 * - how long the browser took to load those 100 000 users;
 * - the Email & codes route: time to its first paint and the gzip JavaScript it adds (browser-email.ts).
 * - the users page in live mode against quotas and 100 ms latency at 20 000 users, beside the
 *   quota bound (browser-listing.ts).
 * - the JavaScript the Test login route adds (bench/test-login-route.ts).
 *
 * The production build (vite build + vite preview) runs in live mode against the standalone
 * emulator started in-process, so users arrive over real HTTP with SigV4, as from AWS.
 *
 *   npm run bench -- browser
 *   npx tsx -e "import('./bench/browser.ts').then(m => m.benchBrowser())"
 *   BENCH_BROWSER_USERS=20000 npm run bench -- browser     (a quicker run)
 *   BENCH_PREVIEW_PORT / BENCH_EMULATOR_PORT pin the two servers' ports (default: any free one)
 *   BENCH_BROWSER_ONLY=listing npm run bench -- browser    (only the live-mode listing figure)
 */
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Response } from 'playwright-core';
import { startEmulatorServer } from '../mocks/hosts/server';
import { DEMO } from '../mocks/seed/demo';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { measureEmail } from './browser-email';
import { measureLiveListing } from './browser-listing';
import { openLivePage } from './browser-page';
import { buildAndPreview } from './browser-serve';
import { PROBE_SOURCE } from './browser-probe';
import { median, ms, printTable } from './report';
import { measureTestLoginRoute } from './test-login-route';

const OPERATOR = DEMO.operator;
const OVERALL_TIMEOUT_MS = 15 * 60_000;
const FULL_LOAD_TIMEOUT_MS = 10 * 60_000;
const TARGET = { sortMs: 100, filterMs: 100, longTaskMs: 50 };
/** Columns sorted in turn; the last click sorts Username again, on sort keys already extracted. */
const SORT_COLUMNS = ['Username', 'Email', 'Status', 'Last modified', 'Username'];
/** Typed one key at a time, then erased: in the demo seed each keystroke narrows (or widens) the rows shown. */
const FILTER_TEXT = 'kof';
/**
 * Mouse-wheel steps, one per drawn frame: top to bottom in 300 steps (at 100 000 users about 330
 * rows a step, as when dragging the scroll bar: every frame shows rows never drawn before), then
 * a fast wheel of 120 px a step from the top.
 */
const SCROLLS: { label: string; steps: number; px?: number }[] = [
  { label: 'scroll top → bottom', steps: 300 },
  { label: 'fast wheel from the top', steps: 300, px: 120 },
];

type Phase = 'sign-in' | 'users' | 'later';
interface Script {
  url: string;
  phase: Phase;
  body: Promise<Buffer | null>;
}

interface SortFigure {
  ms: number;
  clicks: number;
  sortState: string;
}
interface ScrollFigure {
  frames: number;
  seconds: number;
  scrolledPx: number;
  longTasks: number;
  longestTask: number;
  maxGap: number;
  medianGap: number;
  p95Gap: number;
  reachedBottom: boolean;
  rows: number;
  /** Long Animation Frames (≥ 50 ms) during the scroll, split into script and rendering time. */
  longFrames: {
    count: number;
    totalMs: number;
    script: number;
    forcedLayout: number;
    render: number;
    styleAndLayout: number;
    worst: { duration: number; script: number; forcedLayout: number; render: number; styleAndLayout: number; scripts: { ms: number; invoker: string; source: string }[] } | null;
  } | null;
}

const loadAverage = () => loadavg().map((n) => n.toFixed(1)).join(', ');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const check = (value: number, target: number) => (value < target ? `under ${target} ms ✓` : `over ${target} ms ✗ (${(value / target).toFixed(1)}×)`);

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function benchBrowser(): Promise<void> {
  console.log('\n## Browser (headless Chromium, production build)\n');
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('No Chromium found (set CHROMIUM_PATH or install Debian\'s chromium); browser figures skipped.');
    return;
  }
  const users = Number(process.env.BENCH_BROWSER_USERS ?? 100_000);
  // Everything started is stopped in the finally block, also what a timed-out run starts late.
  const stops: (() => Promise<void>)[] = [];
  let stopped = false;
  const own = async <T>(resource: T, stop: (r: T) => Promise<void>): Promise<T> => {
    if (stopped) {
      await stop(resource);
      throw new Error('the benchmark was already stopped');
    }
    stops.push(() => stop(resource));
    return resource;
  };
  try {
    await withTimeout(
      (async () => {
        const seedStart = performance.now();
        const [emulator, preview] = await settleAll([
          startEmulatorServer({ port: Number(process.env.BENCH_EMULATOR_PORT) || 0, host: '127.0.0.1', users, quotas: false }).then((server) => own(server, (s) => s.close())),
          buildAndPreview().then((server) => own(server, (s) => s.close())),
        ]);
        console.log(`emulator: ${emulator.url}, demo pool + ${users.toLocaleString('en-US')} users seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
        const browser = await own(await chromium.launch({ executablePath, args: chromiumArgs, headless: true }), (b) => b.close());
        console.log(`app: ${preview.url} (built into ${preview.outDir}), Chromium ${browser.version()}`);
        console.log(`machine: ${cpus().length} cores, load average ${loadAverage()} at the start\n`);
        await measureLiveListing(browser, preview.url);
        if (process.env.BENCH_BROWSER_ONLY === 'listing') return;
        await measureTestLoginRoute(browser, preview.url, emulator.url);
        await measure(browser, preview.url, emulator.url);
        await measureEmail(browser, preview.url, emulator.url);
        // Other work on the machine stretches main-thread tasks; say how busy it was.
        const busy = loadavg()[0]! > cpus().length;
        console.log(`\nload average ${loadAverage()} at the end (1, 5, 15 min; ${cpus().length} cores)${busy ? ': the machine was busier than its cores, so Chromium shared them and the times above are inflated' : ''}`);
      })(),
      OVERALL_TIMEOUT_MS,
      'the browser benchmark',
    );
  } finally {
    stopped = true;
    // Browser first, then vite preview, then the emulator.
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error('could not stop a benchmark process', error));
  }
}

/** Like Promise.all, but waits for every promise, so nothing started is left unowned when one fails. */
async function settleAll<T extends unknown[]>(promises: [...{ [K in keyof T]: Promise<T[K]> }]): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
}

async function measure(browser: Browser, appUrl: string, endpoint: string) {
  const { context, page, problems } = await openLivePage(browser, endpoint);

  let phase: Phase = 'sign-in';
  const scripts: Script[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(appUrl) || !(response.headers()['content-type'] ?? '').includes('javascript')) return;
    scripts.push({ url: response.url(), phase, body: response.body().catch(() => null) });
  });

  // (a) The sign-in page, opened directly: what an operator's first visit downloads.
  await page.goto(`${appUrl}/sign-in?next=${encodeURIComponent('/users')}`);
  await page.getByRole('button', { name: /sign in/i }).waitFor();
  await page.waitForLoadState('networkidle');

  // (b) Sign in; the app comes back to /users.
  phase = 'users';
  await page.getByLabel(/username|email/i).first().fill(OPERATOR.username);
  await page.getByLabel(/^password$/i).fill(OPERATOR.password);
  const signInClicked = performance.now();
  await page.getByRole('button', { name: /sign in/i }).click();
  const firstRow = page.locator('table[aria-label="Users"] tbody tr').first();
  const notFound = page.getByRole('heading', { name: /not found/i });
  await firstRow.or(notFound).first().waitFor({ timeout: 60_000 });
  if (await notFound.isVisible()) throw new Error(`${page.url()} shows "Page not found": the users route is not registered in this build`);
  const firstUsersSeconds = (performance.now() - signInClicked) / 1000;
  await page.waitForTimeout(1000);
  phase = 'later';

  const done = page.getByRole('status').filter({ hasText: /All [\d,]+ users loaded/ });
  await done.waitFor({ timeout: FULL_LOAD_TIMEOUT_MS });
  const fullLoadSeconds = (performance.now() - signInClicked) / 1000;
  const doneText = (await done.textContent()) ?? '';
  const ownSeconds = /in ([\d.]+) s/.exec(doneText)?.[1];

  await page.evaluate(PROBE_SOURCE);
  await page.waitForTimeout(1000);
  const loadedRows = await page.evaluate<number>('pkBench.rowCount()');

  const sorts: { column: string; figure: SortFigure | null }[] = [];
  for (const column of SORT_COLUMNS) {
    sorts.push({ column, figure: await page.evaluate<SortFigure | null>(`pkBench.sort(${JSON.stringify(column)})`) });
    await page.waitForTimeout(300);
  }

  const filter = page.getByLabel('Filter loaded users');
  const filterId = await filter.getAttribute('id');
  await filter.focus();
  const keystrokes: { key: string; value: string; ms: number | null; rows: number }[] = [];
  const keys = [...FILTER_TEXT.split(''), ...FILTER_TEXT.split('').map(() => 'Backspace')];
  let typed = '';
  for (const key of keys) {
    await page.evaluate(`pkBench.armFilter(${JSON.stringify(`[id="${filterId}"]`)})`);
    await page.keyboard.press(key);
    typed = key === 'Backspace' ? typed.slice(0, -1) : typed + key;
    const result = await page.evaluate<{ ms: number | null; rows: number }>('pkBench.filterResult()');
    keystrokes.push({ key, value: typed, ...result });
    await page.waitForTimeout(300);
  }
  await filter.blur();

  const scrolls: { label: string; px: number; figure: ScrollFigure }[] = [];
  for (const { label, steps, px } of SCROLLS) {
    const distance = await page.evaluate<number>('pkBench.toTop()');
    const step = px ?? Math.ceil(distance / steps);
    const body = await page.locator('table[aria-label="Users"] tbody').boundingBox();
    if (!body) throw new Error('the users table has no box to scroll');
    await page.mouse.move(body.x + Math.min(body.width / 2, 400), body.y + 60);
    await page.evaluate('pkBench.scrollStart()');
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, step);
      await page.evaluate('pkBench.afterFrame()');
    }
    scrolls.push({ label, px: step, figure: await page.evaluate<ScrollFigure>('pkBench.scrollEnd()') });
    await page.waitForTimeout(500);
  }

  await report({ scripts, loadedRows, firstUsersSeconds, fullLoadSeconds, ownSeconds, sorts, keystrokes, scrolls, problems });
  await context.close();
}

async function report(r: {
  scripts: Script[];
  loadedRows: number;
  firstUsersSeconds: number;
  fullLoadSeconds: number;
  ownSeconds: string | undefined;
  sorts: { column: string; figure: SortFigure | null }[];
  keystrokes: { key: string; value: string; ms: number | null; rows: number }[];
  scrolls: { label: string; px: number; figure: ScrollFigure }[];
  problems: string[];
}) {
  // Bundle weight: every JavaScript response by the phase that first needed it.
  const byUrl = new Map<string, { phase: Phase; raw: number; gzip: number }>();
  for (const script of r.scripts) {
    if (byUrl.has(script.url)) continue;
    const body = await script.body;
    if (!body) continue;
    byUrl.set(script.url, { phase: script.phase, raw: body.length, gzip: gzipSync(body).length });
  }
  const chunks = [...byUrl].map(([url, c]) => ({ name: new URL(url).pathname.replace(/^\/(assets\/)?/, ''), ...c }));
  const sum = (phases: Phase[], key: 'raw' | 'gzip') => chunks.filter((c) => phases.includes(c.phase)).reduce((n, c) => n + c[key], 0);
  const count = (phases: Phase[]) => chunks.filter((c) => phases.includes(c.phase)).length;
  const label: Record<Phase, string> = { 'sign-in': 'sign-in page', users: 'users page (after sign-in)', later: 'later (while users load)' };
  console.log('JavaScript loaded, gzip sizes (zlib level 6 of each response body):\n');
  printTable(
    ['chunk', 'first needed by', 'raw', 'gzip'],
    [
      ...chunks.sort((a, b) => Object.keys(label).indexOf(a.phase) - Object.keys(label).indexOf(b.phase) || b.gzip - a.gzip).map((c) => [c.name, label[c.phase], kb(c.raw), kb(c.gzip)]),
      ['**sign-in page total**', `${count(['sign-in'])} chunks`, kb(sum(['sign-in'], 'raw')), kb(sum(['sign-in'], 'gzip'))],
      ['**users page: added after sign-in**', `${count(['users'])} chunks`, kb(sum(['users'], 'raw')), kb(sum(['users'], 'gzip'))],
      ['**users page total (sign-in + users)**', `${count(['sign-in', 'users'])} chunks`, kb(sum(['sign-in', 'users'], 'raw')), kb(sum(['sign-in', 'users'], 'gzip'))],
      ...(count(['later']) > 0 ? [['**loaded later**', `${count(['later'])} chunks`, kb(sum(['later'], 'raw')), kb(sum(['later'], 'gzip'))]] : []),
    ],
  );

  const sortRows = r.sorts.map(({ column, figure }, i) => {
    const again = r.sorts.slice(0, i).some((s) => s.column === column);
    const name = `sort by ${column}${again ? ' again (keys already extracted)' : ''}`;
    if (!figure) return [name, 'first row never changed in 3 clicks', `under ${TARGET.sortMs} ms`];
    return [`${name} → ${figure.sortState}, click ${figure.clicks}`, ms(figure.ms), check(figure.ms, TARGET.sortMs)];
  });
  const sortTimes = r.sorts.flatMap((s) => (s.figure ? [s.figure.ms] : []));
  const filterTimes = r.keystrokes.flatMap((k) => (k.ms === null ? [] : [k.ms]));
  const filterRows = r.keystrokes.map((k) => [
    `quick filter ${k.key === 'Backspace' ? 'Backspace' : `"${k.key}"`} → "${k.value}" (${k.rows.toLocaleString('en-US')} rows)`,
    k.ms === null ? 'no visible change in 10 s' : ms(k.ms),
    k.ms === null ? '' : check(k.ms, TARGET.filterMs),
  ]);
  const scrollRows = r.scrolls.flatMap(({ label, px, figure: s }) => {
    const where = s.reachedBottom ? 'to the last row' : `${Math.round(s.scrolledPx).toLocaleString('en-US')} px down`;
    const what = `${label} (wheel steps of ${px.toLocaleString('en-US')} px, ${where}; ${s.frames} frames in ${s.seconds.toFixed(1)} s)`;
    return [
      [`${what}: longest task`, s.longTasks ? `${ms(s.longestTask)} (${s.longTasks} tasks over 50 ms)` : 'no task over 50 ms', check(s.longestTask, TARGET.longTaskMs)],
      [`${what}: longest gap between frames`, ms(s.maxGap), `${(s.maxGap / (1000 / 60)).toFixed(1)} frames at 60 Hz`],
      [`${what}: gap between frames, median / 95th percentile`, `${ms(s.medianGap)} / ${ms(s.p95Gap)}`, 'a frame is 16.7 ms at 60 Hz'],
    ];
  });

  console.log(`\nWith ${r.loadedRows.toLocaleString('en-US')} users loaded:\n`);
  printTable(
    ['measure', 'figure', 'target'],
    [
      ['first users on screen, from the Sign in click', `${r.firstUsersSeconds.toFixed(1)} s`, ''],
      ['all users loaded, from the Sign in click', `${r.fullLoadSeconds.toFixed(1)} s`, ''],
      ['all users loaded, as the page reports it', r.ownSeconds ? `${r.ownSeconds} s` : '(not shown)', ''],
      ...sortRows,
      ['sort: slowest / median', sortTimes.length ? `${ms(Math.max(...sortTimes))} / ${ms(median(sortTimes))}` : '—', sortTimes.length ? check(Math.max(...sortTimes), TARGET.sortMs) : ''],
      ...filterRows,
      ['quick filter: slowest / median', filterTimes.length ? `${ms(Math.max(...filterTimes))} / ${ms(median(filterTimes))}` : '—', filterTimes.length ? check(Math.max(...filterTimes), TARGET.filterMs) : ''],
      ...scrollRows,
    ],
  );
  const framed = r.scrolls.flatMap(({ label, figure }) => (figure.longFrames ? [{ pass: label, ...figure.longFrames }] : []));
  if (framed.length) {
    console.log('\nWhere the slow scroll frames went (Long Animation Frames API, frames of 50 ms or more):\n');
    printTable(
      ['scroll', 'slow frames', 'their time', 'scripts (scroll handlers, React)', 'style + layout + paint', 'worst frame', 'its scripts over 5 ms'],
      framed.map((f) => [
        f.pass,
        String(f.count),
        ms(f.totalMs),
        ms(f.script),
        ms(f.styleAndLayout),
        f.worst ? `${ms(f.worst.duration)}: scripts ${ms(f.worst.script)}, style + layout + paint ${ms(f.worst.styleAndLayout)}` : '—',
        f.worst ? f.worst.scripts.map((x) => `${ms(x.ms)} ${x.invoker}${x.source ? ` (${x.source})` : ''}`).join('; ') || 'none' : '',
      ]),
    );
  }
  if (r.problems.length) console.log(`\nThe page reported problems (figures may be off):\n${r.problems.map((p) => `- ${p}`).join('\n')}`);
}
