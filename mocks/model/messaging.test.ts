import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../tests/support/fixed-clock';
import { COGNITO_DEFAULT_LIMIT_MESSAGE, defaultSenderDayStart, PoolMailer } from './messaging';
import { Outbox } from './outbox';
import { seededRandom } from './random';
import { Ses } from './ses';
import type { OutgoingPoolMessage } from './types';

function setup() {
  const clock = new FixedClock();
  const random = seededRandom(3);
  const outbox = new Outbox(clock, random);
  const ses = new Ses({ clock, random, outbox, accountId: '000000000000' });
  ses.putIdentity('us-east-1', 'no-reply@example.com');
  ses.putIdentity('us-east-1', 'example.org');
  const mailer = new PoolMailer({ clock, outbox, ses: () => ses });
  return { clock, outbox, ses, mailer };
}

const message = (overrides: Partial<OutgoingPoolMessage> = {}): OutgoingPoolMessage => ({
  channel: 'email',
  to: 'jane@example.org',
  subject: 'Your verification code',
  body: 'Your code is 123456',
  code: '123456',
  kind: 'sign-up',
  poolId: 'us-east-1_Pool1',
  username: 'jane',
  ...overrides,
});

const developer = {
  EmailSendingAccount: 'DEVELOPER' as const,
  SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/no-reply@example.com',
  From: 'Acme <no-reply@example.com>',
};

describe('PoolMailer', () => {
  it('sends through the default sender 50 times a day, then refuses with AWS wording', () => {
    const { mailer, clock } = setup();
    for (let i = 0; i < 50; i++) expect(mailer.send(message()).via).toBe('cognito-default');
    expect(() => mailer.send(message())).toThrow(expect.objectContaining({ code: 'LimitExceededException', message: COGNITO_DEFAULT_LIMIT_MESSAGE }));
    clock.advance(24 * 3600);
    expect(mailer.send(message()).from).toBe('no-reply@verificationemail.com');
  });

  it('starts the default sender\'s count again at 09:00 UTC, not 24 hours after each email', () => {
    const { mailer, clock } = setup();
    // FixedClock starts at 12:00 UTC: 21 hours until the next 09:00.
    for (let i = 0; i < 50; i++) mailer.send(message());
    clock.advance(20 * 3600);
    expect(() => mailer.send(message())).toThrow(expect.objectContaining({ code: 'LimitExceededException' }));
    clock.advance(3600);
    expect(mailer.remainingDefaultEmails('us-east-1')).toBe(50);
    expect(defaultSenderDayStart(Date.UTC(2026, 0, 15, 8, 59))).toBe(Date.UTC(2026, 0, 14, 9));
    expect(defaultSenderDayStart(Date.UTC(2026, 0, 15, 9, 0))).toBe(Date.UTC(2026, 0, 15, 9));
  });

  it('refuses DEVELOPER mail to an unverified recipient while SES is in the sandbox', () => {
    const { mailer } = setup();
    expect(() => mailer.send(message({ to: 'jane@gmail.com', emailConfiguration: developer }))).toThrow(
      expect.objectContaining({ code: 'CodeDeliveryFailureException', message: expect.stringContaining('jane@gmail.com') }),
    );
  });

  it('sends DEVELOPER mail through SES, counting against its quota', async () => {
    const { mailer, ses, outbox } = setup();
    const sent = mailer.send(message({ emailConfiguration: developer }));
    expect(sent).toMatchObject({ via: 'ses', from: 'Acme <no-reply@example.com>', code: '123456', kind: 'sign-up', username: 'jane' });
    expect(await ses.call('GetSendQuota', {}, { region: 'us-east-1', principal: null })).toMatchObject({ SentLast24Hours: 1 });
    expect(outbox.latest({ to: 'jane@example.org' })?.id).toBe(sent.id);
  });

  it('fails delivery when the SES identity is unverified or the SES quota is spent', () => {
    const { mailer, ses } = setup();
    const unverified = { ...developer, SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/other@acme.test', From: undefined };
    expect(() => mailer.send(message({ emailConfiguration: unverified }))).toThrow(
      expect.objectContaining({ code: 'CodeDeliveryFailureException', message: expect.stringContaining('other@acme.test') }),
    );
    ses.configureAccount('us-east-1', { max24HourSend: 1 });
    mailer.send(message({ emailConfiguration: developer }));
    expect(() => mailer.send(message({ emailConfiguration: developer }))).toThrow(
      expect.objectContaining({ code: 'CodeDeliveryFailureException', message: 'Daily message quota exceeded.' }),
    );
  });

  it('sends SMS via SNS without touching email limits', () => {
    const { mailer } = setup();
    expect(mailer.send(message({ channel: 'sms', to: '+15555550100', kind: 'mfa' }))).toMatchObject({ via: 'sns', channel: 'sms' });
    expect(mailer.remainingDefaultEmails('us-east-1')).toBe(50);
  });
});
