import { afterAll, beforeAll } from 'vitest';
import type { Emulator } from '@poolkeeper/cognito-emulator';
import { createNodeEmulator, type NodeEmulator, type NodeEmulatorOptions } from '@poolkeeper/cognito-emulator/node';
import { startEmulatorServer, type EmulatorServer, type EmulatorServerOptions } from '@poolkeeper/cognito-emulator/server';
import { FixedClock } from './fixed-clock';

export type AwsService = 'cognito-idp' | 'cognito-identity' | 'email';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** One way of reaching the emulator from a test: msw in-process (node) or real HTTP (server). */
export interface EmulatorTarget {
  readonly name: 'node' | 'server';
  readonly emulator: Emulator;
  readonly region: string;
  /** set for the standalone server; undefined means "the real AWS hostnames" (msw answers) */
  readonly endpoint: string | undefined;
  /** base URL a raw fetch uses for a service, e.g. https://email.us-east-1.amazonaws.com */
  url(service: AwsService): string;
  /** SDK client config; root credentials (test/test) unless others are given */
  clientConfig(credentials?: Credentials): { region: string; endpoint?: string; credentials: Credentials; maxAttempts: number };
}

export const ROOT: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * Targets run with a clock that only moves when a test advances it (starting at the real time,
 * so SDK signatures stay within AWS's 15-minute skew) and with quotas off unless asked for.
 */
const defaults = () => ({ seed: 'demo' as const, users: 0, quotas: false, clock: new FixedClock(Date.now()) });

function target(name: 'node' | 'server', get: () => { emulator: Emulator; endpoint?: string }, region = 'us-east-1'): EmulatorTarget {
  return {
    name,
    region,
    get emulator() {
      return get().emulator;
    },
    get endpoint() {
      return get().endpoint;
    },
    url(service) {
      return get().endpoint ?? `https://${service}.${region}.amazonaws.com`;
    },
    clientConfig(credentials = ROOT) {
      const endpoint = get().endpoint;
      return { region, ...(endpoint ? { endpoint } : {}), credentials, maxAttempts: 1 };
    },
  };
}

/** msw setupServer in this test file (requests to anything else fail the test). */
export function nodeHostTarget(options: NodeEmulatorOptions = {}): EmulatorTarget & { host: () => NodeEmulator } {
  let host: NodeEmulator | undefined;
  beforeAll(async () => {
    host = createNodeEmulator({ ...defaults(), ...options });
    host.listen();
    await host.ready;
  });
  afterAll(() => host?.close());
  const get = () => {
    if (!host) throw new Error('The node emulator starts in beforeAll; use the target inside tests.');
    return { emulator: host.emulator };
  };
  return Object.assign(target('node', get), { host: () => host! });
}

/** The standalone HTTP server on a free 127.0.0.1 port, in this process. */
export function standaloneServerTarget(options: EmulatorServerOptions = {}): EmulatorTarget & { server: () => EmulatorServer } {
  let server: EmulatorServer | undefined;
  beforeAll(async () => {
    server = await startEmulatorServer({ ...defaults(), port: 0, host: '127.0.0.1', ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  const get = () => {
    if (!server) throw new Error('The emulator server starts in beforeAll; use the target inside tests.');
    return { emulator: server.emulator, endpoint: server.url };
  };
  return Object.assign(target('server', get), { server: () => server! });
}
