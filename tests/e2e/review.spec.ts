import { readFile } from 'node:fs/promises';
import { DEMO, expect, expectAccessible, signIn, test } from './fixtures';

test.describe('configuration review on the embedded emulator', () => {
  test('open Configuration, filter to high, open a finding, go to its setting, export Markdown', async ({ page, pageErrors: _ }) => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // The emulated app looks for an optional /config.json first; its 404 is expected.
      if (message.type() === 'error' && !message.location().url.endsWith('/config.json')) consoleErrors.push(`${message.text()} ${message.location().url}`);
    });
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
    await page.getByRole('link', { name: 'Configuration', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Configuration', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Findings', exact: true })).toBeVisible();
    // Every app client read: the summary line becomes the page's status.
    await expect(page.getByRole('status').filter({ hasText: /\d+ findings · \d+ checks passed/ })).toBeVisible();
    await expectAccessible(page);

    // The demo pool's deliberate findings: the legacy client's implicit grant and http callback are high.
    // The filter lives in the URL; the box shows checked once the navigation has landed.
    await page.getByRole('checkbox', { name: /^high/i }).click();
    await expect(page).toHaveURL(/severity=high/);
    await expect(page.getByRole('checkbox', { name: /^high/i })).toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: /^2 of \d+ findings/ })).toBeVisible();
    const findings = page.locator('.findings > li');
    await expect(findings.first()).toBeVisible();
    for (const text of await findings.locator('summary .badge').allTextContents()) expect(text).toBe('high');
    await expect(page.getByText('The implicit OAuth grant is allowed')).toBeVisible();

    // The filter is in the URL: a reload shows the same view.
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /^high/i })).toBeChecked();

    await page.getByText('A callback or sign-out URL uses plain http').click();
    const opened = page.locator('.findings details[open]');
    await expect(opened.locator('summary')).toContainText('app client legacy-storefront');
    await expect(opened.getByText('UserPoolClient.CallbackURLs = ["http://shop.acme-customers.test/callback"]')).toBeVisible();
    await expect(opened.getByText(/update-user-pool-client --user-pool-id us-east-1_DemoPool1/)).toBeVisible();
    await expectAccessible(page);
    await opened.getByRole('link', { name: 'Go to the setting' }).click();
    await expect(page).toHaveURL(/#client-/);
    await expect(page.locator(':target')).toContainText('legacy-storefront');

    // The password policy as the rule a user meets, with a live check.
    await page.getByLabel('Try a password').fill('short');
    await expect(page.getByText('At least 10 characters (not met)')).toBeAttached();
    await page.getByLabel('Try a password').fill('Longer-Passw0rd!');
    await expect(page.getByText('At least 10 characters (met)')).toBeAttached();

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^review-us-east-1_DemoPool1-.*\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain('# Configuration review: Acme customers');
    expect(markdown).toContain('The implicit OAuth grant is allowed');
    expect(markdown).toContain('## Not evaluated');
    expect(consoleErrors).toEqual([]);
  });
});
