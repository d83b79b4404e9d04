/**
 * The configuration review in headless Chromium (production build, live mode against the
 * standalone emulator with Cognito's default quotas): time from opening /review to every finding
 * shown, for the demo pool grown to 50 app clients, and the gzip JavaScript the route adds.
 *
 *   npm run bench -- review
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Response } from 'playwright-core';
import { startEmulatorServer } from '../mocks/hosts/server';
import { DEMO } from '../mocks/seed/demo';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { buildAndPreview } from './browser-serve';
import { printTable } from './report';

const CLIENTS = 50;
const TARGET_SECONDS = 3;
/** DescribeUserPoolClient: 5 requests a second per pool (1 s of burst), the starred-category cap. */
const PER_POOL_RPS = 5;

export async function benchReview(): Promise<void> {
  console.log('\n## Configuration review (headless Chromium, production build, default quotas)\n');
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('No Chromium found (set CHROMIUM_PATH or install Debian\'s chromium); review figures skipped.');
    return;
  }
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1', users: 0, quotas: true });
  const stops: (() => Promise<void>)[] = [() => emulator.close()];
  try {
    const root = { region: DEMO.region, principal: { kind: 'root' as const, accessKeyId: 'test' } };
    const existing = (await emulator.emulator.idp.call('ListUserPoolClients', { UserPoolId: DEMO.userPoolId, MaxResults: 60 }, root)) as { UserPoolClients: unknown[] };
    for (let i = existing.UserPoolClients.length; i < CLIENTS; i++) {
      await emulator.emulator.idp.call('CreateUserPoolClient', { UserPoolId: DEMO.userPoolId, ClientName: `bench-client-${i}`, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, root);
    }
    const preview = await buildAndPreview();
    stops.push(() => preview.close());
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    stops.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(120_000);
    await page.route('**/config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ region: DEMO.region, userPoolId: DEMO.userPoolId, clientId: DEMO.adminClientId, identityPoolId: DEMO.identityPoolId, endpoint: emulator.url }),
      }),
    );
    type Phase = 'before' | 'review';
    let phase = 'before' as Phase;
    const scripts: { url: string; phase: Phase; body: Promise<Buffer | null> }[] = [];
    page.on('response', (response: Response) => {
      if (!response.url().startsWith(preview.url) || !(response.headers()['content-type'] ?? '').includes('javascript')) return;
      scripts.push({ url: response.url(), phase, body: response.body().catch(() => null) });
    });
    await page.goto(`${preview.url}/`);
    await page.getByLabel(/username|email/i).first().fill(DEMO.operator.username);
    await page.getByLabel(/^password$/i).fill(DEMO.operator.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { name: 'Pool overview' }).waitFor();
    await page.waitForLoadState('networkidle');
    // Let the overview's reads leave the quota window, so the review starts from a fresh second.
    await page.waitForTimeout(1500);

    phase = 'review';
    const opened = performance.now();
    await page.getByRole('link', { name: 'Configuration', exact: true }).click();
    await page.getByRole('heading', { name: 'Findings', exact: true }).waitFor();
    const firstSeconds = (performance.now() - opened) / 1000;
    await page.getByRole('status').filter({ hasText: /\d+ findings/ }).waitFor();
    const seconds = (performance.now() - opened) / 1000;
    const summary = (await page.getByRole('status').filter({ hasText: /\d+ findings/ }).textContent()) ?? '';
    const clients = await page.locator('.review-client').count();

    const seen = new Set<string>();
    let raw = 0;
    let gzip = 0;
    let chunks = 0;
    for (const s of scripts) {
      if (s.phase !== 'review' || seen.has(s.url)) continue;
      seen.add(s.url);
      const body = await s.body;
      if (!body) continue;
      chunks += 1;
      raw += body.length;
      gzip += gzipSync(body).length;
    }
    const bound = Math.max(0, (CLIENTS - PER_POOL_RPS) / PER_POOL_RPS);
    printTable(
      ['measure', 'figure', 'target'],
      [
        ['open /review → the pool\'s findings shown (app clients still being read)', `${firstSeconds.toFixed(1)} s`, `< ${TARGET_SECONDS} s ${firstSeconds < TARGET_SECONDS ? '✓' : '✗'}`],
        [`open /review → all findings shown (${clients} app clients; ${summary.trim()})`, `${seconds.toFixed(1)} s`, `< ${TARGET_SECONDS} s ${seconds < TARGET_SECONDS ? '✓' : '✗'}`],
        [`quota bound: ${CLIENTS} DescribeUserPoolClient at ${PER_POOL_RPS}/s per pool after a ${PER_POOL_RPS}-call burst`, `${bound.toFixed(1)} s`, 'no review of this pool can be faster without a raised quota'],
        [`JavaScript the route adds (${chunks} chunks)`, `${(gzip / 1024).toFixed(1)} kB gzip (${(raw / 1024).toFixed(1)} kB raw)`, ''],
      ],
    );
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error('could not stop a benchmark process', error));
  }
}
