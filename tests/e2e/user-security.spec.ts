import { DEMO, expect, expectAccessible, signIn, test } from './fixtures';

const userPage = (email: string, tab: string) => `/users/${encodeURIComponent(email)}/${tab}`;

test.describe('support: a user’s MFA and sign-in activity', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  });

  test('History shows the sign-ins the demo pool recorded, with the risky one called out', async ({ page }) => {
    await page.goto(userPage(DEMO.user.username, 'history'));
    const table = page.getByRole('table', { name: /sign-in activity of/i });
    await expect(table).toBeVisible();
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(6); // header + five events
    await expect(rows.nth(1)).toContainText('Succeeded');
    await expect(table).toContainText('Possible account takeover (low risk)');
    await expect(table).toContainText('Password wrong');
    await expect(table).toContainText('Singapore');
    await expectAccessible(page);

    // The operator's own sign-in a moment ago is there too, newest first.
    await page.goto(userPage(DEMO.admin.username, 'history'));
    await expect(page.getByRole('table', { name: /sign-in activity of/i }).getByRole('row').nth(1)).toContainText(/Sign-in.*Succeeded.*Password right/);
  });

  test('Reset MFA turns off a user’s authenticator after a confirm, and none is left after a reload', async ({ page }) => {
    const emma = 'emma.wilson@example.org';
    await page.goto(userPage(emma, 'security'));
    await page.getByRole('button', { name: 'Reset MFA' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Authenticator app (TOTP) will be turned off');
    await expect(dialog).toContainText('MFA is optional in this pool, so they sign in with their password alone');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Reset MFA' }).click();
    await expect(page.getByText(/Turned off .*’s MFA\. MFA is optional in this pool/)).toBeVisible();
    await expect(page.getByText(/has no MFA factor set up, so there is nothing to reset\./)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/has no MFA factor set up, so there is nothing to reset\./)).toBeVisible();
  });
});
