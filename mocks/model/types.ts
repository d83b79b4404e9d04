/**
 * Shapes shared by every emulator module (contracts in the team brief). Kept free of logic so the
 * IdP, crypto/IAM and services modules can depend on it without depending on each other.
 */
import type { Clock } from './clock';
import type { Random } from './random';

export type Principal =
  | { kind: 'root'; accessKeyId: string } // static creds test/test: may do everything
  | { kind: 'role'; roleArn: string; accessKeyId: string; identityId?: string; sessionName?: string };

export interface CallContext {
  /** from the request host/credential scope, e.g. 'us-east-1' */
  region: string;
  /** null = request was not SigV4-signed (public end-user operations) */
  principal: Principal | null;
}

export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  from?: string;
  subject: string;
  body: string;
  /** the verification code / temporary password, when the message carries one */
  code?: string;
  kind:
    | 'sign-up'
    | 'resend-code'
    | 'invitation'
    | 'forgot-password'
    | 'admin-reset-password'
    | 'attribute-verification'
    | 'mfa'
    | 'ses';
  poolId?: string;
  username?: string;
  via: 'ses' | 'cognito-default' | 'sns';
  /** ISO 8601 */
  sentAt: string;
}

/** What the Cognito model hands to messaging; messaging decides the route and may throw. */
export interface OutgoingPoolMessage {
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  body: string;
  code?: string;
  kind: OutboxMessage['kind'];
  poolId: string;
  username: string;
  /** the pool's EmailConfiguration as stored (AWS EmailConfigurationType shape) */
  emailConfiguration?: {
    EmailSendingAccount?: 'COGNITO_DEFAULT' | 'DEVELOPER';
    SourceArn?: string;
    From?: string;
    ReplyToEmailAddress?: string;
  };
}

export interface Mailer {
  /** Delivers (pushes to the outbox). DEVELOPER → through SES (counts against SES quota; may throw
   * SES/Cognito errors); COGNITO_DEFAULT → 50 emails per day per region, then throws
   * LimitExceededException with AWS's wording. SMS → via 'sns'. Returns the stored message. */
  send(message: OutgoingPoolMessage): OutboxMessage;
}

export interface EmulatorEnv {
  clock: Clock;
  random: Random;
  mailer: Mailer;
  /** '000000000000' */
  accountId: string;
}
