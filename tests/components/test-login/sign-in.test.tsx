// @vitest-environment jsdom
import '@/lib/testing/dom';
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO, totpAt } from '@poolkeeper/cognito-emulator';
import { renderTestLogin, section, emulatorPerFile, waitForStep } from './harness';

const emulator = emulatorPerFile();
const PASSWORD = 'Tester-Passw0rd!';

function putUser(email: string, status: 'CONFIRMED' | 'UNCONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' = 'CONFIRMED') {
  emulator().createUser(DEMO.userPoolId, { username: email, password: PASSWORD, status, attributes: { email, email_verified: 'true' } });
}

async function signIn(user: ReturnType<typeof renderTestLogin>['user'], email: string, password = PASSWORD) {
  await waitForStep('client', 'Done');
  const step = within(section('signIn'));
  await user.type(step.getByLabelText('Username for sign-in'), email);
  await user.type(step.getByLabelText('Password for sign-in'), password);
  await user.click(step.getByRole('button', { name: 'Sign in with USER_SRP_AUTH' }));
  return step;
}

const firstAlert = (step: ReturnType<typeof within>) => step.getAllByRole('alert')[0];

describe('test login, step 4: sign in', () => {
  it('signs in with SRP (InitiateAuth + RespondToAuthChallenge, the password never sent) and verifies the tokens', async () => {
    putUser('srp@example.com');
    const { user } = renderTestLogin();
    const step = await signIn(user, 'srp@example.com');
    await waitForStep('signIn', 'Done');
    expect(step.getByText('cognito-idp:InitiateAuth')).toBeInTheDocument();
    expect(step.getByText('cognito-idp:RespondToAuthChallenge')).toBeInTheDocument();
    expect(section('signIn').textContent).toContain('"AuthFlow": "USER_SRP_AUTH"');
    expect(document.body.textContent).not.toContain(PASSWORD);
    await waitForStep('tokens', 'Done');
    expect(within(section('tokens')).getAllByText('Signature verified')).toHaveLength(2);
  });

  it('explains a wrong password, an unconfirmed user (with the way to step 3) and a reset-required user (Forgot password opens)', async () => {
    putUser('wrong@example.com');
    putUser('unconfirmed@example.com', 'UNCONFIRMED');
    putUser('reset@example.com', 'RESET_REQUIRED');
    const { user } = renderTestLogin();
    let step = await signIn(user, 'wrong@example.com', 'Not-the-Passw0rd!');
    await waitForStep('signIn', 'Failed');
    expect(firstAlert(step)).toHaveTextContent(/^NotAuthorizedException.*username or password is incorrect/);
    expect(firstAlert(step)).toHaveTextContent('AWS said: Incorrect username or password.');

    await user.clear(step.getByLabelText('Username for sign-in'));
    await user.clear(step.getByLabelText('Password for sign-in'));
    step = await signIn(user, 'unconfirmed@example.com');
    await waitFor(() => expect(firstAlert(step)).toHaveTextContent(/^UserNotConfirmedException.*step 3/));
    expect(step.getByRole('link', { name: 'Go to step 3 to confirm the sign-up' })).toHaveAttribute('href', '#step-confirm');

    await user.clear(step.getByLabelText('Username for sign-in'));
    await user.clear(step.getByLabelText('Password for sign-in'));
    step = await signIn(user, 'reset@example.com');
    await waitFor(() => expect(firstAlert(step)).toHaveTextContent(/^PasswordResetRequiredException.*Forgot password/));
    expect(step.getByText(/Forgot password \(ForgotPassword/).closest('details')).toHaveAttribute('open');
  });

  it('runs Forgot password: ForgotPassword → code from the outbox → ConfirmForgotPassword → sign in with the new password', async () => {
    putUser('forgot@example.com');
    const { user } = renderTestLogin();
    await waitForStep('client', 'Done');
    const step = within(section('signIn'));
    await user.type(step.getByLabelText('Username for sign-in'), 'forgot@example.com');
    await user.click(step.getByText(/Forgot password \(ForgotPassword/));
    await user.click(step.getByRole('button', { name: 'Send a reset code' }));
    expect(await step.findByText(/The code went by EMAIL to f\*+@e\*+/)).toBeInTheDocument();
    await user.click(step.getByRole('button', { name: "Read the code from the emulator's outbox" }));
    await waitFor(() => expect(step.getByLabelText('Reset code')).toHaveValue(emulator().latestCode('forgot@example.com')));
    await user.type(step.getByLabelText('New password for the reset'), 'Brand-New-Passw0rd!');
    await user.click(step.getByRole('button', { name: 'Set the new password' }));
    expect(await step.findByText('The password is set. Sign in with it now.')).toBeInTheDocument();
    expect(step.getByLabelText('Password for sign-in')).toHaveValue('Brand-New-Passw0rd!');
    await user.click(step.getByRole('button', { name: 'Sign in with USER_SRP_AUTH' }));
    await waitForStep('tokens', 'Done');
  });

  it('answers NEW_PASSWORD_REQUIRED; an expired challenge session restarts the sign-in with a note, keeping the inputs', async () => {
    putUser('newpass@example.com', 'FORCE_CHANGE_PASSWORD');
    const { user } = renderTestLogin();
    const step = await signIn(user, 'newpass@example.com');
    expect(await step.findByText('NEW_PASSWORD_REQUIRED')).toBeInTheDocument();
    await user.type(step.getByLabelText('New password'), 'Chosen-Passw0rd!');
    emulator().advanceClock(4 * 60);
    await user.click(step.getByRole('button', { name: 'Set the password and continue' }));
    expect(await step.findByText(/AuthSessionValidity \(3 minutes\), and that time has passed\. Sign in again/)).toBeInTheDocument();
    expect(step.queryByText('NEW_PASSWORD_REQUIRED')).toBeNull();
    expect(step.getByLabelText('Username for sign-in')).toHaveValue('newpass@example.com');

    await user.click(step.getByRole('button', { name: 'Sign in with USER_SRP_AUTH' }));
    expect(await step.findByText('NEW_PASSWORD_REQUIRED')).toBeInTheDocument();
    expect(step.getByLabelText('New password')).toHaveValue('Chosen-Passw0rd!');
    await user.click(step.getByRole('button', { name: 'Set the password and continue' }));
    await waitForStep('tokens', 'Done');
  });

  it('sets up an authenticator (MFA_SETUP) from a QR code drawn as SVG, then answers SOFTWARE_TOKEN_MFA on the next sign-in', async () => {
    await emulator().call('cognito-idp', 'SetUserPoolMfaConfig', { UserPoolId: DEMO.userPoolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    putUser('mfa@example.com');
    const { user } = renderTestLogin();
    const step = await signIn(user, 'mfa@example.com');
    const qr = await step.findByRole('img', { name: 'QR code to add mfa@example.com to an authenticator app' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    const secret = step.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/).textContent!.replace(/\s+/g, '');
    expect(section('signIn').textContent).toContain('cognito-idp:AssociateSoftwareToken');
    await user.type(step.getByLabelText('6-digit code'), await totpAt(secret, emulator().emulator.clock.now()));
    await user.click(step.getByRole('button', { name: 'Verify and finish signing in' }));
    await waitForStep('tokens', 'Done');
    expect(document.body.textContent).not.toContain(secret.slice(0, 12));

    emulator().advanceClock(31);
    await user.click(step.getByRole('button', { name: 'Sign in with USER_SRP_AUTH' }));
    expect(await step.findByText('SOFTWARE_TOKEN_MFA')).toBeInTheDocument();
    await user.type(step.getByLabelText('6-digit code'), '000000');
    await user.click(step.getByRole('button', { name: 'Verify the code' }));
    await waitForStep('signIn', 'Failed');
    expect(firstAlert(step)).toHaveTextContent(/^CodeMismatchException/);
  });
});
