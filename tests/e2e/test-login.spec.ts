import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, liveEndpoint, REFUSED_AWS_CALL, signIn, test, useLiveEndpoint, type ConsoleErrors } from './fixtures';

/**
 * The seed's end-user journey through the Test login panel, in real Chromium: once on the embedded
 * emulator (service worker) and once in live mode against the standalone emulator over HTTP.
 * With TEST_LOGIN_SCREENSHOTS=<dir> every step is also photographed at 1366 and 1920 px wide.
 */
const SHOTS = process.env.TEST_LOGIN_SCREENSHOTS;
const PASSWORD = 'E2e-Tester-Passw0rd!';

async function shoot(page: Page, mode: string, name: string, target?: Locator) {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  for (const width of [1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    if (target) await target.scrollIntoViewIfNeeded();
    await (target ?? page).screenshot({ path: `${SHOTS}/${mode}-${name}-${width}.png`, ...(target ? {} : { fullPage: false }) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The refusals this journey provokes on purpose; Chromium logs each as a console error. */
function allowProvokedRefusals(consoleErrors: ConsoleErrors) {
  consoleErrors.allow(REFUSED_AWS_CALL, 'SignUp with a weak password, and REFRESH_TOKEN_AUTH after GlobalSignOut, are refused (400) on purpose');
  consoleErrors.allow(
    /^Failed to load resource: the server responded with a status of 401 .*\((https:\/\/pk0demoapi\.execute-api\.us-east-1\.amazonaws\.com|http:\/\/127\.0\.0\.1:\d+\/_apigw\/pk0demoapi)\/demo\/hello\)$/,
    'the demo API called without a token answers 401 on purpose',
  );
}

async function runJourney(page: Page, mode: 'emulated' | 'live') {
  const email = `e2e-${mode}-${Date.now()}@example.com`;
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page.getByRole('heading', { name: 'Pool overview' })).toBeVisible();
  await page.getByRole('link', { name: 'Test login', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Test login', level: 1 })).toBeVisible();

  // 1. The configured end-user client is described at once.
  const client = page.locator('#step-client');
  await expect(client.getByText('acme-mobile-app', { exact: true })).toBeVisible();
  await expect(client.getByText('Done', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, mode, '0-page');
  await shoot(page, mode, '1-client', client);

  // 2. A weak password is refused by Cognito; a good one signs up.
  const signUp = page.locator('#step-signUp');
  await signUp.getByLabel('Email (the username in this pool)').fill(email);
  await signUp.getByLabel('Password', { exact: true }).fill('weakpass');
  await signUp.getByRole('button', { name: 'Sign up anyway' }).click();
  await expect(signUp.getByRole('alert').filter({ hasText: 'InvalidPasswordException' })).toBeVisible();
  await shoot(page, mode, '2a-sign-up-refused', signUp);
  await signUp.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await signUp.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(signUp.getByText('UserConfirmed', { exact: true })).toBeVisible();
  await shoot(page, mode, '2b-sign-up', signUp);

  // 3. The code from the emulator's outbox confirms the user.
  const confirm = page.locator('#step-confirm');
  await expect(confirm.getByText('UNCONFIRMED', { exact: true })).toBeVisible();
  await confirm.getByRole('button', { name: "Read the code from the emulator's outbox" }).click();
  await expect(confirm.getByLabel('Confirmation code')).toHaveValue(/^\d{6}$/);
  await confirm.getByRole('button', { name: 'Confirm sign-up' }).click();
  await expect(confirm.getByText(/User status:/)).toHaveText(/UNCONFIRMED\s*→\s*CONFIRMED/);
  await shoot(page, mode, '3-confirm', confirm);

  // 4–5. SRP sign-in; both tokens verified against the pool's JWKS.
  const signInStep = page.locator('#step-signIn');
  await expect(signInStep.getByLabel('Username for sign-in')).toHaveValue(email);
  await signInStep.getByRole('button', { name: 'Sign in with USER_SRP_AUTH' }).click();
  const tokens = page.locator('#step-tokens');
  await expect(tokens.getByText('Signature verified')).toHaveCount(2);
  await shoot(page, mode, '4-sign-in', signInStep);
  await shoot(page, mode, '5-tokens', tokens);

  // 6. The identity pool gives the default authenticated role.
  const identity = page.locator('#step-identity');
  await identity.getByRole('button', { name: 'Get AWS credentials for the test user' }).click();
  await expect(identity.getByText('arn:aws:iam::000000000000:role/PoolkeeperAuthenticated', { exact: true })).toBeVisible();
  await shoot(page, mode, '6-identity', identity);

  // 7. The demo API: 200 with the claims for the ID token, 401 without a token.
  const api = page.locator('#step-api');
  await api.getByRole('button', { name: 'Send the request' }).click();
  await expect(api.getByText('HTTP 200')).toBeVisible();
  await expect(api.getByRole('region', { name: 'The response' })).toContainText(`"email": "${email}"`);
  await shoot(page, mode, '7a-api-200', api);
  await api.getByRole('radio', { name: 'No token' }).check();
  await api.getByRole('button', { name: 'Send the request' }).click();
  await expect(api.getByText(/^HTTP 401/)).toBeVisible();
  await shoot(page, mode, '7b-api-401', api);

  // 8. Sign out everywhere (the refresh token is refused), then delete the user.
  const signOut = page.locator('#step-signOut');
  await signOut.getByRole('button', { name: 'Sign out everywhere (GlobalSignOut)' }).click();
  await expect(signOut.getByText(/Signed out everywhere: the refresh token is refused now/)).toBeVisible();
  await signOut.getByRole('button', { name: 'Delete the test user' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Delete ${email}?` });
  await expectAccessible(page);
  await shoot(page, mode, '8a-delete-dialog');
  await dialog.getByRole('button', { name: 'Delete the test user' }).click();
  await expect(signOut.getByText(`Deleted ${email} from the pool.`)).toBeVisible();
  await shoot(page, mode, '8b-signed-out', signOut);
  await expectAccessible(page);

  // The test user's session lived only in the page: nothing stored, the operator unchanged.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(email);
  await expect(page.getByText(DEMO.admin.username).first()).toBeVisible();
}

test('the end user journey through Test login on the embedded emulator', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  allowProvokedRefusals(consoleErrors);
  await runJourney(page, 'emulated');
});

test('the same journey in live mode against the standalone emulator', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  allowProvokedRefusals(consoleErrors);
  await useLiveEndpoint(page, { testClientId: 'pk0demo0mobile0app00000003', testApiUrl: `${liveEndpoint}/_apigw/pk0demoapi/demo/hello` });
  await runJourney(page, 'live');
});
