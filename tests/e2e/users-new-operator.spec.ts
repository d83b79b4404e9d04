import { DEMO, expect, expectAccessible, REFUSED_AWS_CALL, signIn, test } from './fixtures';

/** Issue 11, in real Chromium: the users screens as a new operator meets them. */
test.describe('users, as a new operator meets them', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.admin.username, DEMO.admin.password);
    await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  });

  test('the list spans a 1920 px screen, the heading focus is no text-field ring, columns resize', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    // Keyboard navigation moves focus to the new page's heading.
    await page.getByRole('link', { name: 'Users', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/users loaded/i)).toBeVisible();
    const heading = page.getByRole('heading', { level: 1, name: 'Users' });
    await expect(heading).toBeFocused();
    const ring = await heading.evaluate((el) => {
      const style = getComputedStyle(el);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(ring.outline).toBe('none');
    expect(ring.shadow).not.toMatch(/0px 0px 0px 4px/);

    const table = page.locator('.users-table__scroll');
    const box = (await table.boundingBox())!;
    expect(box.width).toBeGreaterThan(1800);
    // Nothing cut off: the table's content fits without a horizontal scrollbar.
    expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    const grip = page.getByRole('separator', { name: 'Resize Email', exact: true });
    const gripBox = (await grip.boundingBox())!;
    await page.mouse.move(gripBox.x + gripBox.width / 2, gripBox.y + gripBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(gripBox.x + 80, gripBox.y + gripBox.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(grip).toHaveAttribute('aria-valuenow', /^3[12]\d$/);
    await page.reload();
    await expect(page.getByRole('separator', { name: 'Resize Email', exact: true })).toHaveAttribute('aria-valuenow', /^3[12]\d$/);
    await expectAccessible(page);
  });

  test('an unknown tab redirects once; a deleted user shows as deleted on Back', async ({ page, consoleErrors }) => {
    consoleErrors.allow(REFUSED_AWS_CALL, 'on Back the page asks Cognito for the deleted user again, and it answers UserNotFoundException (HTTP 400)');
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByLabel('Filter loaded users').fill('chargeback');
    await page.getByRole('row', { name: /chargeback@example\.org/ }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'chargeback@example.org' })).toBeVisible();
    const userUrl = page.url();

    await page.goto(userUrl.replace(/\/attributes$/, '/bogus'));
    await expect(page.getByRole('heading', { level: 2, name: 'Attributes' })).toBeVisible();
    expect(page.url()).toBe(userUrl);

    // By email in the URL: the tab is marked current.
    await page.goto('/users/chargeback%40example.org/groups');
    await expect(page.getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page');

    await page.goto(userUrl);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByLabel(/Type .* to confirm/).fill('chargeback@example.org');
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'chargeback@example.org was deleted' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a reload in the middle of a bulk run keeps what was done and resumes the rest', async ({ page }) => {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await expect(page.getByText(/users loaded/i)).toBeVisible();
    await page.getByRole('checkbox', { name: /Select all .* users in this view/ }).check();
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByLabel('Action').selectOption({ label: 'Add to group' });
    await bulk.getByLabel('Group').selectOption('beta-testers');
    await bulk.getByRole('button', { name: 'Add to group…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^Add to group \d+ users$/ }).click();
    const running = page.getByRole('region', { name: /Add to group “beta-testers”: running/ });
    await expect(running).toContainText(/: ([2-9]\d|1\d\d) of \d+/, { timeout: 20_000 });

    page.once('dialog', (d) => void d.accept()); // the browser's "Leave site?" prompt
    await page.reload();
    const results = page.getByRole('region', { name: 'Add to group “beta-testers”: results' });
    await expect(results).toContainText('The page was reloaded while this ran');
    const resume = results.getByRole('button', { name: /^Resume the remaining \d+$/ });
    await expect(resume).toBeVisible();
    await expect(page.getByText(/users loaded/i)).toBeVisible();
    await resume.click();
    const done = page.getByRole('region', { name: 'Add to group “beta-testers”: results' });
    // Every user accounted for once: done, or already in the group (those done before the reload).
    await expect(done.getByText(/^Add to group “beta-testers”: \d+ done, \d+ skipped, 0 failed$/)).toBeVisible({ timeout: 60_000 });
    await expect(done.getByRole('button', { name: /Resume|Retry/ })).toHaveCount(0);
  });
});
