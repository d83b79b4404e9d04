import { DEMO, expect, liveEndpoint as endpoint, REFUSED_AWS_CALL, signIn, test, useLiveEndpoint } from './fixtures';

// Live mode against the standalone emulator (no service worker), so the test can put itself
// between the browser and the endpoint and answer some calls with Cognito's throttling error.

test('a bulk run rides out throttling: retried with backoff, every user done once', async ({ page, request, consoleErrors }) => {
  consoleErrors.allow(REFUSED_AWS_CALL, 'the test answers every other call with ThrottlingException (HTTP 400)');
  await request.post(`${endpoint}/_emulator/reset`);
  await useLiveEndpoint(page);
  const calls: string[] = [];
  let throttled = 0;
  await page.route(`${endpoint}/`, async (route) => {
    const target = route.request().headers()['x-amz-target'] ?? '';
    if (target.endsWith('.AdminDisableUser')) {
      const username = (JSON.parse(route.request().postData() ?? '{}') as { Username?: string }).Username ?? '';
      calls.push(username);
      // Every other call is refused the way Cognito refuses over-quota calls.
      if (calls.length % 2 === 1) {
        throttled++;
        return route.fulfill({
          status: 400,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'TooManyRequestsException', 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-amzn-errortype,x-amzn-requestid' },
          body: JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }),
        });
      }
    }
    return route.continue();
  });

  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByText(/users loaded/i)).toBeVisible();

  await page.getByLabel('Filter loaded users').fill('example.net');
  const bodyRows = page.getByRole('row').filter({ has: page.getByRole('checkbox') });
  const rows = bodyRows.filter({ hasText: 'example.net' });
  await expect(rows.first()).toBeVisible();
  // The table recycles row elements while the filter settles: pick only once every row shown matches,
  // or a checkbox clicked mid-update can select a fifth user.
  await expect(bodyRows.filter({ hasNotText: 'example.net' }).filter({ hasNot: page.getByRole('columnheader') })).toHaveCount(0);
  const picked: string[] = [];
  for (let i = 0; i < 4; i++) {
    const row = rows.nth(i);
    picked.push((await row.getByRole('link').first().textContent()) ?? '');
    await row.getByRole('checkbox').check();
  }
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await bulk.getByLabel('Action').selectOption({ label: 'Disable' });
  await bulk.getByRole('button', { name: 'Disable…' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel(/Type .* to confirm/).fill('disable 4 users');
  await dialog.getByRole('button', { name: /Disable 4 users/ }).click();

  const results = page.getByRole('region', { name: /Disable: results/ });
  await expect(results).toBeVisible({ timeout: 30_000 });
  await expect(results).toContainText('4 done, 0 skipped, 0 failed');
  expect(throttled).toBeGreaterThanOrEqual(2);
  // Each user was disabled by exactly one successful call: retries only repeated refused calls.
  const succeeded = calls.filter((_, i) => i % 2 === 1);
  expect(new Set(succeeded).size).toBe(4);
  expect(succeeded.length).toBe(4);
});
