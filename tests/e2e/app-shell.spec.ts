import { DEMO, expect, signIn, test } from './fixtures';

test.describe('a normal load is clean', () => {
  test('no request fails and nothing is logged as an error, from the first load to a signed-in page', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
    expect(failed).toEqual([]);
    // The fixture fails the test on any console error (the 404 for /config.json was one).
  });

  test('without public/config.json the build answers /config.json with the embedded-emulator marker', async ({ request }) => {
    const response = await request.get('/config.json');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ embeddedEmulator: true });
  });

  test('a failed service-worker update check is not an uncaught error', async ({ page, context }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // The worker is registered now. Make the browser's update check fail, as it does when the page
    // reloads while the script is being re-fetched or the server is briefly unreachable.
    await context.addInitScript(() => {
      ServiceWorkerRegistration.prototype.update = () =>
        Promise.reject(new TypeError('Failed to update a ServiceWorker: An unknown error occurred when fetching the script.'));
    });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.waitForTimeout(300); // let a rejection surface if it is going to
    // The fixtures fail the test on the uncaught rejection msw used to leave behind.
  });
});
