/**
 * The Email & codes route in headless Chromium (issue 7): how soon /email paints after the
 * operator clicks it, and after a reload on /email; and the gzip JavaScript the route adds on top
 * of what the signed-in app already loaded, with the chart (uPlot, loaded with the chart only)
 * counted apart against its 40 kB budget.
 */
import type { Browser } from 'playwright-core';
import { kb, openLivePage, recordScripts, signInAsOperator } from './browser-page';
import { ms, printTable } from './report';

const CHART_BUDGET_KB = 40;

export async function measureEmail(browser: Browser, appUrl: string, endpoint: string): Promise<void> {
  const { context, page, problems } = await openLivePage(browser, endpoint, { viewport: { width: 1366, height: 900 } });
  const scripts = recordScripts(page, appUrl, 'app');
  await signInAsOperator(page, appUrl);

  // (a) In-app navigation: click → the route's heading painted → its data → the chart drawn.
  scripts.enter('email');
  const heading = page.getByRole('heading', { name: 'Email & codes', level: 1 });
  const clicked = performance.now();
  await page.getByRole('link', { name: 'Email & codes' }).click();
  await heading.waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const headingMs = performance.now() - clicked;
  await page.getByRole('meter', { name: 'SES emails sent in the last 24 hours' }).waitFor();
  const quotaMs = performance.now() - clicked;
  await page.locator('.send-chart canvas').first().waitFor();
  const chartMs = performance.now() - clicked;
  await page.waitForLoadState('networkidle');

  // (b) A reload on /email (the session survives in sessionStorage): navigation start → heading painted.
  await page.reload();
  await heading.waitFor();
  const reloadMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);

  const added = await scripts.chunks('email');
  const chart = added.filter((c) => c.name.startsWith('send-chart'));
  const route = added.filter((c) => !c.name.startsWith('send-chart'));
  const total = (list: { gzip: number }[]) => list.reduce((n, c) => n + c.gzip, 0);

  console.log('\nEmail & codes (/email), demo pool on the same emulator:\n');
  printTable(
    ['measure', 'figure', 'target'],
    [
      ['click "Email & codes" → heading painted', ms(headingMs), ''],
      ['click → SES quota meter shown', ms(quotaMs), ''],
      ['click → sending-health chart drawn', ms(chartMs), ''],
      ['reload on /email: navigation start → heading painted', ms(reloadMs), ''],
      ['reload on /email: first contentful paint (the loading screen)', fcp === null ? '—' : ms(fcp), ''],
      ...route.map((c) => [`JS added by the route: ${c.name}`, kb(c.gzip), '']),
      ['**JS the route adds (without the chart)**', kb(total(route)), ''],
      ...chart.map((c) => [`JS of the chart (uPlot, lazy): ${c.name}`, kb(c.gzip), '']),
      ['**JS of the chart**', kb(total(chart)), `under ${CHART_BUDGET_KB} kB ${total(chart) / 1024 < CHART_BUDGET_KB ? '✓' : '✗'}`],
      ['**JS the route adds in all (gzip)**', kb(total(added)), ''],
    ],
  );
  if (problems.length) console.log(`\nThe page reported problems (figures may be off):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  await context.close();
}
