/**
 * The JavaScript the Test login route adds (issue 6: QR code included, under 30 kB gzip): the
 * operator signs in and lands on the overview; every script the browser then fetches to show
 * /test-login is what the route costs on top of the signed-in app. Live mode against the same
 * in-process standalone emulator as the rest of the browser bench.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { DEMO } from '../mocks/seed/demo';
import { printTable } from './report';

const TARGET_KB = 30;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export async function measureTestLoginRoute(browser: Browser, appUrl: string, endpoint: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        region: DEMO.region,
        userPoolId: DEMO.userPoolId,
        clientId: DEMO.adminClientId,
        identityPoolId: DEMO.identityPoolId,
        endpoint,
        testClientId: DEMO.endUserClientId,
      }),
    }),
  );
  type Phase = 'before' | 'route';
  let phase = 'before' as Phase;
  const scripts: { url: string; phase: Phase; body: Promise<Buffer | null> }[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(appUrl) || !(response.headers()['content-type'] ?? '').includes('javascript')) return;
    scripts.push({ url: response.url(), phase, body: response.body().catch(() => null) });
  });

  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel(/username|email/i).first().fill(DEMO.operator.username);
  await page.getByLabel(/^password$/i).fill(DEMO.operator.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('heading', { name: 'Pool overview' }).waitFor();
  await page.waitForLoadState('networkidle');

  phase = 'route';
  await page.getByRole('link', { name: 'Test login', exact: true }).click();
  await page.locator('#step-client').getByText('Done', { exact: true }).waitFor();
  await page.waitForLoadState('networkidle');

  const seen = new Set<string>();
  const rows: { name: string; gzip: number; raw: number }[] = [];
  for (const script of scripts) {
    if (seen.has(script.url)) continue;
    seen.add(script.url);
    const body = await script.body;
    if (!body || script.phase !== 'route') continue;
    rows.push({ name: new URL(script.url).pathname.replace(/^\/(assets\/)?/, ''), raw: body.length, gzip: gzipSync(body).length });
  }
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
