/**
 * The Poolkeeper emulator for other projects (Node side). The browser host is a separate entry,
 * `mocks/hosts/browser.ts` (`startBrowserEmulator`), because it needs the msw service worker.
 *
 *   import { createNodeEmulator } from 'poolkeeper/mocks';   // msw setupServer for tests
 *   import { startEmulatorServer } from 'poolkeeper/mocks';  // real HTTP endpoint
 *   import { Emulator, createRouter } from 'poolkeeper/mocks'; // bring your own host
 *   (createWireRouter: the same without Fetch objects, as the node:http server uses it)
 */
import './seed';

export { Emulator, registerSeed, SNAPSHOT_VERSION } from './model/emulator';
export type { EmulatorOptions, EmulatorSnapshot, SeedName, Seeder } from './model/emulator';
export { Clock } from './model/clock';
export { ServiceError } from './model/errors';
export { cryptoRandom, seededRandom, type Random } from './model/random';
export type { OutboxFilter } from './model/outbox';
export type { CallContext, OutboxMessage, Principal } from './model/types';
export { createRouter, createWireRouter } from './protocol/router';
export type { RoutableEmulator, Router, RouterOptions, WireRouter } from './protocol/router';
export type { WireRequest, WireResponse } from './protocol/http';
export { AWS_HOST_PATTERNS, handlers } from './hosts/handlers';
export { createNodeEmulator, ROOT_CREDENTIALS } from './hosts/node';
export type { CreatePoolInput, CreateUserInput, NodeEmulator, NodeEmulatorOptions } from './hosts/node';
export { startEmulatorServer } from './hosts/server';
export type { EmulatorServer, EmulatorServerOptions } from './hosts/server';
export { ADMIN_POLICY, DEMO, type DemoConfig } from './seed';
