/**
 * Arranging state for tests and set-up scripts: pools, clients, users and groups created through
 * the model as the account's root principal, with no wire, signatures or quotas in the way. Every
 * host (msw in Node or the browser, the HTTP server) exposes an `Emulator`, so these work with all.
 */
import type { Emulator } from './emulator';
import type { PutUserInput } from './cognito/idp';
import type { CallContext } from './types';

/** Static root credentials: may call everything (like an account's root user). */
export const ROOT_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

/** The context of a call made by the root credentials in `region`. */
export function rootContext(region = 'us-east-1'): CallContext {
  return { region, principal: { kind: 'root', accessKeyId: ROOT_CREDENTIALS.accessKeyId } };
}

export type ModelService = 'cognito-idp' | 'cognito-identity' | 'iam';

/** Runs one operation (AWS input and output shapes) on the model as root, after the seed is in. */
export async function callAsRoot(emulator: Emulator, service: ModelService, operation: string, input: Record<string, unknown>, region = 'us-east-1'): Promise<unknown> {
  await emulator.ready;
  const model = service === 'cognito-idp' ? emulator.idp : service === 'iam' ? emulator.iamApi : emulator.identity;
  const result = await model.call(operation, input, rootContext(region));
  emulator.changed(); // persistence (browser IndexedDB, --data file) saves what set-up code arranged
  return result;
}

export interface CreatePoolInput {
  name?: string;
  region?: string;
  /** extra CreateUserPool input (AWS shape), e.g. { UsernameAttributes: ['email'] } */
  settings?: Record<string, unknown>;
  /** extra CreateUserPoolClient input; default: no secret, SRP + password + refresh flows */
  client?: Record<string, unknown>;
}

/** Creates a user pool and an app client (CreateUserPool + CreateUserPoolClient, as root). */
export async function createPool(emulator: Emulator, input: CreatePoolInput = {}): Promise<{ poolId: string; clientId: string; region: string }> {
  const region = input.region ?? 'us-east-1';
  const created = (await callAsRoot(emulator, 'cognito-idp', 'CreateUserPool', { PoolName: input.name ?? 'test-pool', ...input.settings }, region)) as {
    UserPool: { Id: string };
  };
  const poolId = created.UserPool.Id;
  const client = (await callAsRoot(
    emulator,
    'cognito-idp',
    'CreateUserPoolClient',
    {
      UserPoolId: poolId,
      ClientName: 'test-client',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ...input.client,
    },
    region,
  )) as { UserPoolClient: { ClientId: string } };
  return { poolId, clientId: client.UserPoolClient.ClientId, region };
}

export type CreateUserInput = PutUserInput;

/**
 * Puts a user straight into a pool: no messages, no quotas, no password policy (so a test can
 * create any state, e.g. FORCE_CHANGE_PASSWORD). The groups must exist.
 */
export function createUser(emulator: Emulator, poolId: string, user: CreateUserInput): void {
  emulator.idp.putUser(poolId, user);
  emulator.changed();
}

export interface CreateGroupInput {
  name: string;
  description?: string;
  precedence?: number;
  /** IAM role the identity pool gives members (Token role mapping) */
  roleArn?: string;
}

/** CreateGroup as root (the pool's region is read from its id). */
export async function createGroup(emulator: Emulator, poolId: string, group: CreateGroupInput): Promise<void> {
  await callAsRoot(
    emulator,
    'cognito-idp',
    'CreateGroup',
    {
      UserPoolId: poolId,
      GroupName: group.name,
      ...(group.description !== undefined ? { Description: group.description } : {}),
      ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
      ...(group.roleArn !== undefined ? { RoleArn: group.roleArn } : {}),
    },
    poolId.split('_')[0],
  );
}
