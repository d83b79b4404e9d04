// @vitest-environment jsdom
import '@/lib/testing/dom';
import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { emulatorPerFile, renderTestLogin, section, waitForStep } from './harness';

const emulator = emulatorPerFile();
const EMAIL = 'jane.tester@example.com';
const GOOD = 'Tester-Passw0rd!';

async function fillSignUp(user: ReturnType<typeof renderTestLogin>['user'], password: string) {
  await waitForStep('client', 'Done');
  const step = within(section('signUp'));
  await user.type(step.getByLabelText('Email (the username in this pool)'), EMAIL);
  const field = step.getByLabelText('Password');
  await user.clear(field);
  await user.type(field, password);
  return step;
}

describe('test login, steps 2–3: sign up and confirm', () => {
  it('checks the password live against the pool policy, shows InvalidPasswordException for a weak one sent anyway, then signs up', async () => {
    const { user } = renderTestLogin();
    const step = await fillSignUp(user, 'weakpass');
    expect(step.getByText(/does not meet the policy/)).toBeInTheDocument();
    expect(step.getByText(/At least 10 characters/i).closest('li')).toHaveTextContent('(not met)');
    await user.click(step.getByRole('button', { name: 'Sign up anyway' }));
    await waitForStep('signUp', 'Failed');
    const alert = step.getAllByRole('alert').find((a) => a.textContent?.startsWith('InvalidPasswordException'));
    expect(alert).toHaveTextContent(/password policy/i);
    expect(step.getByText('cognito-idp:SignUp')).toBeInTheDocument();
    // The password never reaches the screen, even in the call log.
    expect(document.body.textContent).not.toContain('weakpass');

    await user.clear(step.getByLabelText('Password'));
    await user.type(step.getByLabelText('Password'), GOOD);
    expect(step.queryByText(/does not meet the policy/)).toBeNull();
    await user.click(step.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Done');
    expect(step.getByText('UserConfirmed')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(GOOD);
    const confirm = within(section('confirm'));
    expect(confirm.getByText(/Cognito sent the code by/)).toHaveTextContent(/EMAIL to j\*+@e\*+/);
    expect(confirm.getByText('UNCONFIRMED')).toBeInTheDocument();
  });

  it('refuses a wrong code (CodeMismatchException), reads the real one from the outbox, confirms, and shows UNCONFIRMED → CONFIRMED', async () => {
    const { user } = renderTestLogin();
    const step = await fillSignUp(user, GOOD);
    await user.click(step.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Done');
    const confirm = within(section('confirm'));
    await user.type(confirm.getByLabelText('Confirmation code'), '000000');
    await user.click(confirm.getByRole('button', { name: 'Confirm sign-up' }));
    await waitForStep('confirm', 'Failed');
    expect(confirm.getAllByRole('alert')[0]).toHaveTextContent(/^CodeMismatchException.*not the code Cognito sent/);

    await user.click(confirm.getByRole('button', { name: "Read the code from the emulator's outbox" }));
    const sent = emulator().latestCode(EMAIL)!;
    await waitFor(() => expect(confirm.getByLabelText('Confirmation code')).toHaveValue(sent));
    await user.click(confirm.getByRole('button', { name: 'Confirm sign-up' }));
    await waitForStep('confirm', 'Done');
    expect(confirm.getByText(/User status:/)).toHaveTextContent('UNCONFIRMED → CONFIRMED');
    expect(confirm.getByText('cognito-idp:ConfirmSignUp')).toBeInTheDocument();
    expect(confirm.getByText('cognito-idp:AdminGetUser')).toBeInTheDocument();
  });

  it('answers an expired code with ExpiredCodeException, and a resent code works', async () => {
    const { user } = renderTestLogin();
    const step = await fillSignUp(user, GOOD);
    await user.click(step.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Done');
    const confirm = within(section('confirm'));
    const old = emulator().latestCode(EMAIL)!;
    emulator().advanceClock(25 * 3600);
    await user.type(confirm.getByLabelText('Confirmation code'), old);
    await user.click(confirm.getByRole('button', { name: 'Confirm sign-up' }));
    await waitForStep('confirm', 'Failed');
    expect(confirm.getAllByRole('alert')[0]).toHaveTextContent(/^ExpiredCodeException.*expired/);

    await user.click(confirm.getByRole('button', { name: 'Resend the code' }));
    await waitForStep('confirm', 'Done');
    expect(confirm.getByText(/A new code went to/)).toBeInTheDocument();
    const fresh = emulator().latestCode(EMAIL)!;
    expect(fresh).not.toBe(old);
    await user.clear(confirm.getByLabelText('Confirmation code'));
    await user.type(confirm.getByLabelText('Confirmation code'), fresh);
    await user.click(confirm.getByRole('button', { name: 'Confirm sign-up' }));
    // The status read after it is the operator's signed AdminGetUser, a day after the clock moved.
    expect(await confirm.findByText(/Confirmed: the user is now CONFIRMED/)).toBeInTheDocument();
    expect(confirm.getAllByText('cognito-idp:ConfirmSignUp').length).toBeGreaterThan(0);
  });

  it('says Cognito is throttling (TooManyRequestsException) and keeps the inputs for a retry', async () => {
    const { user } = renderTestLogin();
    const step = await fillSignUp(user, GOOD);
    emulator().server.use(
      http.post('https://cognito-idp.us-east-1.amazonaws.com/', () => HttpResponse.json({ __type: 'TooManyRequestsException', message: 'Too many requests' }, { status: 400 }), { once: true }),
    );
    await user.click(step.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Failed');
    expect(step.getAllByRole('alert')[0]).toHaveTextContent(/^TooManyRequestsException.*Wait a moment and try again/);
    expect(step.getByLabelText('Password')).toHaveValue(GOOD);
    await user.click(step.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Done');
  });

  it('keeps every input when the network fails mid-step, and succeeds when it is back; an existing user is UsernameExistsException', async () => {
    const { user } = renderTestLogin();
    const step = await fillSignUp(user, GOOD);
    emulator().server.use(http.post('https://cognito-idp.us-east-1.amazonaws.com/', () => HttpResponse.error(), { once: true }));
    await user.click(step.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Failed');
    expect(step.getAllByRole('alert')[0]).toHaveTextContent(/^NetworkError.*everything you typed is kept/);
    expect(step.getByLabelText('Email (the username in this pool)')).toHaveValue(EMAIL);
    expect(step.getByLabelText('Password')).toHaveValue(GOOD);
    await user.click(step.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Done');

    await user.click(step.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Failed');
    expect(step.getAllByRole('alert')[0]).toHaveTextContent(/^UsernameExistsException/);
    expect(DEMO.userPoolId).toBeTruthy();
  });
});
