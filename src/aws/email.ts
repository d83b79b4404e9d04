/**
 * What the Email & codes screen reads: how the pool sends its codes (DescribeUserPool), SES's
 * sending state in a Region (GetAccountSendingEnabled, GetSendStatistics, identity verification),
 * and users by username, email or phone (ListUsers, escaped filter). Every function throws AppError.
 */
import { DescribeUserPoolCommand, type UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { GetAccountSendingEnabledCommand, GetIdentityVerificationAttributesCommand, GetSendStatisticsCommand } from '@aws-sdk/client-ses';
import { filterExpression } from '@/lib/cognito-filter';
import type { AdminContextValue } from './admin-context';
import { toAppError } from './errors';
import { categoryOf } from './rate-limiter';
import { listUsersPage, usersRateLimiter } from './users';
import type { AppUser } from './user-types';

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}

type SesContext = Pick<AdminContextValue, 'ses'>;
type PoolContext = Pick<AdminContextValue, 'idp' | 'userPoolId'>;

export interface VerificationTemplate {
  /** CONFIRM_WITH_CODE (default) or CONFIRM_WITH_LINK */
  option: 'CONFIRM_WITH_CODE' | 'CONFIRM_WITH_LINK';
  subject?: string;
  message?: string;
}

/** How the pool delivers its codes, from DescribeUserPool. */
export interface EmailSetup {
  sendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER';
  sourceArn?: string;
  /** the identity named in SourceArn (an address or a domain) */
  sourceIdentity?: string;
  /** the SES Region named in SourceArn */
  sourceRegion?: string;
  from?: string;
  replyTo?: string;
  configurationSet?: string;
  /** 'email' and/or 'phone_number'; empty: Cognito sends no confirmation code at all */
  autoVerified: string[];
  usernameAttributes: string[];
  template: VerificationTemplate;
  poolRegion: string;
}

export function toEmailSetup(pool: UserPoolType, poolRegion: string): EmailSetup {
  const email = pool.EmailConfiguration;
  const arn = /^arn:aws[\w-]*:ses:([a-z0-9-]+):\d{12}:identity\/(.+)$/.exec(email?.SourceArn ?? '');
  const template = pool.VerificationMessageTemplate;
  const option = template?.DefaultEmailOption === 'CONFIRM_WITH_LINK' ? 'CONFIRM_WITH_LINK' : 'CONFIRM_WITH_CODE';
  const byLink = option === 'CONFIRM_WITH_LINK';
  const setup: EmailSetup = {
    sendingAccount: email?.EmailSendingAccount === 'DEVELOPER' ? 'DEVELOPER' : 'COGNITO_DEFAULT',
    autoVerified: pool.AutoVerifiedAttributes ?? [],
    usernameAttributes: pool.UsernameAttributes ?? [],
    template: {
      option,
      subject: (byLink ? template?.EmailSubjectByLink : template?.EmailSubject) ?? pool.EmailVerificationSubject,
      message: (byLink ? template?.EmailMessageByLink : template?.EmailMessage) ?? pool.EmailVerificationMessage,
    },
    poolRegion,
  };
  if (email?.SourceArn) setup.sourceArn = email.SourceArn;
  if (arn) {
    setup.sourceRegion = arn[1];
    setup.sourceIdentity = arn[2];
  }
  if (email?.From) setup.from = email.From;
  if (email?.ReplyToEmailAddress) setup.replyTo = email.ReplyToEmailAddress;
  if (email?.ConfigurationSet) setup.configurationSet = email.ConfigurationSet;
  return setup;
}

export async function describeEmailSetup(ctx: PoolContext & Pick<AdminContextValue, 'region'>, signal?: AbortSignal): Promise<EmailSetup> {
  const out = await call(() => ctx.idp.send(new DescribeUserPoolCommand({ UserPoolId: ctx.userPoolId }), { abortSignal: signal }));
  return toEmailSetup(out.UserPool ?? {}, ctx.region);
}

export async function getAccountSendingEnabled(ctx: SesContext, signal?: AbortSignal): Promise<boolean> {
  const out = await call(() => ctx.ses.send(new GetAccountSendingEnabledCommand({}), { abortSignal: signal }));
  return out.Enabled ?? false;
}

export interface SendPoint {
  /** start of the 15-minute interval */
  at: number;
  deliveryAttempts: number;
  bounces: number;
  complaints: number;
  rejects: number;
}

/** GetSendStatistics: 15-minute points of the last two weeks, sorted (AWS documents no order). */
export async function getSendStatistics(ctx: SesContext, signal?: AbortSignal): Promise<SendPoint[]> {
  const out = await call(() => ctx.ses.send(new GetSendStatisticsCommand({}), { abortSignal: signal }));
  return (out.SendDataPoints ?? [])
    .map((p) => ({
      at: p.Timestamp?.getTime() ?? 0,
      deliveryAttempts: p.DeliveryAttempts ?? 0,
      bounces: p.Bounces ?? 0,
      complaints: p.Complaints ?? 0,
      rejects: p.Rejects ?? 0,
    }))
    .sort((a, b) => a.at - b.at);
}

export type IdentityStatus = 'Pending' | 'Success' | 'Failed' | 'TemporaryFailure' | 'NotStarted' | 'NotFound';

/** Verification status per identity; an identity SES does not know is 'NotFound'. */
export async function getIdentityStatuses(ctx: SesContext, identities: readonly string[], signal?: AbortSignal): Promise<Record<string, IdentityStatus>> {
  const unique = [...new Set(identities.filter(Boolean))];
  if (unique.length === 0) return {};
  const out = await call(() => ctx.ses.send(new GetIdentityVerificationAttributesCommand({ Identities: unique }), { abortSignal: signal }));
  const result: Record<string, IdentityStatus> = {};
  const found = new Map(Object.entries(out.VerificationAttributes ?? {}).map(([name, value]) => [name.toLowerCase(), value.VerificationStatus]));
  for (const identity of unique) result[identity] = (found.get(identity.toLowerCase()) as IdentityStatus | undefined) ?? 'NotFound';
  return result;
}

export type LookupAttribute = 'username' | 'email' | 'phone_number';

/** What a support agent typed: an address is an email, "+digits" a phone number, anything else a username. */
export function lookupAttribute(query: string): LookupAttribute {
  const value = query.trim();
  if (value.includes('@')) return 'email';
  if (/^\+\d{6,15}$/.test(value)) return 'phone_number';
  return 'username';
}

/**
 * Users whose username, email or phone equals `query` (one ListUsers call, value escaped). An
 * email may match more than one user (unverified duplicates), so all are returned. In pools that
 * sign in by email the username is a UUID: an address also matches as the username there.
 */
export async function lookupUsers(ctx: PoolContext, query: string, signal?: AbortSignal): Promise<AppUser[]> {
  const value = query.trim();
  const attribute = lookupAttribute(value);
  const page = await usersRateLimiter(ctx).run(
    categoryOf('ListUsers'),
    (s) => listUsersPage(ctx, { filter: filterExpression(attribute, 'equals', value), limit: 60 }, s),
    { signal },
  );
  return page.users;
}
