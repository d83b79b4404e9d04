/** Typed reads about the pool itself (the overview's data). Every function throws AppError. */
import {
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AdminContextValue } from './admin-context';
import { toAppError } from './errors';

type PoolContext = Pick<AdminContextValue, 'idp' | 'userPoolId'>;

export type MfaConfiguration = 'OFF' | 'ON' | 'OPTIONAL';
export type EmailSendingAccount = 'COGNITO_DEFAULT' | 'DEVELOPER';

export interface PoolOverview {
  id: string;
  name: string;
  arn?: string;
  /** Cognito's own estimate; it lags behind recent sign-ups and deletions. */
  estimatedUsers: number;
  mfaConfiguration: MfaConfiguration;
  deletionProtection: boolean;
  emailSendingAccount: EmailSendingAccount;
  emailFrom?: string;
  /** The SES identity ARN a DEVELOPER pool sends through. */
  emailSourceArn?: string;
  usernameAttributes: string[];
  /** LITE, ESSENTIALS or PLUS, when Cognito reports it. */
  tier?: string;
  createdAt?: Date;
  lastModifiedAt?: Date;
}

export function toPoolOverview(pool: UserPoolType): PoolOverview {
  const email = pool.EmailConfiguration;
  const overview: PoolOverview = {
    id: pool.Id ?? '',
    name: pool.Name ?? '',
    estimatedUsers: pool.EstimatedNumberOfUsers ?? 0,
    mfaConfiguration: pool.MfaConfiguration === 'ON' || pool.MfaConfiguration === 'OPTIONAL' ? pool.MfaConfiguration : 'OFF',
    deletionProtection: pool.DeletionProtection === 'ACTIVE',
    // Cognito treats a pool without EmailConfiguration as using its default sender.
    emailSendingAccount: email?.EmailSendingAccount === 'DEVELOPER' ? 'DEVELOPER' : 'COGNITO_DEFAULT',
    usernameAttributes: pool.UsernameAttributes ?? [],
  };
  if (pool.Arn) overview.arn = pool.Arn;
  if (email?.From) overview.emailFrom = email.From;
  if (email?.SourceArn) overview.emailSourceArn = email.SourceArn;
  if (pool.UserPoolTier) overview.tier = pool.UserPoolTier;
  if (pool.CreationDate) overview.createdAt = pool.CreationDate;
  if (pool.LastModifiedDate) overview.lastModifiedAt = pool.LastModifiedDate;
  return overview;
}

export async function describeUserPool(ctx: PoolContext, signal?: AbortSignal): Promise<PoolOverview> {
  try {
    const out = await ctx.idp.send(new DescribeUserPoolCommand({ UserPoolId: ctx.userPoolId }), { abortSignal: signal });
    return toPoolOverview(out.UserPool ?? {});
  } catch (error) {
    throw toAppError(error);
  }
}

/** Pages through a Cognito list to count it; a token seen twice ends the loop rather than spinning. */
async function countPages(fetchPage: (token: string | undefined) => Promise<{ items: number; next?: string | undefined }>): Promise<number> {
  const seen = new Set<string>();
  let total = 0;
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    total += page.items;
    token = page.next;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token);
  return total;
}

export async function countGroups(ctx: PoolContext, signal?: AbortSignal): Promise<number> {
  try {
    return await countPages(async (token) => {
      const out = await ctx.idp.send(new ListGroupsCommand({ UserPoolId: ctx.userPoolId, Limit: 60, NextToken: token }), { abortSignal: signal });
      return { items: out.Groups?.length ?? 0, next: out.NextToken };
    });
  } catch (error) {
    throw toAppError(error);
  }
}

export async function countUserPoolClients(ctx: PoolContext, signal?: AbortSignal): Promise<number> {
  try {
    return await countPages(async (token) => {
      const out = await ctx.idp.send(new ListUserPoolClientsCommand({ UserPoolId: ctx.userPoolId, MaxResults: 60, NextToken: token }), {
        abortSignal: signal,
      });
      return { items: out.UserPoolClients?.length ?? 0, next: out.NextToken };
    });
  } catch (error) {
    throw toAppError(error);
  }
}
