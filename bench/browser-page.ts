import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO } from '../mocks/seed/demo';

/**
 * A fresh page of the dashboard in live mode against `endpoint` (the same config shape as
 * tests/e2e/live-endpoint.spec.ts), collecting page errors and console errors as problems.
 */
export async function openLivePage(browser: Browser, endpoint: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
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
      body: JSON.stringify({ region: DEMO.region, userPoolId: DEMO.userPoolId, clientId: DEMO.adminClientId, identityPoolId: DEMO.identityPoolId, endpoint }),
    }),
  );
  return { context, page, problems };
}
