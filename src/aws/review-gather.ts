/**
 * Reads everything the configuration review evaluates, for the screen and the `npm run review`
 * CLI alike: the only review code that touches the SDK. Answers become the plain JSON types of
 * src/lib/review (dates as ISO strings); a read that is refused or fails becomes a reason the
 * rules report as "not evaluated", never a pass. Calls are paced to Cognito's quotas: the
 * category buckets of the shared rate limiter, plus DescribeUserPoolClient's 5 requests a second
 * per pool, and Cognito Identity's 5 a second for DescribeIdentityPool / GetIdentityPoolRoles.
 */
import { DescribeIdentityPoolCommand, GetIdentityPoolRolesCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import {
  DescribeRiskConfigurationCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetUserPoolMfaConfigCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolReplicasCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetIdentityVerificationAttributesCommand, GetSendQuotaCommand, type SESClient } from '@aws-sdk/client-ses';
import type {
  ClientEntry,
  ClientInput,
  DomainInput,
  GroupInput,
  IdentityPoolInput,
  IdentityPoolRolesInput,
  MfaConfigInput,
  Read,
  ReplicaInput,
  ReviewInput,
  RiskConfigurationInput,
  SesInput,
  UserPoolInput,
} from '@/lib/review/types';
import { toAppError, type AppError } from './errors';
import type { SesSendQuota } from './ses';
import { categoryOf, sharedRateLimiter, TokenBucket, type RateLimiter } from './rate-limiter';

export interface ReviewSources {
  idp: CognitoIdentityProviderClient;
  region: string;
  userPoolId: string;
  /** signed Cognito Identity client; without it (or without an id) the identity-pool checks say why */
  identity?: CognitoIdentityClient;
  identityPoolId?: string;
  /** an SES client for the Region of the pool's SourceArn */
  ses?: (region: string) => SESClient | undefined;
  /**
   * The send quota when the caller already holds it (the screen shares the overview's cached
   * GetSendQuota: SES answers it about once a second, so a second read right after would be throttled).
   */
  sendQuota?: (region: string) => Promise<SesSendQuota | undefined>;
  /** shared with the rest of the app so the review and other screens split one quota */
  limiter?: RateLimiter;
  signal?: AbortSignal;
  /** app clients described so far, for a progress line */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once with everything but the app clients while they are still being read (they take
   * 1 s per 5 clients at the default quota), so a screen can show the pool's findings at once.
   */
  onPartial?: (input: ReviewInput) => void;
}

/** JSON copy of an SDK answer: Dates become ISO strings, $metadata is dropped. */
function plain<T>(value: unknown): T {
  const { $metadata: _ignored, ...rest } = (value ?? {}) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as T;
}

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'NotAuthorizedException', 'UnauthorizedOperation']);

/** Why a read has no answer, in words the "not evaluated" line can carry. */
export function unreadable(error: AppError, action: string): Extract<Read<never>, { ok: false }> {
  if (DENIED.has(error.code)) return { ok: false, code: error.code, reason: `needs \`${action}\`` };
  if (error.code === 'TooManyRequestsException' || error.code === 'ThrottlingException' || error.code === 'Throttling') {
    return { ok: false, code: error.code, reason: `${action.split(':')[1]} was throttled (${error.code}) even after retries; run the review again` };
  }
  return { ok: false, code: error.code, reason: `${action.split(':')[1]} failed: ${error.message}` };
}

/** Per-pool buckets for the operations Cognito also caps at 5 requests a second per pool. */
const perPool = new WeakMap<object, Map<string, TokenBucket>>();
function perPoolBucket(owner: object, key: string): TokenBucket {
  let map = perPool.get(owner);
  if (!map) perPool.set(owner, (map = new Map()));
  let bucket = map.get(key);
  if (!bucket) map.set(key, (bucket = new TokenBucket(5, 5)));
  return bucket;
}

/** The pool itself could not be read (denied, missing, network): there is nothing to review. */
export class ReviewAccessError extends Error {
  override name = 'ReviewAccessError';
  constructor(readonly error: AppError) {
    super(error.message, { cause: error });
  }
}

export async function gatherReviewInput(src: ReviewSources): Promise<ReviewInput> {
  const { idp, userPoolId, signal } = src;
  const limiter = src.limiter ?? sharedRateLimiter(idp);

  async function idpRead<T>(operation: string, run: () => Promise<T>, extraBucket?: TokenBucket): Promise<Read<T>> {
    try {
      const value = await limiter.run(categoryOf(operation), async (s) => {
        if (extraBucket) await extraBucket.take(s);
        return run();
      }, { signal });
      return { ok: true, value };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'AbortError') throw appError;
      return unreadable(appError, `cognito-idp:${operation}`);
    }
  }

  // The pool itself: without it there is nothing to review, so a refusal here is the review's error.
  let pool: UserPoolInput;
  try {
    pool = await limiter.run(categoryOf('DescribeUserPool'), async () =>
      plain<{ UserPool?: UserPoolInput }>(await idp.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }), { abortSignal: signal })).UserPool ?? {},
    { signal });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'AbortError') throw appError;
    throw new ReviewAccessError(appError);
  }
  const poolRead: Read<UserPoolInput> = { ok: true, value: pool };

  const mfa = idpRead('GetUserPoolMfaConfig', async () => plain<MfaConfigInput>(await idp.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId }), { abortSignal: signal })));
  const risk = idpRead('DescribeRiskConfiguration', async () =>
    plain<{ RiskConfiguration?: RiskConfigurationInput }>(await idp.send(new DescribeRiskConfigurationCommand({ UserPoolId: userPoolId }), { abortSignal: signal })).RiskConfiguration ?? {},
  );
  const domainName = pool.CustomDomain ?? pool.Domain;
  const domain: Promise<Read<DomainInput | null>> = domainName
    ? idpRead('DescribeUserPoolDomain', async () => {
        const out = plain<{ DomainDescription?: DomainInput }>(await idp.send(new DescribeUserPoolDomainCommand({ Domain: domainName }), { abortSignal: signal }));
        return out.DomainDescription && out.DomainDescription.Domain ? out.DomainDescription : { Domain: domainName };
      })
    : Promise.resolve({ ok: true, value: null });
  const replicas = idpRead('ListUserPoolReplicas', async () => {
    const all: ReplicaInput[] = [];
    let token: string | undefined;
    do {
      const out = await idp.send(new ListUserPoolReplicasCommand({ UserPoolId: userPoolId, NextToken: token }), { abortSignal: signal });
      all.push(...plain<{ UserPoolReplicas?: ReplicaInput[] }>(out).UserPoolReplicas ?? []);
      token = out.NextToken;
    } while (token);
    return all;
  });
  const groups = idpRead('ListGroups', async () => {
    const all: GroupInput[] = [];
    let token: string | undefined;
    do {
      const out = await idp.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60, NextToken: token }), { abortSignal: signal });
      all.push(...plain<{ Groups?: GroupInput[] }>(out).Groups ?? []);
      token = out.NextToken;
    } while (token);
    return all;
  });
  const clients = readClients();
  let clientsDone = false;
  void clients.then(
    () => (clientsDone = true),
    () => undefined,
  );
  const identity = readIdentityPool();
  const ses = readSes(pool);

  async function readClients(): Promise<Read<ClientEntry[]>> {
    const listed = await idpRead('ListUserPoolClients', async () => {
      const all: { ClientId: string; ClientName: string }[] = [];
      let token: string | undefined;
      do {
        const out = await idp.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken: token }), { abortSignal: signal });
        for (const c of out.UserPoolClients ?? []) all.push({ ClientId: c.ClientId ?? '', ClientName: c.ClientName ?? '' });
        token = out.NextToken;
      } while (token);
      return all;
    }, perPoolBucket(idp, `${userPoolId}|ListUserPoolClients`));
    if (!listed.ok) return listed;
    let done = 0;
    src.onProgress?.(0, listed.value.length);
    const bucket = perPoolBucket(idp, `${userPoolId}|DescribeUserPoolClient`);
    const entries = await Promise.all(
      listed.value.map(async (c): Promise<ClientEntry> => {
        const detail = await idpRead('DescribeUserPoolClient', async () =>
          plain<{ UserPoolClient?: ClientInput }>(await idp.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: c.ClientId }), { abortSignal: signal })).UserPoolClient ?? {},
        bucket);
        src.onProgress?.(++done, listed.value.length);
        const gone = !detail.ok && detail.code === 'ResourceNotFoundException';
        return { ...c, detail: gone ? { ok: false, code: detail.code, reason: 'the app client was deleted after the list was read' } : detail };
      }),
    );
    return { ok: true, value: entries };
  }

  async function readIdentityPool(): Promise<{ pool: Read<IdentityPoolInput>; roles: Read<IdentityPoolRolesInput> }> {
    const id = src.identityPoolId;
    if (!id) {
      const missing = { ok: false as const, reason: 'no identity pool id was given (the config\'s identityPoolId, or --identity-pool-id for the CLI)' };
      return { pool: missing, roles: missing };
    }
    const client = src.identity;
    if (!client) {
      const missing = { ok: false as const, reason: 'no signed Cognito Identity client is available' };
      return { pool: missing, roles: missing };
    }
    // 5 requests a second per operation: one limiter at that rate paces both (each is called once).
    const paced = sharedRateLimiter(client, { quotas: { UserPoolRead: 5 } });
    const read = async <T,>(operation: string, run: () => Promise<T>): Promise<Read<T>> => {
      try {
        return { ok: true, value: await paced.run('UserPoolRead', run, { signal }) };
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === 'AbortError') throw appError;
        if (appError.code === 'ResourceNotFoundException') return { ok: false, code: appError.code, reason: `identity pool ${id} does not exist in this account and Region (check the identity pool id)` };
        return unreadable(appError, `cognito-identity:${operation}`);
      }
    };
    const [pool, roles] = await Promise.all([
      read('DescribeIdentityPool', async () => plain<IdentityPoolInput>(await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }), { abortSignal: signal }))),
      read('GetIdentityPoolRoles', async () => plain<IdentityPoolRolesInput>(await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }), { abortSignal: signal }))),
    ]);
    return { pool, roles };
  }

  async function readSes(p: UserPoolInput): Promise<Read<SesInput> | undefined> {
    const email = p.EmailConfiguration;
    if (email?.EmailSendingAccount !== 'DEVELOPER' || !email.SourceArn) return undefined;
    const arn = /^arn:[\w-]+:ses:([a-z0-9-]+):\d*:identity\/(.+)$/.exec(email.SourceArn);
    if (!arn) return { ok: false, reason: `the SourceArn ${email.SourceArn} is not an SES identity ARN` };
    const [, region, identity] = arn as unknown as [string, string, string];
    const client = src.ses?.(region);
    if (!client) return { ok: false, reason: `no SES client for ${region} is available` };
    // SES answers these reads about once a second; retried on throttling like the rest.
    const paced = sharedRateLimiter(client, { quotas: { UserPoolRead: 1 } });
    try {
      const readQuota = async () => {
        const known = await src.sendQuota?.(region);
        if (known) return { Max24HourSend: known.max24HourSend, MaxSendRate: known.maxSendRate, SentLast24Hours: known.sentLast24Hours };
        return paced.run('UserPoolRead', () => client.send(new GetSendQuotaCommand({}), { abortSignal: signal }), { signal });
      };
      const [quota, verification] = await Promise.all([
        readQuota(),
        paced.run('UserPoolRead', () => client.send(new GetIdentityVerificationAttributesCommand({ Identities: [identity] }), { abortSignal: signal }), { signal }),
      ]);
      const status = verification.VerificationAttributes?.[identity]?.VerificationStatus;
      return {
        ok: true,
        value: {
          region,
          identity,
          ...(quota.Max24HourSend !== undefined ? { Max24HourSend: quota.Max24HourSend } : {}),
          ...(quota.MaxSendRate !== undefined ? { MaxSendRate: quota.MaxSendRate } : {}),
          ...(quota.SentLast24Hours !== undefined ? { SentLast24Hours: quota.SentLast24Hours } : {}),
          ...(status ? { VerificationStatus: status } : {}),
        },
      };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'AbortError') throw appError;
      return unreadable(appError, 'ses:GetSendQuota');
    }
  }

  const [mfaRead, riskRead, domainRead, replicasRead, groupsRead, idpResult, sesRead] = await Promise.all([mfa, risk, domain, replicas, groups, identity, ses]);
  const assemble = (clientsRead: Read<ClientEntry[]>): ReviewInput => ({
    region: src.region,
    userPoolId,
    pool: poolRead,
    mfa: mfaRead,
    risk: riskRead,
    domain: domainRead,
    replicas: replicasRead,
    clients: clientsRead,
    groups: groupsRead,
    ...(src.identityPoolId ? { identityPoolId: src.identityPoolId } : {}),
    identityPool: idpResult.pool,
    identityPoolRoles: idpResult.roles,
    ...(sesRead !== undefined ? { ses: sesRead } : {}),
  });
  // App clients are paced at 5 a second per pool; everything else can be shown meanwhile.
  if (!clientsDone && src.onPartial) src.onPartial(assemble({ ok: false, code: PENDING, reason: 'the app clients are still being read' }));
  return assemble(await clients);
}

/** The `code` of the clients read in a partial review (see ReviewSources.onPartial). */
export const PENDING = 'Pending';
