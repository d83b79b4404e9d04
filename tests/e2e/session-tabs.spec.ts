import { DEMO, expect, expectAccessible, signIn, test } from './fixtures';

test.describe('the operator session across tabs', () => {
  test('a second tab joins the signed-in session; signing out in it ends the first tab too', async ({ page, context }) => {
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();

    const second = await context.newPage();
    await second.goto('/users');
    await expect(second.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
    await expect(second.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);

    await second.getByRole('button', { name: /sign out/i }).click();
    await expect(second.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('You signed out in another tab of this browser.')).toBeVisible();

    // Nobody is left to hand the session over: a third tab asks for a sign-in, as before.
    const third = await context.newPage();
    await third.goto('/');
    await expect(third.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('another browser (a separate context) does not get the session', async ({ page, browser }) => {
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
    const elsewhere = await browser.newContext();
    try {
      const stranger = await elsewhere.newPage();
      await stranger.goto(page.url());
      await expect(stranger.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    } finally {
      await elsewhere.close();
    }
  });
});

test.describe('the new-password screen in the demo', () => {
  test('checks the demo pool’s policy (10 characters), not Cognito’s default (8)', async ({ page }) => {
    await signIn(page, DEMO.newAdmin.username, DEMO.newAdmin.temporaryPassword);
    await expect(page.getByRole('heading', { name: /choose a new password/i })).toBeVisible();
    await expect(page.getByText("Your pool's password policy", { exact: true })).toBeVisible();
    const rule = page.locator('.checklist__item').filter({ hasText: 'At least 10 characters' });
    await expect(rule).toHaveText(/not met/);

    await page.getByLabel('New password', { exact: true }).fill('Abcdefg1!');
    await expect(rule).toHaveText(/not met/); // 9 characters: the demo pool refuses them, so must the checklist
    await page.getByLabel('New password', { exact: true }).fill('Abcdefgh1!');
    await expect(rule).toHaveText(/\(met\)/);
    await expectAccessible(page);
  });
});
