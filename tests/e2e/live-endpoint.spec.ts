import { DEMO, expect, signIn, test, useLiveEndpoint } from './fixtures';

test('the dashboard in live mode signs in against the standalone emulator endpoint', async ({ page, pageErrors: _ }) => {
  await useLiveEndpoint(page);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  await expect(page.getByText('Emulated', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Acme customers').first()).toBeVisible();
});
