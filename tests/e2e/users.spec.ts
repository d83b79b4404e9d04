import { readFile } from 'node:fs/promises';
import { DEMO, expect, expectAccessible, signIn, test } from './fixtures';

test.describe('users on the embedded emulator', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
  });

  test('search, open a user, confirm their sign-up, and see the change in the list', async ({ page, pageErrors: _ }) => {
    await expect(page.getByText(/users loaded/i)).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Attribute to search').selectOption({ label: 'Email' });
    await page.getByLabel('Match').selectOption({ label: 'starts with' });
    await page.getByLabel('Search value').fill('olivia.martin');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/olivia\.martin/);
    const row = page.getByRole('row', { name: /olivia\.martin@example\.org/ });
    await expect(row).toBeVisible();
    await expect(row.getByText('Unconfirmed')).toBeVisible();

    // A support link opens the same view.
    await page.reload();
    await expect(page.getByRole('row', { name: /olivia\.martin@example\.org/ })).toBeVisible();
    await expect(page.getByLabel('Search value')).toHaveValue('olivia.martin');

    await page.getByRole('row', { name: /olivia\.martin@example\.org/ }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'olivia.martin@example.org' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirm sign-up' }).click();
    const dialog = page.getByRole('dialog');
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: /confirm/i }).last().click();
    await expect(page.getByRole('status').filter({ hasText: /confirmed/i }).first()).toBeVisible();
    await expect(page.getByText('Confirmed', { exact: true }).first()).toBeVisible();

    await page.getByRole('link', { name: 'All users' }).click();
    await expect(page.getByRole('row', { name: /olivia\.martin@example\.org/ }).getByText('Confirmed')).toBeVisible();
  });

  test('deleting a user asks for their name, then the list no longer has them', async ({ page, pageErrors: _ }) => {
    await page.getByLabel('Filter loaded users').fill('spam.account');
    await page.getByRole('row', { name: /spam\.account@example\.net/ }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'spam.account@example.net' })).toBeVisible();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    const confirm = dialog.getByRole('button', { name: /delete/i });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill('spam.account@example.net');
    await confirm.click();
    await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
    await page.getByLabel('Filter loaded users').fill('spam.account');
    await expect(page.getByRole('row', { name: /spam\.account@example\.net/ })).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(/users loaded/i)).toBeVisible();
    await page.getByLabel('Filter loaded users').fill('spam.account');
    await expect(page.getByRole('row', { name: /spam\.account@example\.net/ })).toHaveCount(0);
  });

  test('user data with markup is shown as text', async ({ page, pageErrors: _ }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    // The client-side filter searches every attribute, including the markup in the name.
    await page.getByLabel('Filter loaded users').fill('onerror=alert(1)');
    await page.getByRole('row', { name: /xss\.test@example\.com/ }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'xss.test@example.com' })).toBeVisible();
    const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(values).toContain('<img src=x onerror=alert(1)>');
    expect(values).toContain('<script>alert("x")</script>');
    await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test('CSV export holds the view and neutralises formulas', async ({ page, pageErrors: _ }) => {
    await expect(page.getByText(/users loaded/i)).toBeVisible();
    await page.getByLabel('Filter loaded users').fill('example.com');
    await page.getByRole('button', { name: /export/i }).click();
    const dialog = page.getByRole('dialog', { name: 'Export users' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: /CSV/ }).check();
    await dialog.getByRole('radio', { name: /This view/ }).check();
    await dialog.getByRole('radio', { name: 'Every attribute' }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Export \d+ users$/ }).click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');

    expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM, so spreadsheets read UTF-8
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/username/i);
    expect(lines.length).toBeGreaterThan(10);
    expect(csv).toContain('csv.injection@example.com');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toMatch(/'=HYPERLINK/);
    expect(csv).toMatch(/'@SUM\(A1:A9\)/);
    expect(csv).toMatch(/'=1\+2/);
    expect(csv).not.toContain('example.org'); // the view was filtered
  });
});
