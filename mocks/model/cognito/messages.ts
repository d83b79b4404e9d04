/**
 * Every code and invitation leaves through the mailer, worded from the pool's templates
 * (VerificationMessageTemplate, InviteMessageTemplate, with Cognito's defaults) and answered with
 * CodeDeliveryDetails whose destination is masked the way Cognito masks it.
 */
import type { OutboxMessage, OutgoingPoolMessage } from '../types';
import type { Engine } from './engine';
import type { PoolRecord, UserRecord } from './state';

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'EMAIL' | 'SMS';
  AttributeName: 'email' | 'phone_number';
}

export type Medium = 'email' | 'phone_number';

const DEFAULT_VERIFICATION = 'Your verification code is {####}. ';
const DEFAULT_VERIFICATION_SUBJECT = 'Your verification code';
const DEFAULT_INVITE = 'Your username is {username} and temporary password is {####}.';
const DEFAULT_INVITE_SUBJECT = 'Your temporary password';

/** 'jane.doe@example.com' → 'j***@e***'; '+15551234567' → '+*******4567'. */
export function maskDestination(attr: Medium, value: string): string {
  if (attr === 'email') {
    const at = value.indexOf('@');
    const local = at === -1 ? value : value.slice(0, at);
    const domain = at === -1 ? '' : value.slice(at + 1);
    return `${local.charAt(0)}***@${domain.charAt(0)}***`;
  }
  const digits = value.replace(/^\+/, '');
  return `+${'*'.repeat(Math.max(digits.length - 4, 0))}${digits.slice(-4)}`;
}

export const deliveryDetails = (attr: Medium, value: string): CodeDeliveryDetails => ({
  Destination: maskDestination(attr, value),
  DeliveryMedium: attr === 'email' ? 'EMAIL' : 'SMS',
  AttributeName: attr,
});

function templates(pool: PoolRecord, template: 'verification' | 'invitation') {
  const c = pool.config;
  if (template === 'invitation') {
    const invite = ((c.AdminCreateUserConfig as Record<string, unknown> | undefined)?.InviteMessageTemplate ?? {}) as Record<string, string | undefined>;
    return {
      subject: invite.EmailSubject ?? DEFAULT_INVITE_SUBJECT,
      email: invite.EmailMessage ?? DEFAULT_INVITE,
      sms: invite.SMSMessage ?? DEFAULT_INVITE,
    };
  }
  const v = (c.VerificationMessageTemplate ?? {}) as Record<string, string | undefined>;
  return {
    subject: v.EmailSubject ?? (c.EmailVerificationSubject as string | undefined) ?? DEFAULT_VERIFICATION_SUBJECT,
    email: v.EmailMessage ?? (c.EmailVerificationMessage as string | undefined) ?? DEFAULT_VERIFICATION,
    sms: v.SmsMessage ?? (c.SmsVerificationMessage as string | undefined) ?? DEFAULT_VERIFICATION,
  };
}

const fill = (text: string, code: string, username: string) => text.split('{####}').join(code).split('{username}').join(username);

export interface SendRequest {
  pool: PoolRecord;
  user: Pick<UserRecord, 'username'>;
  to: string;
  medium: Medium;
  code: string;
  kind: OutgoingPoolMessage['kind'];
  template: 'verification' | 'invitation';
}

/** Sends one message (the mailer may throw, e.g. the default sender's daily cap). */
export function sendMessage(engine: Engine, req: SendRequest): { message: OutboxMessage; details: CodeDeliveryDetails } {
  const t = templates(req.pool, req.template);
  const channel = req.medium === 'email' ? 'email' : 'sms';
  const message = engine.env.mailer.send({
    channel,
    to: req.to,
    subject: channel === 'email' ? fill(t.subject, req.code, req.user.username) : '',
    body: fill(channel === 'email' ? t.email : t.sms, req.code, req.user.username),
    code: req.code,
    kind: req.kind,
    poolId: req.pool.id,
    username: req.user.username,
    emailConfiguration: req.pool.config.EmailConfiguration as OutgoingPoolMessage['emailConfiguration'],
  });
  return { message, details: deliveryDetails(req.medium, req.to) };
}
