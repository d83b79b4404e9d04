/**
 * Test helpers for the IdP model's tests: an IdP on a movable clock, a seeded random source and a
 * mailer that records what it is asked to send (or refuses, to test the daily cap path).
 */
import { Clock } from '../clock';
import { ServiceError } from '../errors';
import { seededRandom } from '../random';
import type { CallContext, EmulatorEnv, Mailer, OutboxMessage, OutgoingPoolMessage } from '../types';
import { CognitoIdp } from './idp';

export class RecordingMailer implements Mailer {
  readonly sent: OutgoingPoolMessage[] = [];
  refuse = false;

  send(message: OutgoingPoolMessage): OutboxMessage {
    if (this.refuse) throw new ServiceError('LimitExceededException', 'Exceeded daily email limit for the operation or the account.');
    this.sent.push(message);
    return { ...message, id: String(this.sent.length), via: message.channel === 'sms' ? 'sns' : 'cognito-default', sentAt: new Date(0).toISOString() };
  }

  last(): OutgoingPoolMessage {
    const message = this.sent[this.sent.length - 1];
    if (!message) throw new Error('no message was sent');
    return message;
  }
}

export const ctx: CallContext = { region: 'us-east-1', principal: { kind: 'root', accessKeyId: 'test' } };
export const publicCtx: CallContext = { region: 'us-east-1', principal: null };

export function setup(seed = 1) {
  const clock = new Clock();
  const mailer = new RecordingMailer();
  const env: EmulatorEnv = { clock, random: seededRandom(seed), mailer, accountId: '000000000000' };
  const idp = new CognitoIdp(env);
  const call = <T = Record<string, unknown>>(op: string, input: Record<string, unknown>, context: CallContext = ctx) =>
    idp.call(op, input, context) as Promise<T>;
  return { idp, env, clock, mailer, call };
}

export type Setup = ReturnType<typeof setup>;

/** A pool with an email username setup, email auto-verification and a client allowing every flow. */
export async function poolWithClient(t: Setup, pool: Record<string, unknown> = {}, client: Record<string, unknown> = {}) {
  const { UserPool } = await t.call<{ UserPool: { Id: string } }>('CreateUserPool', {
    PoolName: 'test',
    AutoVerifiedAttributes: ['email'],
    ...pool,
  });
  const { UserPoolClient } = await t.call<{ UserPoolClient: { ClientId: string; ClientSecret?: string } }>('CreateUserPoolClient', {
    UserPoolId: UserPool.Id,
    ClientName: 'app',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    ...client,
  });
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId, clientSecret: UserPoolClient.ClientSecret };
}

/** Expects `promise` to reject with a ServiceError of `code` (and, when given, exactly `message`). */
export async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
