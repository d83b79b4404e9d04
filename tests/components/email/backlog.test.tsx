// @vitest-environment jsdom
/**
 * The unconfirmed backlog and "Resend to all of them" on the emulator: the count streamed in,
 * the send budget (quota left minus the operator's reserve) never passed, nothing sent twice
 * (retry takes failures only), cancel, and throttling ridden out on the shared bulk runner.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { sentLog } from '../../../src/features/email/model/sent-log';
import { nodeHostTarget } from '../../support/targets';
import { operatorContext, renderEmail } from './harness';

const target = nodeHostTarget();
const region = DEMO.region;
const IDP = `https://cognito-idp.${region}.amazonaws.com/`;
const RESEND = 'AWSCognitoIdentityProviderService.ResendConfirmationCode';

beforeEach(async () => {
  await target.host().reset();
  localStorage.clear();
  sentLog.forgetResends();
});
afterEach(() => {
  cleanup();
  target.host().server.resetHandlers();
});

async function unconfirmedEnabled(): Promise<number> {
  const out = (await target.host().call('cognito-idp', 'ListUsers', { UserPoolId: DEMO.userPoolId, Filter: 'cognito:user_status = "UNCONFIRMED"', Limit: 60 })) as { Users: { Enabled: boolean }[] };
  return out.Users.filter((u) => u.Enabled).length;
}
const resent = () => target.emulator.outbox.list({ kind: 'resend-code' });
const section = () => screen.getByRole('region', { name: 'Unconfirmed backlog' });

async function openBacklog(reserve: number) {
  const user = userEvent.setup();
  renderEmail(await operatorContext(target));
  const backlog = await screen.findByRole('region', { name: 'Unconfirmed backlog' }, { timeout: 10_000 });
  const input = within(backlog).getByLabelText('Keep in reserve (emails)');
  await user.clear(input);
  await user.type(input, String(reserve));
  await waitFor(() => expect(within(backlog).getByRole('button', { name: 'Resend to all of them…' })).toBeEnabled(), { timeout: 10_000 });
  return user;
}

async function runAll(user: ReturnType<typeof userEvent.setup>) {
  await user.click(within(section()).getByRole('button', { name: 'Resend to all of them…' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Resend codes' }));
}

describe('the unconfirmed backlog', () => {
  it('counts the unconfirmed users, the oldest, and those older than 24 hours', async () => {
    renderEmail(await operatorContext(target));
    const backlog = await screen.findByRole('region', { name: 'Unconfirmed backlog' }, { timeout: 10_000 });
    const all = (await target.host().call('cognito-idp', 'ListUsers', { UserPoolId: DEMO.userPoolId, Filter: 'cognito:user_status = "UNCONFIRMED"', Limit: 60 })) as {
      Users: { UserCreateDate: Date | number; Attributes: { Name: string; Value: string }[] }[];
    };
    // The model answers in the wire's shape: epoch seconds.
    const created = (u: (typeof all.Users)[number]) => (typeof u.UserCreateDate === 'number' ? u.UserCreateDate * 1000 : u.UserCreateDate.getTime());
    const expired = all.Users.filter((u) => Date.now() - created(u) > 24 * 3600 * 1000).length;
    const oldest = [...all.Users].sort((a, b) => created(a) - created(b))[0]!;
    await waitFor(() => expect(within(backlog).getByText('Unconfirmed users').nextElementSibling).toHaveTextContent(new RegExp(`^${all.Users.length}$`)), { timeout: 10_000 });
    expect(within(backlog).getByText('Older than 24 hours (code expired)').nextElementSibling).toHaveTextContent(String(expired));
    expect(expired).toBeGreaterThan(0);
    expect(expired).toBeLessThan(all.Users.length);
    expect(within(backlog).getByText(oldest.Attributes.find((a) => a.Name === 'email')!.Value)).toBeInTheDocument();
  });

  it('never passes the reserve: sends what the quota leaves minus the reserve, then stops with a clear message', async () => {
    const sent = target.emulator.ses.sentLast24Hours(region);
    target.emulator.ses.configureAccount(region, { max24HourSend: sent + 8 });
    const user = await openBacklog(3);
    expect(within(section()).getByText(/With 8 left and a reserve of 3, this can send to 5 of the/)).toBeInTheDocument();
    await runAll(user);

    const results = await screen.findByRole('region', { name: 'Resend results' }, { timeout: 30_000 });
    expect(results).toHaveTextContent('Stopped at the reserve');
    expect(resent()).toHaveLength(5);
    expect(target.emulator.ses.sentLast24Hours(region)).toBe(sent + 5);
    expect(within(results).getAllByText(/Not sent: the reserve is reached/)).toHaveLength((await unconfirmedEnabled()) - 5);
  });

  it('sends nobody twice: a retry takes only the failures, with what was done remembered', async () => {
    const user = await openBacklog(0);
    await runAll(user);
    // example.io is not verified in the sandboxed SES: those two are refused.
    const results = await screen.findByRole('region', { name: 'Resend results' }, { timeout: 30_000 });
    const total = await unconfirmedEnabled();
    expect(results).toHaveTextContent(`Resend: ${total - 2} sent, 0 skipped, 2 failed`);
    expect(within(results).getAllByText('Failed')).toHaveLength(2);
    expect(within(results).getByText('kenji.mori@example.io')).toBeInTheDocument();

    target.emulator.ses.putIdentity(region, 'example.io', 'Success');
    await user.click(within(results).getByRole('button', { name: /^Retry 2 failed/ }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Resend results' })).toHaveTextContent(`Resend: ${total} sent, 0 skipped, 0 failed`), { timeout: 30_000 });
    const perUser = new Map<string, number>();
    for (const m of resent()) perUser.set(m.to, (perUser.get(m.to) ?? 0) + 1);
    expect(perUser.size).toBe(total);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);

    // A new run from the same tab within the hour skips everyone it already reached.
    await user.click(within(screen.getByRole('region', { name: 'Resend results' })).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(within(section()).getByRole('button', { name: 'Resend to all of them…' })).toBeEnabled(), { timeout: 10_000 });
    await runAll(user);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Resend results' })).toHaveTextContent(`Resend: 0 sent, ${total} skipped, 0 failed`), { timeout: 30_000 });
    expect(within(screen.getByRole('region', { name: 'Resend results' })).getAllByText(/within the last hour/)).toHaveLength(total);
    expect(resent()).toHaveLength(total);
  });

  it('can be cancelled: calls already sent finish, the rest are not run', async () => {
    target.emulator.ses.configureAccount(region, { sandbox: false });
    target.host().server.use(
      http.post(IDP, async ({ request }) => {
        if (request.headers.get('x-amz-target') === RESEND) await delay(250);
        return undefined;
      }),
    );
    const user = await openBacklog(0);
    await runAll(user);
    await user.click(await within(section()).findByRole('button', { name: 'Cancel' }, { timeout: 10_000 }));
    const results = await screen.findByRole('region', { name: 'Resend results' }, { timeout: 30_000 });
    expect(results).toHaveTextContent('Cancelled');
    const total = await unconfirmedEnabled();
    expect(resent().length).toBeLessThan(total);
    expect(within(results).getAllByText('Not run').length).toBe(total - resent().length);
  });

  it('rides out throttling: refused calls are retried, every user gets exactly one code', async () => {
    target.emulator.ses.configureAccount(region, { sandbox: false });
    let calls = 0;
    target.host().server.use(
      http.post(IDP, ({ request }) => {
        if (request.headers.get('x-amz-target') !== RESEND) return undefined;
        calls += 1;
        if (calls % 2 === 1) {
          return HttpResponse.json({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }, { status: 400, headers: { 'x-amzn-errortype': 'TooManyRequestsException' } });
        }
        return undefined;
      }),
    );
    const user = await openBacklog(0);
    await runAll(user);
    const results = await screen.findByRole('region', { name: 'Resend results' }, { timeout: 60_000 });
    const total = await unconfirmedEnabled();
    expect(results).toHaveTextContent(new RegExp(`Resend: ${total} sent, 0 skipped, 0 failed`));
    expect(new Set(resent().map((m) => m.to)).size).toBe(total);
    expect(resent()).toHaveLength(total);
    expect(calls).toBeGreaterThanOrEqual(2 * total - 1);
  });
});
