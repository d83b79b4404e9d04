/**
 * The JavaScript the Test login route adds (issue 6: QR code included, under 30 kB gzip): the
 * operator signs in and lands on the overview; every script the browser then fetches to show
 * /test-login is what the route costs on top of the signed-in app. Live mode against the same
 * in-process standalone emulator as the rest of the browser bench.
 */
import type { Browser } from 'playwright-core';
import { DEMO } from '../mocks/seed/demo';
import { kb, openLivePage, recordScripts, signInAsOperator } from './browser-page';
import { printTable } from './report';

const TARGET_KB = 30;

export async function measureTestLoginRoute(browser: Browser, appUrl: string, endpoint: string): Promise<void> {
  const { context, page } = await openLivePage(browser, endpoint, { config: { testClientId: DEMO.endUserClientId } });
  const scripts = recordScripts(page, appUrl, 'before');
  await signInAsOperator(page, appUrl);

  scripts.enter('route');
  await page.getByRole('link', { name: 'Test login', exact: true }).click();
  await page.locator('#step-client').getByText('Done', { exact: true }).waitFor();
  await page.waitForLoadState('networkidle');

  const rows = await scripts.chunks('route');
  const total = rows.reduce((n, r) => n + r.gzip, 0);
  console.log('\nTest login route (/test-login), JavaScript added after the overview, gzip:\n');
  printTable(
    ['chunk', 'raw', 'gzip', 'target'],
    [
      ...rows.sort((a, b) => b.gzip - a.gzip).map((r) => [r.name, kb(r.raw), kb(r.gzip), '']),
      ['**added by the route (QR code included)**', kb(rows.reduce((n, r) => n + r.raw, 0)), kb(total), total / 1024 < TARGET_KB ? `under ${TARGET_KB} kB ✓` : `over ${TARGET_KB} kB ✗`],
    ],
  );
  await context.close();
}
