/**
 * The Poolkeeper emulator for other projects (Node side). The browser host is a separate entry,
 * `mocks/hosts/browser.ts` (`startBrowserEmulator`), because it needs the msw service worker.
 *
 *   import { createNodeEmulator } from 'poolkeeper/mocks';   // msw setupServer for tests
 *   import { startEmulatorServer } from 'poolkeeper/mocks';  // real HTTP endpoint
 *   import { Emulator, createRouter } from 'poolkeeper/mocks'; // bring your own host
 */
import './seed';

export { Emulator, registerSeed, SNAPSHOT_VERSION } from './model/emulator';
export type { EmulatorOptions, EmulatorSnapshot, SeedName, Seeder, TemplateInput } from './model/emulator';
export { Clock } from './model/clock';
export { ServiceError } from './model/errors';
export { cryptoRandom, seededRandom, type Random } from './model/random';
export type { OutboxFilter } from './model/outbox';
export type { CallContext, OutboxMessage, Principal } from './model/types';
export { createRouter } from './protocol/router';
export type { RoutableEmulator, Router, RouterOptions } from './protocol/router';
export { AWS_HOST_PATTERNS, handlers } from './hosts/handlers';
export { createNodeEmulator, ROOT_CREDENTIALS } from './hosts/node';
export type { CreatePoolInput, CreateUserInput, NodeEmulator, NodeEmulatorOptions } from './hosts/node';
export { startEmulatorServer } from './hosts/server';
export type { EmulatorServer, EmulatorServerOptions } from './hosts/server';
export { ADMIN_POLICY, DEMO, type DemoConfig } from './seed';
export { deployTemplate, SeedFileError, seedFileSchema, seedJsonSchema, type DeployResult, type SeedFile, type SeedFileResult, type SeedProblem } from './seed';
