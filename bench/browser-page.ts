import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { DEMO } from '../mocks/seed/demo';

/**
 * A fresh page of the dashboard in live mode against `endpoint` (the same config shape as
 * tests/e2e/live-endpoint.spec.ts), collecting page errors and console errors as problems.
 */
export async function openLivePage(
  browser: Browser,
  endpoint: string,
  options: { viewport?: { width: number; height: number }; config?: Record<string, string> } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ region: DEMO.region, userPoolId: DEMO.userPoolId, clientId: DEMO.adminClientId, identityPoolId: DEMO.identityPoolId, endpoint, ...options.config }),
    }),
  );
  return { context, page, problems };
}

/** The demo operator signs in and the overview has finished loading. */
export async function signInAsOperator(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel(/username|email/i).first().fill(DEMO.operator.username);
  await page.getByLabel(/^password$/i).fill(DEMO.operator.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('heading', { name: 'Pool overview' }).waitFor();
  await page.waitForLoadState('networkidle');
}

export interface ScriptChunk {
  name: string;
  raw: number;
  gzip: number;
}

/**
 * Every script the app serves, tagged with the phase current when it arrived (a script counts once,
 * in the phase it first came in), so a route's cost is what it fetches on top of the app before it.
 */
export function recordScripts(page: Page, appUrl: string, initial: string) {
  let phase = initial;
  const scripts: { url: string; phase: string; body: Promise<Buffer | null> }[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(appUrl) || !(response.headers()['content-type'] ?? '').includes('javascript')) return;
    scripts.push({ url: response.url(), phase, body: response.body().catch(() => null) });
  });
  return {
    enter(next: string) {
      phase = next;
    },
    async chunks(of: string): Promise<ScriptChunk[]> {
      const seen = new Set<string>();
      const chunks: ScriptChunk[] = [];
      for (const script of scripts) {
        if (seen.has(script.url)) continue;
        seen.add(script.url);
        const body = await script.body;
        if (!body || script.phase !== of) continue;
        chunks.push({ name: new URL(script.url).pathname.replace(/^\/(assets\/)?/, ''), raw: body.length, gzip: gzipSync(body).length });
      }
      return chunks;
    },
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
