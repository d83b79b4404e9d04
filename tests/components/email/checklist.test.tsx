// @vitest-environment jsdom
/**
 * "Why didn't my code arrive?" on real emulator state: each checklist rule is made true in the
 * emulator (not in a mock), then looked up the way support does; the resend that fits the status
 * is sent and its outcome checked in the emulator's outbox.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, ADMIN_POLICY } from '@poolkeeper/cognito-emulator';
import { sentLog } from '../../../src/features/email/model/sent-log';
import { nodeHostTarget } from '../../support/targets';
import { contextFor, lookUp, operatorContext, renderEmail, rule } from './harness';

const target = nodeHostTarget();
const region = DEMO.region;

beforeEach(async () => {
  await target.host().reset();
  localStorage.clear();
  sentLog.forgetResends();
});
afterEach(() => cleanup());

const status = async (id: string, expected: string) =>
  waitFor(() => expect(within(rule(id)).getByText(expected)).toBeInTheDocument(), { timeout: 10_000 });
const notSent = () => screen.findByText('Not sent', {}, { timeout: 10_000 }).then((title) => title.closest('[role="alert"]')!);
const outbox = (to: string) => target.emulator.outbox.list({ to });

describe('the checklist, one rule per cause, from real emulator state', () => {
  it('an unconfirmed user whose code can go: every rule passes, the resend goes out and the quota moves', async () => {
    const user = userEvent.setup();
    renderEmail(await operatorContext(target));
    await lookUp(user, 'liam.chen@example.org');
    await status('ses-sandbox', 'OK');
    for (const id of ['status', 'address', 'auto-verify', 'ses-identity', 'ses-paused', 'ses-quota', 'resend-limit', 'code-age']) await status(id, 'OK');
    expect(within(rule('default-cap')).getByText('Does not apply')).toBeInTheDocument();
    expect(screen.getByText(/Nothing here blocks the code/)).toBeInTheDocument();
    const before = target.emulator.ses.sentLast24Hours(region);

    await user.click(screen.getByRole('button', { name: 'Resend sign-up code' }));
    expect(await screen.findByText('Sent with ResendConfirmationCode', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('l***@e***')).toBeInTheDocument();
    expect(outbox('liam.chen@example.org').at(-1)).toMatchObject({ kind: 'resend-code', via: 'ses' });
    await screen.findByText(new RegExp(`Quota after: ${before + 1} of 200 sent`), {}, { timeout: 10_000 });
  });

  it('already confirmed: no code is sent; the reset asks first, says the password stops working, then sends a reset code', async () => {
    const user = userEvent.setup();
    renderEmail(await operatorContext(target));
    await lookUp(user, 'james.brown@example.net');
    await status('status', 'Blocks the code');
    expect(screen.getByText(/Most likely:/).parentElement).toHaveTextContent('Already confirmed');
    await user.click(screen.getByRole('button', { name: 'Reset password…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('current password stops working at once');
    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    expect(await screen.findByText('Sent with AdminResetUserPassword', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(outbox('james.brown@example.net').at(-1)).toMatchObject({ kind: 'admin-reset-password' });
  });

  it('no email address and nothing auto-verified: Cognito has nowhere to send and sends no code', async () => {
    const user = userEvent.setup();
    const { poolId, clientId } = await target.host().createPool({ settings: { AutoVerifiedAttributes: [] } });
    target.host().createUser(poolId, { username: 'no-contact', status: 'UNCONFIRMED', password: 'Passw0rd!Passw0rd' });
    renderEmail(contextFor(target, poolId, undefined, region, clientId));
    await lookUp(user, 'no-contact');
    await status('address', 'Blocks the code');
    await status('auto-verify', 'Blocks the code');
    expect(within(rule('auto-verify')).getByText(/sends no confirmation code at all/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resend sign-up code' }));
    expect(await notSent()).toHaveTextContent(/Auto verification not turned on/);
  });

  it("the default sender's cap: counted by this dashboard, refused by Cognito once AWS's 50 are gone", async () => {
    const user = userEvent.setup();
    const { poolId, clientId } = await target.host().createPool({ settings: { AutoVerifiedAttributes: ['email'] } });
    target.host().createUser(poolId, { username: 'dana', status: 'UNCONFIRMED', attributes: { email: 'dana@example.org' }, password: 'Passw0rd!Passw0rd' });
    // Sign-ups elsewhere in the account spent the default sender's day: the dashboard cannot see them.
    for (let i = 0; i < 50; i++) {
      target.emulator.mailer.send({ channel: 'email', to: `someone${i}@example.org`, subject: 's', body: 'b', kind: 'sign-up', poolId, username: `u${i}` });
    }
    renderEmail(contextFor(target, poolId, undefined, region, clientId));
    await lookUp(user, 'dana@example.org');
    await status('default-cap', 'Unknown');
    expect(within(rule('default-cap')).getByText(/AWS exposes no counter/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resend sign-up code' }));
    expect(await notSent()).toHaveTextContent(/Exceeded daily email limit/);

    // What this dashboard itself sent today is counted per pool, without any user data stored.
    cleanup();
    localStorage.setItem('poolkeeper.email.sent-today.v1', JSON.stringify({ [poolId]: { day: quotaDay(Date.now()), count: 50 } }));
    renderEmail(contextFor(target, poolId, undefined, region, clientId));
    await lookUp(user, 'dana@example.org');
    await status('default-cap', 'Blocks the code');
    expect(screen.getByRole('meter', { name: 'Default-sender emails this dashboard sent today' })).toHaveAttribute('aria-valuenow', '50');
  });

  it('the SES identity is not verified: SES refuses to send from it', async () => {
    const user = userEvent.setup();
    target.emulator.ses.putIdentity(region, DEMO.sesIdentity, 'Pending');
    renderEmail(await operatorContext(target));
    await lookUp(user, 'liam.chen@example.org');
    await status('ses-identity', 'Blocks the code');
    expect(within(rule('ses-identity')).getByText(/no-reply@example.com is Pending in us-east-1/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resend sign-up code' }));
    expect(await notSent()).toHaveTextContent(/Cognito could not deliver the code/);
  });

  it('SES sending is paused: the rule says so and the resend fails as AWS fails it', async () => {
    const user = userEvent.setup();
    target.emulator.ses.configureAccount(region, { sendingEnabled: false });
    renderEmail(await operatorContext(target));
    await lookUp(user, 'liam.chen@example.org');
    await status('ses-paused', 'Blocks the code');
    await user.click(screen.getByRole('button', { name: 'Resend sign-up code' }));
    expect(await notSent()).toHaveTextContent(/Email sending is disabled for this account/);
    expect(outbox('liam.chen@example.org')).toHaveLength(0);
  });

  it('the SES sandbox with an unverified recipient', async () => {
    const user = userEvent.setup();
    renderEmail(await operatorContext(target));
    await lookUp(user, 'kenji.mori@example.io');
    await status('ses-sandbox', 'Blocks the code');
    expect(within(rule('ses-sandbox')).getByText(/kenji.mori@example.io is not a verified identity/)).toBeInTheDocument();
  });

  it('the SES daily quota is used up', async () => {
    const user = userEvent.setup();
    target.emulator.ses.configureAccount(region, { max24HourSend: target.emulator.ses.sentLast24Hours(region) });
    renderEmail(await operatorContext(target));
    await lookUp(user, 'liam.chen@example.org');
    await status('ses-quota', 'Blocks the code');
  });

  it('the limit of 5 resends an hour: counted here, then refused by Cognito with LimitExceededException', async () => {
    const user = userEvent.setup();
    renderEmail(await operatorContext(target));
    await lookUp(user, 'olivia.martin@example.org');
    await status('resend-limit', 'OK');
    for (let i = 1; i <= 5; i++) {
      await user.click(await screen.findByRole('button', { name: 'Resend sign-up code' }, { timeout: 10_000 }));
      await waitFor(() => expect(outbox('olivia.martin@example.org')).toHaveLength(i), { timeout: 10_000 });
    }
    await status('resend-limit', 'Blocks the code');
    await user.click(await screen.findByRole('button', { name: 'Resend sign-up code' }, { timeout: 10_000 }));
    expect(await notSent()).toHaveTextContent(/Attempt limit exceeded/);
    expect(outbox('olivia.martin@example.org')).toHaveLength(5);
  });

  it("resends made by the user's app count too: once Cognito refuses, the rule says the limit is reached", async () => {
    const user = userEvent.setup();
    for (let i = 0; i < 5; i++) await target.host().call('cognito-idp', 'ResendConfirmationCode', { ClientId: DEMO.testClientId, Username: 'ava.johnson@example.org' });
    renderEmail(await operatorContext(target));
    await lookUp(user, 'ava.johnson@example.org');
    await status('resend-limit', 'OK');
    await user.click(await screen.findByRole('button', { name: 'Resend sign-up code' }, { timeout: 10_000 }));
    expect(await notSent()).toHaveTextContent(/Attempt limit exceeded/);
    await status('resend-limit', 'Blocks the code');
  });

  it('an expired sign-up code (older than 24 hours) is flagged', async () => {
    const user = userEvent.setup();
    renderEmail(await operatorContext(target));
    await lookUp(user, 'noah.kim@example.net');
    await status('code-age', 'Check');
    expect(within(rule('code-age')).getByText(/expired after 24 hours/)).toBeInTheDocument();
  });
});

describe('bad input and failures', () => {
  it('an unknown user gets a clear answer, and the value is escaped into the filter', async () => {
    const user = userEvent.setup();
    renderEmail(await operatorContext(target));
    await lookUp(user, 'nobody" OR email ^= "@example.com');
    expect(await screen.findByText('No such user', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/No user in this pool has the email address/)).toBeInTheDocument();
  });

  it('SES in another Region than the one Poolkeeper reads: the screen says so and how to fix it', async () => {
    const user = userEvent.setup();
    target.emulator.ses.putIdentity('eu-west-1', 'no-reply@example.com', 'Success');
    const { poolId, clientId } = await target.host().createPool({
      settings: {
        AutoVerifiedAttributes: ['email'],
        EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:eu-west-1:000000000000:identity/no-reply@example.com' },
      },
    });
    target.host().createUser(poolId, { username: 'erin', status: 'UNCONFIRMED', attributes: { email: 'erin@example.org' }, password: 'Passw0rd!Passw0rd' });
    renderEmail(contextFor(target, poolId, undefined, region, clientId));
    expect((await screen.findAllByText(/sends through SES in eu-west-1, but Poolkeeper reads SES in us-east-1/, {}, { timeout: 10_000 })).length).toBeGreaterThan(0);
    await lookUp(user, 'erin@example.org');
    await status('ses-identity', 'Unknown');
    expect(within(rule('ses-identity')).getByText(/Set "sesRegion" to eu-west-1/)).toBeInTheDocument();
  });

  it('GetSendStatistics denied by IAM: the section names the missing action, the rest of the page works', async () => {
    const user = userEvent.setup();
    const ctx = await operatorContext(target);
    const policy = structuredClone(ADMIN_POLICY);
    for (const statement of [policy.Statement].flat()) {
      if ('Action' in statement && Array.isArray(statement.Action)) statement.Action = statement.Action.filter((a) => a !== 'ses:GetSendStatistics');
    }
    const role = target.emulator.iam.getRole(DEMO.adminRoleArn)!;
    target.emulator.iam.putRole({ ...role, policy });
    renderEmail(ctx);
    const health = await screen.findByRole('region', { name: 'Sending health' }, { timeout: 10_000 });
    expect(await within(health).findByText(/Your role does not allow ses:GetSendStatistics/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(await screen.findByRole('meter', { name: 'SES emails sent in the last 24 hours' }, { timeout: 10_000 })).toBeInTheDocument();
    await lookUp(user, 'liam.chen@example.org');
    await status('ses-sandbox', 'OK');
  });
});

function quotaDay(now: number): number {
  const day = 24 * 3600 * 1000;
  const nine = 9 * 3600 * 1000;
  return Math.floor((now - nine) / day) * day + nine;
}
