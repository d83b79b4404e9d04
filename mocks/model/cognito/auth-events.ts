/**
 * User auth events, as Cognito records them for pools with threat protection
 * (UserPoolAddOns.AdvancedSecurityMode AUDIT or ENFORCED, on the Plus plan): sign-ins with the
 * outcome of each challenge, sign-ups, forgotten and changed passwords, resent codes — read back
 * with AdminListUserAuthEvents (newest first, paginated) and marked with
 * AdminUpdateAuthEventFeedback. A pool without threat protection records nothing and refuses
 * the read with UserPoolAddOnNotEnabledException, as AWS does.
 *
 * The emulator cannot assess risk: every event it records is NoRisk (seeds may add others).
 */
import { ServiceError, invalidParameter } from '../errors';
import type { CallContext } from '../types';
import { getPool, getUser, type Engine, type Input } from './engine';
import { decodePageToken, encodePageToken } from './pagination';
import type { PoolRecord, UserRecord } from './state';

export type AuthEventType = 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';
export type AuthEventResponse = 'Pass' | 'Fail' | 'InProgress';

export interface AuthEventRecord {
  id: string;
  type: AuthEventType;
  at: number;
  response: AuthEventResponse;
  risk: { decision: 'NoRisk' | 'AccountTakeover' | 'Block'; level?: 'Low' | 'Medium' | 'High'; compromisedCredentials?: boolean };
  challenges: { name: 'Password' | 'Mfa'; response: 'Success' | 'Failure' }[];
  context?: { ipAddress?: string; deviceName?: string; timezone?: string; city?: string; country?: string };
  feedback?: { value: 'Valid' | 'Invalid'; provider: string; at: number };
}

/** Events kept per user; the oldest go first (AWS keeps them for a limited time too). */
export const MAX_EVENTS_PER_USER = 200;

export function recordsAuthEvents(pool: PoolRecord): boolean {
  const mode = (pool.config.UserPoolAddOns as { AdvancedSecurityMode?: string } | undefined)?.AdvancedSecurityMode;
  return mode === 'AUDIT' || mode === 'ENFORCED';
}

/** Adds an event to the user's history if the pool records them; returns it so a sign-in can settle it later. */
export function recordAuthEvent(
  engine: Engine,
  pool: PoolRecord,
  user: UserRecord,
  event: Pick<AuthEventRecord, 'type' | 'response'> & Partial<Pick<AuthEventRecord, 'challenges' | 'risk' | 'context' | 'at'>>,
): AuthEventRecord | undefined {
  if (!recordsAuthEvents(pool)) return undefined;
  const record: AuthEventRecord = {
    id: engine.env.random.uuid(),
    at: event.at ?? engine.env.clock.now(),
    type: event.type,
    response: event.response,
    risk: event.risk ?? { decision: 'NoRisk' },
    challenges: event.challenges ?? [],
    ...(event.context ? { context: event.context } : {}),
  };
  const events = (user.authEvents ??= []);
  events.push(record);
  if (events.length > MAX_EVENTS_PER_USER) events.splice(0, events.length - MAX_EVENTS_PER_USER);
  return record;
}

/** A sign-in that went on to a challenge: its event gains that challenge's outcome. */
export function settleAuthEvent(
  user: UserRecord,
  eventId: string | undefined,
  outcome: { response: AuthEventResponse; challenge?: AuthEventRecord['challenges'][number] },
): void {
  const event = eventId ? user.authEvents?.find((e) => e.id === eventId) : undefined;
  if (!event) return;
  event.response = outcome.response;
  if (outcome.challenge) event.challenges.push(outcome.challenge);
}

const notEnabled = () =>
  new ServiceError('UserPoolAddOnNotEnabledException', 'Advanced security features are not enabled for this user pool.');

const toAuthEventType = (e: AuthEventRecord) => ({
  EventId: e.id,
  EventType: e.type,
  CreationDate: e.at / 1000,
  EventResponse: e.response,
  EventRisk: {
    RiskDecision: e.risk.decision,
    ...(e.risk.level ? { RiskLevel: e.risk.level } : {}),
    CompromisedCredentialsDetected: e.risk.compromisedCredentials ?? false,
  },
  ChallengeResponses: e.challenges.map((c) => ({ ChallengeName: c.name, ChallengeResponse: c.response })),
  ...(e.context
    ? {
        EventContextData: {
          ...(e.context.ipAddress ? { IpAddress: e.context.ipAddress } : {}),
          ...(e.context.deviceName ? { DeviceName: e.context.deviceName } : {}),
          ...(e.context.timezone ? { Timezone: e.context.timezone } : {}),
          ...(e.context.city ? { City: e.context.city } : {}),
          ...(e.context.country ? { Country: e.context.country } : {}),
        },
      }
    : {}),
  ...(e.feedback ? { EventFeedback: { FeedbackValue: e.feedback.value, Provider: e.feedback.provider, FeedbackDate: e.feedback.at / 1000 } } : {}),
});

const isIndexCursor = (c: unknown): c is { i: number } => typeof c === 'object' && c !== null && Number.isInteger((c as { i?: unknown }).i);

export function adminListUserAuthEvents(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  if (!recordsAuthEvents(pool)) throw notEnabled();
  // MaxResults 0 or absent means 60, per the API reference.
  const limit = typeof input.MaxResults === 'number' && input.MaxResults > 0 ? input.MaxResults : 60;
  const query = `pool=${pool.id};user=${user.sub}`;
  const cursor = input.NextToken === undefined ? undefined : decodePageToken('AdminListUserAuthEvents', query, input.NextToken, isIndexCursor);
  // Newest first (ties: the later recorded first); the cursor counts from the newest.
  const newestFirst = [...(user.authEvents ?? [])].reverse().sort((a, b) => b.at - a.at);
  const start = cursor?.i ?? 0;
  const page = newestFirst.slice(start, start + limit);
  const next = start + limit < newestFirst.length ? encodePageToken('AdminListUserAuthEvents', query, { i: start + limit }) : undefined;
  return { AuthEvents: page.map(toAuthEventType), ...(next ? { NextToken: next } : {}) };
}

export function adminUpdateAuthEventFeedback(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  if (!recordsAuthEvents(pool)) throw notEnabled();
  const event = user.authEvents?.find((e) => e.id === input.EventId);
  if (!event) throw new ServiceError('ResourceNotFoundException', 'Auth event not found.');
  if (input.FeedbackValue !== 'Valid' && input.FeedbackValue !== 'Invalid') throw invalidParameter('FeedbackValue must be Valid or Invalid.');
  event.feedback = { value: input.FeedbackValue, provider: 'Admin', at: engine.env.clock.now() };
  return {};
}
