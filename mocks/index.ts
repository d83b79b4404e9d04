/**
 * `@poolkeeper/cognito-emulator` — the model: one emulated AWS account (Cognito user pools,
 * Cognito Identity, SES, IAM, quotas, an outbox and a movable clock) with no host attached, so it
 * runs anywhere (Node, browsers, workers). The hosts are separate entries, each over this model:
 *
 *   '@poolkeeper/cognito-emulator/msw'     handlers(emulator) for your own setupServer/setupWorker
 *   '@poolkeeper/cognito-emulator/node'    createNodeEmulator(): msw setupServer, ready to listen
 *   '@poolkeeper/cognito-emulator/server'  startEmulatorServer(): a real HTTP endpoint
 *   '@poolkeeper/cognito-emulator/browser' startBrowserEmulator(): msw service worker + IndexedDB
 */
import './seed';

export { Emulator, registerSeed, SNAPSHOT_VERSION } from './model/emulator';
export type { EmulatorOptions, EmulatorSnapshot, SeedName, Seeder, TemplateInput } from './model/emulator';
export { callAsRoot, createGroup, createPool, createUser, ROOT_CREDENTIALS, rootContext } from './model/arrange';
export type { CreateGroupInput, CreatePoolInput, CreateUserInput, ModelService } from './model/arrange';
export { Clock } from './model/clock';
export { totpAt } from './model/crypto/totp';
export { ServiceError } from './model/errors';
export { identityPoolTrust } from './model/web-identity-trust';
export { cryptoRandom, seededRandom, type Random } from './model/random';
export type { OutboxFilter } from './model/outbox';
export type { CallContext, OutboxMessage, Principal } from './model/types';
export { createRouter, createWireRouter } from './protocol/router';
export type { RoutableEmulator, Router, RouterOptions, WireRouter } from './protocol/router';
export type { WireRequest, WireResponse } from './protocol/http';
export { ADMIN_POLICY, DEMO, type DemoConfig } from './seed';
export { deployTemplate, SeedFileError, seedFileSchema, seedJsonSchema, type SeedFile, type SeedProblem } from './seed';
export type { DeployResult, SeedFileResult } from './model/setup-results';
