import type { Clock } from './clock';
import { ServiceError } from './errors';
import type { Outbox } from './outbox';
import type { Ses } from './ses';
import type { Mailer, OutboxMessage, OutgoingPoolMessage } from './types';

/** Cognito's default sender: 50 emails a day per account and Region (AWS "Quotas in Amazon Cognito"). */
export const COGNITO_DEFAULT_DAILY_EMAILS = 50;
export const COGNITO_DEFAULT_FROM = 'no-reply@verificationemail.com';
export const COGNITO_DEFAULT_LIMIT_MESSAGE =
  'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The default sender's count starts again at 09:00 UTC (quotas page). */
const DEFAULT_SENDER_RESET_MS = 9 * 60 * 60 * 1000;

/** Start (ms) of the default sender's quota day that contains `now`: the last 09:00 UTC. */
export function defaultSenderDayStart(now: number): number {
  return Math.floor((now - DEFAULT_SENDER_RESET_MS) / DAY_MS) * DAY_MS + DEFAULT_SENDER_RESET_MS;
}

/**
 * Routes a user pool's messages the way Cognito does: email through the pool's own SES identity
 * (DEVELOPER) or Cognito's capped default sender (COGNITO_DEFAULT, 50 a day per account and
 * Region, counted from 09:00 UTC), SMS through SNS.
 */
export class PoolMailer implements Mailer {
  /** send times (ms) of default-sender emails per Region, for the rolling daily cap */
  private defaultSends = new Map<string, number[]>();

  constructor(
    private readonly deps: { clock: Clock; outbox: Outbox; ses: () => Ses },
  ) {}

  send(message: OutgoingPoolMessage): OutboxMessage {
    const base = {
      channel: message.channel,
      to: message.to,
      subject: message.subject,
      body: message.body,
      code: message.code,
      kind: message.kind,
      poolId: message.poolId,
      username: message.username,
    };
    if (message.channel === 'sms') return this.deps.outbox.push({ ...base, via: 'sns' });

    const config = message.emailConfiguration;
    if (config?.EmailSendingAccount === 'DEVELOPER') {
      const source = parseSourceArn(config.SourceArn);
      if (!source) {
        throw new ServiceError('InvalidEmailRoleAccessPolicyException', 'Cognito is not allowed to use your email identity.');
      }
      const from = config.From ?? source.identity;
      try {
        this.deps.ses().deliverForCognito(source.region, { source: from, to: [message.to], subject: message.subject, body: message.body });
      } catch (error) {
        // Cognito reports a failed SES hand-off as a delivery failure of the code/invitation.
        if (error instanceof ServiceError) throw new ServiceError('CodeDeliveryFailureException', error.message);
        throw error;
      }
      return this.deps.outbox.push({ ...base, from, via: 'ses' });
    }

    const region = regionOfPool(message.poolId);
    this.takeDefaultAllowance(region);
    return this.deps.outbox.push({ ...base, from: COGNITO_DEFAULT_FROM, via: 'cognito-default' });
  }

  /** How many default-sender emails the Region has left until the next 09:00 UTC. */
  remainingDefaultEmails(region: string): number {
    return COGNITO_DEFAULT_DAILY_EMAILS - this.recentDefaultSends(region).length;
  }

  private takeDefaultAllowance(region: string): void {
    const recent = this.recentDefaultSends(region);
    if (recent.length >= COGNITO_DEFAULT_DAILY_EMAILS) throw new ServiceError('LimitExceededException', COGNITO_DEFAULT_LIMIT_MESSAGE);
    recent.push(this.deps.clock.now());
    this.defaultSends.set(region, recent);
  }

  private recentDefaultSends(region: string): number[] {
    const since = defaultSenderDayStart(this.deps.clock.now());
    return (this.defaultSends.get(region) ?? []).filter((t) => t >= since);
  }

  toJSON(): unknown {
    return Object.fromEntries(this.defaultSends);
  }

  restore(data: unknown): void {
    this.defaultSends = new Map();
    if (data && typeof data === 'object') {
      for (const [region, times] of Object.entries(data as Record<string, unknown>)) {
        if (Array.isArray(times)) this.defaultSends.set(region, times.filter((t): t is number => typeof t === 'number'));
      }
    }
  }
}

/** arn:aws:ses:us-east-1:000000000000:identity/no-reply@example.com → region + identity */
export function parseSourceArn(arn: string | undefined): { region: string; identity: string } | undefined {
  const match = /^arn:aws[\w-]*:ses:([a-z0-9-]+):\d{12}:identity\/(.+)$/.exec(arn ?? '');
  return match ? { region: match[1]!, identity: match[2]! } : undefined;
}

export function regionOfPool(poolId: string): string {
  const underscore = poolId.indexOf('_');
  return underscore > 0 ? poolId.slice(0, underscore) : 'us-east-1';
}
