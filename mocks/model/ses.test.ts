import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../tests/support/fixed-clock';
import { Outbox } from './outbox';
import { seededRandom } from './random';
import { Ses } from './ses';

const ctx = { region: 'us-east-1', principal: null };

function setup() {
  const clock = new FixedClock();
  const random = seededRandom(7);
  const outbox = new Outbox(clock, random);
  const ses = new Ses({ clock, random, outbox, accountId: '000000000000' });
  ses.putIdentity('us-east-1', 'no-reply@example.com');
  ses.putIdentity('us-east-1', 'example.org');
  return { clock, outbox, ses };
}

const email = (to: string[], source = 'no-reply@example.com') => ({
  Source: source,
  Destination: { ToAddresses: to },
  Message: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Body text' } } },
});

describe('Ses', () => {
  it('starts with the sandbox quota and counts recipients in a rolling 24-hour window', async () => {
    const { clock, ses } = setup();
    expect(await ses.call('GetSendQuota', {}, ctx)).toEqual({ Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 });
    await ses.call('SendEmail', email(['a@example.org', 'b@example.org']), ctx);
    clock.advance(12 * 3600);
    await ses.call('SendEmail', email(['c@example.org']), ctx);
    expect(await ses.call('GetSendQuota', {}, ctx)).toMatchObject({ SentLast24Hours: 3 });
    clock.advance(12 * 3600 + 1);
    expect(await ses.call('GetSendQuota', {}, ctx)).toMatchObject({ SentLast24Hours: 1 });
  });

  it('rejects unverified sources and, in the sandbox, unverified destinations with AWS wording', async () => {
    const { ses, outbox } = setup();
    await expect(ses.call('SendEmail', email(['x@gmail.com', 'ok@example.org']), ctx)).rejects.toMatchObject({
      code: 'MessageRejected',
      message: 'Email address is not verified. The following identities failed the check in region US-EAST-1: x@gmail.com',
    });
    await expect(ses.call('SendEmail', email(['ok@example.org'], 'Team <team@acme.test>'), ctx)).rejects.toMatchObject({
      message: expect.stringContaining('failed the check in region US-EAST-1: team@acme.test'),
    });
    ses.configureAccount('us-east-1', { sandbox: false });
    await ses.call('SendEmail', email(['x@gmail.com']), ctx);
    expect(outbox.list({ to: 'X@gmail.com' })).toHaveLength(1);
  });

  it('stops at the daily quota and enforces MaxSendRate only when asked', async () => {
    const { ses, clock } = setup();
    ses.configureAccount('us-east-1', { max24HourSend: 3 });
    await ses.call('SendEmail', email(['a@example.org']), ctx, { rateLimit: true });
    await expect(ses.call('SendEmail', email(['b@example.org']), ctx, { rateLimit: true })).rejects.toMatchObject({
      code: 'Throttling',
      message: 'Maximum sending rate exceeded.',
    });
    clock.advance(1);
    await ses.call('SendEmail', email(['b@example.org', 'c@example.org']), ctx);
    await expect(ses.call('SendEmail', email(['d@example.org']), ctx)).rejects.toMatchObject({
      code: 'Throttling',
      message: 'Daily message quota exceeded.',
    });
  });

  it('reports 15-minute data points over the last two weeks, with simulator bounces', async () => {
    const { ses, clock } = setup();
    await ses.call('SendEmail', email(['a@example.org', 'bounce@simulator.amazonses.com']), ctx);
    clock.advance(60);
    await ses.call('SendEmail', email(['b@example.org']), ctx);
    clock.advance(20 * 60);
    await ses.call('SendEmail', email(['complaint@simulator.amazonses.com']), ctx);
    const stats = (await ses.call('GetSendStatistics', {}, ctx)) as { SendDataPoints: Array<Record<string, unknown>> };
    expect(stats.SendDataPoints).toEqual([
      { Timestamp: new Date(Date.UTC(2026, 0, 15, 12, 0)), DeliveryAttempts: 3, Bounces: 1, Complaints: 0, Rejects: 0 },
      { Timestamp: new Date(Date.UTC(2026, 0, 15, 12, 15)), DeliveryAttempts: 1, Bounces: 0, Complaints: 1, Rejects: 0 },
    ]);
    clock.advance(15 * 24 * 3600);
    expect(await ses.call('GetSendStatistics', {}, ctx)).toEqual({ SendDataPoints: [] });
  });

  it('lists identities with paging and reports verification attributes', async () => {
    const { ses } = setup();
    ses.putIdentity('us-east-1', 'pending@example.com', 'Pending');
    const first = (await ses.call('ListIdentities', { MaxItems: '2' }, ctx)) as { Identities: string[]; NextToken?: string };
    expect(first.Identities).toEqual(['no-reply@example.com', 'example.org']);
    const second = await ses.call('ListIdentities', { MaxItems: '2', NextToken: first.NextToken }, ctx);
    expect(second).toEqual({ Identities: ['pending@example.com'] });
    expect(await ses.call('ListIdentities', { IdentityType: 'Domain' }, ctx)).toEqual({ Identities: ['example.org'] });
    const attrs = (await ses.call('GetIdentityVerificationAttributes', { Identities: ['pending@example.com', 'example.org', 'nope@x.y'] }, ctx)) as {
      VerificationAttributes: Record<string, { VerificationStatus: string; VerificationToken?: string }>;
    };
    expect(Object.keys(attrs.VerificationAttributes)).toEqual(['pending@example.com', 'example.org']);
    expect(attrs.VerificationAttributes['pending@example.com']).toEqual({ VerificationStatus: 'Pending' });
    expect(attrs.VerificationAttributes['example.org']?.VerificationToken).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
  });

  it('lands every recipient in the outbox as an ses message', async () => {
    const { ses, outbox } = setup();
    const result = (await ses.call('SendEmail', email(['a@example.org', 'b@example.org']), ctx)) as { MessageId: string };
    expect(result.MessageId).toMatch(/^[0-9a-f]{16}-[0-9a-f-]{36}-[0-9a-f]{6}$/);
    expect(outbox.list().map((m) => [m.to, m.via, m.kind, m.subject, m.body])).toEqual([
      ['a@example.org', 'ses', 'ses', 'Hello', 'Body text'],
      ['b@example.org', 'ses', 'ses', 'Hello', 'Body text'],
    ]);
  });

  it('survives a JSON round trip', async () => {
    const { ses, clock, outbox } = setup();
    await ses.call('SendEmail', email(['a@example.org']), ctx);
    const copy = Ses.fromJSON(JSON.parse(JSON.stringify(ses.toJSON())), { clock, random: seededRandom(1), outbox, accountId: '000000000000' });
    expect(await copy.call('GetSendQuota', {}, ctx)).toMatchObject({ SentLast24Hours: 1 });
    expect(copy.isVerified('us-east-1', 'anyone@example.org')).toBe(true);
  });

  it('pauses and resumes sending with UpdateAccountSendingEnabled, refusing SendEmail and Cognito sends meanwhile', async () => {
    const { ses } = setup();
    expect(await ses.call('GetAccountSendingEnabled', {}, ctx)).toEqual({ Enabled: true });
    await ses.call('UpdateAccountSendingEnabled', { Enabled: 'false' }, ctx);
    expect(await ses.call('GetAccountSendingEnabled', {}, ctx)).toEqual({ Enabled: false });
    await expect(ses.call('SendEmail', email(['a@example.org']), ctx)).rejects.toMatchObject({ code: 'AccountSendingPausedException' });
    expect(() => ses.deliverForCognito('us-east-1', { source: 'no-reply@example.com', to: ['a@example.org'], subject: 's', body: 'b' })).toThrow(
      expect.objectContaining({ code: 'AccountSendingPausedException' }),
    );
    await ses.call('UpdateAccountSendingEnabled', { Enabled: 'true' }, ctx);
    await ses.call('SendEmail', email(['a@example.org']), ctx);
    // Another Region is untouched.
    expect(await ses.call('GetAccountSendingEnabled', {}, { ...ctx, region: 'eu-west-1' })).toEqual({ Enabled: true });
  });

  it('counts mailbox simulator addresses as AWS does and lets them through the sandbox', async () => {
    const { ses } = setup();
    const sim = (local: string) => `${local}@simulator.amazonses.com`;
    await ses.call('SendEmail', email([sim('success'), sim('bounce'), sim('complaint'), sim('suppressionlist'), sim('ooto')]), ctx);
    const { SendDataPoints } = (await ses.call('GetSendStatistics', {}, ctx)) as { SendDataPoints: Record<string, unknown>[] };
    expect(SendDataPoints).toEqual([expect.objectContaining({ DeliveryAttempts: 5, Bounces: 2, Complaints: 1, Rejects: 0 })]);
  });

  it('checks Cognito sends against the sandbox recipients, the mailbox simulator exempt', () => {
    const { ses } = setup();
    const send = (to: string) => ses.deliverForCognito('us-east-1', { source: 'no-reply@example.com', to: [to], subject: 's', body: 'b' });
    expect(() => send('someone@gmail.com')).toThrow(expect.objectContaining({ code: 'MessageRejected', message: expect.stringContaining('someone@gmail.com') }));
    send('success@simulator.amazonses.com');
    send('jane@example.org');
    ses.configureAccount('us-east-1', { sandbox: false });
    send('someone@gmail.com');
    expect(ses.sentLast24Hours('us-east-1')).toBe(3);
  });
});
