/**
 * Query options for reads more than one part of the app shows (the header shows the pool name the
 * overview also loads): one key, one fetcher, so the cache and invalidation cannot drift apart.
 */
import { queryOptions } from '@tanstack/react-query';
import { poolKeys, sesKeys } from '@/lib/query-keys';
import type { AdminContextValue } from './admin-context';
import { countGroups, countUserPoolClients, describeUserPool } from './pool';
import { getSesSendQuota } from './ses';

type Ctx = Pick<AdminContextValue, 'idp' | 'userPoolId'>;

export const poolDescriptionQuery = (ctx: Ctx) =>
  queryOptions({ queryKey: poolKeys.description(ctx.userPoolId), queryFn: ({ signal }) => describeUserPool(ctx, signal) });

export const groupCountQuery = (ctx: Ctx) =>
  queryOptions({ queryKey: poolKeys.groupCount(ctx.userPoolId), queryFn: ({ signal }) => countGroups(ctx, signal) });

export const clientCountQuery = (ctx: Ctx) =>
  queryOptions({ queryKey: poolKeys.clientCount(ctx.userPoolId), queryFn: ({ signal }) => countUserPoolClients(ctx, signal) });

export const sendQuotaQuery = (ctx: Pick<AdminContextValue, 'ses' | 'sesRegion'>) =>
  queryOptions({ queryKey: sesKeys.sendQuota(ctx.sesRegion), queryFn: ({ signal }) => getSesSendQuota(ctx, signal) });
