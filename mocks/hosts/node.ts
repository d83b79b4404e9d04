import { setupServer, type SetupServer } from 'msw/node';
import { Emulator, type EmulatorOptions } from '../model/emulator';
import type { OutboxFilter } from '../model/outbox';
import type { CallContext, OutboxMessage } from '../model/types';
import '../seed';
import './node-digests';
import { handlers } from './handlers';

/** Static root credentials: may call everything (like an account's root user). */
export const ROOT_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

export interface NodeEmulatorOptions extends EmulatorOptions {
  /** msw's policy for requests no handler answers (default 'error': an unmocked call fails the test) */
  onUnhandledRequest?: 'error' | 'warn' | 'bypass';
}

export interface CreatePoolInput {
  name?: string;
  region?: string;
  /** extra CreateUserPool input (AWS shape), e.g. { UsernameAttributes: ['email'] } */
  settings?: Record<string, unknown>;
  /** extra CreateUserPoolClient input; default: no secret, SRP + password + refresh flows */
  client?: Record<string, unknown>;
}

export interface CreateUserInput {
  username: string;
  password?: string;
  attributes?: Record<string, string>;
  status?: 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';
  enabled?: boolean;
  groups?: string[];
  createdAt?: number;
}

export interface NodeEmulator {
  emulator: Emulator;
  server: SetupServer;
  /** resolves once the seed is in place; `listen()` does not need it (requests wait), direct model use does */
  ready: Promise<void>;
  listen(): void;
  close(): void;
  /** back to the seed, and drops handlers added with `server.use()` */
  reset(): Promise<void>;
  messages(filter?: OutboxFilter): OutboxMessage[];
  /** the code in the newest message to `to` (sign-up code, temporary password, …) */
  latestCode(to: string): string | undefined;
  advanceClock(seconds: number): void;
  /** creates a pool and an app client through the model (as the root principal) */
  createPool(input?: CreatePoolInput): Promise<{ poolId: string; clientId: string; region: string }>;
  /** puts a user straight into a pool (no messages, no quotas) */
  createUser(poolId: string, user: CreateUserInput): void;
  /** runs one operation on the model as root, skipping the wire (for setup steps) */
  call(service: 'cognito-idp' | 'cognito-identity', operation: string, input: Record<string, unknown>, region?: string): Promise<unknown>;
  /** SDK client config for Node tests: region + root credentials (requests go to the real hostnames, msw answers) */
  clientConfig(region?: string): { region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
}

/**
 * The emulator for Node tests: msw `setupServer` answering the real AWS hostnames, plus a small
 * API to arrange state and read the outbox. Quotas are on unless `quotas: false`.
 */
export function createNodeEmulator(options: NodeEmulatorOptions = {}): NodeEmulator {
  const { onUnhandledRequest = 'error', ...emulatorOptions } = options;
  const emulator = new Emulator(emulatorOptions);
  const server = setupServer(...handlers(emulator));
  const rootCtx = (region: string): CallContext => ({ region, principal: { kind: 'root', accessKeyId: ROOT_CREDENTIALS.accessKeyId } });

  const host: NodeEmulator = {
    emulator,
    server,
    get ready() {
      return emulator.ready;
    },
    listen: () => server.listen({ onUnhandledRequest }),
    close: () => server.close(),
    async reset() {
      server.resetHandlers();
      await emulator.reset();
    },
    messages: (filter) => emulator.outbox.list(filter),
    latestCode: (to) => emulator.outbox.latest({ to })?.code,
    advanceClock: (seconds) => emulator.clock.advance(seconds),
    async createPool(input = {}) {
      await emulator.ready;
      const region = input.region ?? 'us-east-1';
      const created = (await emulator.idp.call('CreateUserPool', { PoolName: input.name ?? 'test-pool', ...input.settings }, rootCtx(region))) as {
        UserPool: { Id: string };
      };
      const poolId = created.UserPool.Id;
      const client = (await emulator.idp.call(
        'CreateUserPoolClient',
        {
          UserPoolId: poolId,
          ClientName: 'test-client',
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          ...input.client,
        },
        rootCtx(region),
      )) as { UserPoolClient: { ClientId: string } };
      return { poolId, clientId: client.UserPoolClient.ClientId, region };
    },
    createUser(poolId, user) {
      emulator.idp.putUser(poolId, user);
    },
    async call(service, operation, input, region = 'us-east-1') {
      await emulator.ready;
      const model = service === 'cognito-idp' ? emulator.idp : emulator.identity;
      return model.call(operation, input, rootCtx(region));
    },
    clientConfig: (region = 'us-east-1') => ({ region, credentials: { ...ROOT_CREDENTIALS } }),
  };
  return host;
}
