import { DEMO, expect, expectAccessible, liveEndpoint, signIn, test, useLiveEndpoint } from './fixtures';

// Support's ticket, end to end on the embedded emulator: "I never got my verification code".
test('support looks up an unconfirmed user, sees why, resends, reads the code in the outbox, and the quota moves', async ({ page, pageErrors: _ }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The emulated start-up asks for an optional config.json first; its 404 is expected.
    if (message.type() === 'error' && !message.location().url.endsWith('/config.json')) consoleErrors.push(message.text());
  });

  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  await page.getByRole('link', { name: 'Email & codes' }).click();
  await expect(page.getByRole('heading', { name: 'Email & codes', level: 1 })).toBeVisible();

  const meter = page.getByRole('meter', { name: 'SES emails sent in the last 24 hours' });
  await expect(meter).toBeVisible();
  const before = Number(await meter.getAttribute('aria-valuenow'));
  await expect(page.locator('.send-chart canvas').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Username, email or phone').fill('liam.chen@example.org');
  await page.getByRole('button', { name: 'Look up' }).click();
  const diagnosis = page.getByRole('region', { name: 'Diagnosis for liam.chen@example.org' });
  await expect(diagnosis.getByRole('heading', { name: 'liam.chen@example.org' })).toBeVisible();
  await expect(diagnosis.getByText('UNCONFIRMED', { exact: true })).toBeVisible();
  await expect(diagnosis.locator('[data-rule="ses-sandbox"]')).toContainText('this recipient is verified');
  await expect(diagnosis.getByText(/Nothing here blocks the code/)).toBeVisible();
  await expectAccessible(page);

  await diagnosis.getByRole('button', { name: 'Resend sign-up code' }).click();
  await expect(diagnosis.getByText('Sent with ResendConfirmationCode')).toBeVisible();
  await expect(diagnosis.getByText('l***@e***')).toBeVisible();
  await expect(meter).toHaveAttribute('aria-valuenow', String(before + 1));

  await page.getByRole('link', { name: /Outbox/ }).click();
  await expect(page.getByText("The emulator's outbox")).toBeVisible();
  await page.getByLabel('Filter by address').fill('liam.chen@example.org');
  const row = page.getByRole('row').filter({ hasText: 'resend-code' });
  await expect(row).toHaveCount(1);
  const code = (await row.locator('code').textContent()) ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await expectAccessible(page);
  expect(consoleErrors).toEqual([]);
});

// Live mode with an `endpoint`: the Outbox tab appears only because /_emulator/health answers there.
test('against the standalone emulator as an endpoint, the outbox is found through its health check', async ({ page, request, pageErrors: _ }) => {
  await request.post(`${liveEndpoint}/_emulator/reset`);
  await useLiveEndpoint(page);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  await page.getByRole('link', { name: 'Email & codes' }).click();
  await page.getByRole('link', { name: /Outbox/ }).click();
  await expect(page.getByText("The emulator's outbox")).toBeVisible();
  await expect(page.getByText('Nothing sent yet')).toBeVisible();
});
