import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO = {
  admin: { username: 'admin@example.com', password: 'Admin-Passw0rd!' },
  newAdmin: { username: 'newadmin@example.com', temporaryPassword: 'Temp-Passw0rd!' },
  user: { username: 'user@example.com', password: 'User-Passw0rd!' },
};

/** What Chromium logs for every AWS call answered with an error status (a refusal the test asked for). */
export const REFUSED_AWS_CALL = /^Failed to load resource: the server responded with a status of 400 .*\((https:\/\/[a-z0-9.-]+\.amazonaws\.com|http:\/\/127\.0\.0\.1:\d+)\/\)$/;

/** Console errors a test provokes on purpose (a refused call logs its HTTP status), each with why. */
export interface ConsoleErrors {
  allow(pattern: RegExp, why: string): void;
}

/**
 * Every page starts from a fresh browser context (no IndexedDB, no sessionStorage) and fails the
 * test on uncaught page errors, so a crash never passes as "the element was not there" — and on
 * any console error the test did not announce with `consoleErrors.allow`, so a 404, a React
 * warning or a rejected promise in a normal session cannot pile up unseen. Both are automatic:
 * every spec gets them without asking. Pages opened later in the same context are watched too.
 */
export const test = base.extend<{ pageErrors: string[]; consoleErrors: ConsoleErrors }>({
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => page.on('pageerror', (error) => errors.push(error.message));
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ context }, use) => {
      const allowed: RegExp[] = [];
      const unexpected: string[] = [];
      const watch = (page: Page) =>
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          const text = `${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`;
          if (!allowed.some((pattern) => pattern.test(text))) unexpected.push(text);
        });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use({ allow: (pattern) => void allowed.push(pattern) });
      expect(unexpected, 'unexpected console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel(/username|email/i).first().fill(username);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

/** axe-core on the current page: no serious or critical accessibility violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The standalone emulator playwright.config.ts starts for the live-mode specs. */
export const liveEndpoint = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? '9339'}`;

/**
 * Live mode: serve a config.json naming the standalone emulator as the endpoint, so the app runs
 * without the service worker — the production code path, SigV4 and CORS over real HTTP.
 */
export async function useLiveEndpoint(page: Page, extra: Record<string, string> = {}) {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        region: 'us-east-1',
        userPoolId: 'us-east-1_DemoPool1',
        clientId: 'pk0demo0admin0spa000000001',
        identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001',
        endpoint: liveEndpoint,
        ...extra,
      }),
    }),
  );
}
