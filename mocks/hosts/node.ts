import { setupServer, type SetupServer } from 'msw/node';
import { Emulator, type EmulatorOptions } from '../model/emulator';
import {
  callAsRoot,
  createGroup,
  createPool,
  createUser,
  ROOT_CREDENTIALS,
  type CreateGroupInput,
  type CreatePoolInput,
  type CreateUserInput,
  type ModelService,
} from '../model/arrange';
import type { OutboxFilter } from '../model/outbox';
import type { OutboxMessage } from '../model/types';
import '../seed';
import './node-digests';
import { handlers } from './handlers';

export { ROOT_CREDENTIALS, type CreateGroupInput, type CreatePoolInput, type CreateUserInput };

export interface NodeEmulatorOptions extends EmulatorOptions {
  /** msw's policy for requests no handler answers (default 'error': an unmocked call fails the test) */
  onUnhandledRequest?: 'error' | 'warn' | 'bypass';
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
  /** creates a group (optionally with the IAM role its members get from an identity pool) */
  createGroup(poolId: string, group: CreateGroupInput): Promise<void>;
  /** runs one operation on the model as root, skipping the wire (for setup steps) */
  call(service: ModelService, operation: string, input: Record<string, unknown>, region?: string): Promise<unknown>;
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
    createPool: (input) => createPool(emulator, input),
    createUser: (poolId, user) => createUser(emulator, poolId, user),
    createGroup: (poolId, group) => createGroup(emulator, poolId, group),
    call: (service, operation, input, region) => callAsRoot(emulator, service, operation, input, region),
    clientConfig: (region = 'us-east-1') => ({ region, credentials: { ...ROOT_CREDENTIALS } }),
  };
  return host;
}
