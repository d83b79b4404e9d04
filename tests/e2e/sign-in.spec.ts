import { DEMO, expect, expectAccessible, REFUSED_AWS_CALL, signIn, test } from './fixtures';

test.describe('operator sign-in on the embedded emulator', () => {
  test('the demo operator signs in with SRP and sees the pool overview', async ({ page, pageErrors: _ }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page);

    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
    await expect(page.getByText('us-east-1_DemoPool1').first()).toBeVisible();
    await expect(page.getByText('estimated users')).toBeVisible();
    await expect(page.getByText('Emulated', { exact: true })).toBeVisible();
    await expectAccessible(page);
  });

  test('a wrong password says so and keeps the form', async ({ page, consoleErrors }) => {
    consoleErrors.allow(REFUSED_AWS_CALL, 'Cognito refuses the wrong password with HTTP 400');
    await signIn(page, DEMO.admin.username, 'Not-the-passw0rd!');
    await expect(page.getByRole('alert').filter({ hasText: /sign-in failed/i })).toContainText(/username or password/i);
    await expect(page.getByLabel(/username|email/i).first()).toHaveValue(DEMO.admin.username);
  });

  test('a user outside the admin group is refused', async ({ page, pageErrors: _ }) => {
    await signIn(page, DEMO.user.username, DEMO.user.password);
    await expect(page.getByRole('heading', { name: /not an administrator/i })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await page.goto('/users');
    await expect(page.getByRole('heading', { name: /not an administrator/i })).toBeVisible();
    await expectAccessible(page);
  });

  test('a reload keeps the session; sign-out ends it', async ({ page, pageErrors: _ }) => {
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
    await page.getByRole('button', { name: /sign out/i }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('a new operator sets a password; the emulator keeps it across a reload', async ({ page, consoleErrors }) => {
    consoleErrors.allow(REFUSED_AWS_CALL, 'Cognito refuses the too-short password with HTTP 400');
    const newPassword = 'Brand-New-Passw0rd!';
    await signIn(page, DEMO.newAdmin.username, DEMO.newAdmin.temporaryPassword);
    await expect(page.getByRole('heading', { name: /choose a new password/i })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('short');
    await page.getByRole('button', { name: /set password|save|continue/i }).click();
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toHaveCount(0);

    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: /set password|save|continue/i }).click();
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();

    await page.getByRole('button', { name: /sign out/i }).click();
    await page.reload();
    await signIn(page, DEMO.newAdmin.username, newPassword);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  });
});

test.describe('runtime configuration', () => {
  test('an invalid config shows every problem instead of the app', async ({ page, pageErrors: _ }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ region: 'moon-1', userPoolId: 'nope', clientId: '', identityPoolId: 'x', clientSecret: 'shh' }),
      }),
    );
    await page.goto('/');
    const problems = page.getByRole('list', { name: 'Configuration problems' });
    await expect(problems).toBeVisible();
    expect(await problems.getByRole('listitem').count()).toBeGreaterThanOrEqual(4);
    await expect(page.getByText(/secret/i).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
