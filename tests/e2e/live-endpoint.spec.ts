import { DEMO, expect, signIn, test } from './fixtures';

// Live mode: no service worker, the same SDK code path as production, SigV4-signed calls over
// real HTTP (with CORS) to the standalone emulator that playwright.config.ts starts.
const endpoint = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? '9339'}`;

test('the dashboard in live mode signs in against the standalone emulator endpoint', async ({ page, pageErrors: _ }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        region: 'us-east-1',
        userPoolId: 'us-east-1_DemoPool1',
        clientId: 'pk0demo0admin0spa000000001',
        identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001',
        endpoint,
      }),
    }),
  );
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  await expect(page.getByText('Emulated', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Acme customers').first()).toBeVisible();
});
