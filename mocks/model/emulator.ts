import { ApiGateway, type ApiGatewayDeps } from './apigateway';
import { Clock } from './clock';
import { CognitoIdp } from './cognito/idp';
import { Iam } from './iam';
import { IamApi } from './iam-api';
import { CognitoIdentity, type IdentityDeps } from './identity';
import { PoolMailer } from './messaging';
import { Outbox } from './outbox';
import { Quotas } from './quotas';
import { cryptoRandom, seededRandom, type Random } from './random';
import { Ses } from './ses';
import type { DeployResult, SeedFileResult } from './setup-results';
import { Sts } from './sts';
import type { EmulatorEnv } from './types';

export type SeedName = 'demo' | 'empty';

export interface EmulatorOptions {
  /** 'demo' (default): the documented demo pool; 'empty': nothing but the root credentials */
  seed?: SeedName;
  /** extra generated users in the demo pool */
  users?: number;
  /** API rate quotas (default on) */
  quotas?: boolean;
  /** added to every AWS call, to make loading states visible */
  latencyMs?: number;
  /** randomness for everything after seeding; default: seeded during the seed, crypto after it */
  random?: Random;
  /** e.g. 'http://127.0.0.1:9229' for the standalone server; default https://cognito-idp.<region>.amazonaws.com */
  issuerBase?: string;
  /** a Clock tests control (e.g. one that only moves when advanced) */
  clock?: Clock;
  accountId?: string;
  /** a seed file (JSON/YAML text or the parsed object, mocks/seed/seed-file.ts) applied after `seed`; reset() applies it again */
  seedFile?: string | object;
  /** how messages about `seedFile` name it (default "seed file") */
  seedFileName?: string;
  /** a CloudFormation template deployed after the seed file (mocks/seed/cfn-template.ts); reset() deploys it again */
  template?: TemplateInput;
}

export interface TemplateInput {
  /** YAML/JSON text or the parsed template */
  body: string | object;
  /** how messages name it */
  file?: string;
  parameters?: Record<string, string>;
  stackName?: string;
  region?: string;
}

/** How a seed fills an emulator. Registered by mocks/seed so the model does not import seeds. */
export type Seeder = (emulator: Emulator, options: EmulatorOptions) => Promise<void>;

const seeders = new Map<SeedName, Seeder>();

export function registerSeed(name: SeedName, seeder: Seeder): void {
  seeders.set(name, seeder);
}

/** Loads a seed file / deploys a template; registered by mocks/seed (which owns the formats). */
export type SeedFileLoader = (emulator: Emulator, input: string | object, file: string) => Promise<SeedFileResult>;
export type TemplateDeployer = (emulator: Emulator, template: TemplateInput) => Promise<DeployResult>;
const loaders: { seedFile?: SeedFileLoader; template?: TemplateDeployer } = {};

export function registerSeedFileLoader(loader: SeedFileLoader, deployer?: TemplateDeployer): void {
  loaders.seedFile = loader;
  if (deployer) loaders.template = deployer;
}

function loader<K extends keyof typeof loaders>(kind: K): NonNullable<(typeof loaders)[K]> {
  const found = loaders[kind];
  if (!found) throw new Error(`No ${kind} loader is registered; import mocks/seed (mocks/index.ts does).`);
  return found!;
}

export const SNAPSHOT_VERSION = 1;

export interface EmulatorSnapshot {
  version: typeof SNAPSHOT_VERSION;
  savedAt: string;
  seed: SeedName;
  accountId: string;
  clockOffsetSeconds: number;
  outbox: unknown;
  mailer: unknown;
  ses: unknown;
  identity: unknown;
  idp: unknown;
  iam: unknown;
  /** absent in snapshots saved before the emulated API Gateway existed */
  apigateway?: unknown;
}

/** Seed-time randomness is reproducible; afterwards codes, keys and secrets come from crypto. */
const SEED_RANDOM = 20260115;

/**
 * The whole emulated account: Cognito user pools, identity pools, SES, IAM, quotas and the outbox,
 * sharing one Clock. Hosts route AWS requests to it through mocks/protocol/router.ts.
 */
export class Emulator {
  readonly clock: Clock;
  readonly options: EmulatorOptions;
  readonly accountId: string;
  random: Random;
  outbox!: Outbox;
  mailer!: PoolMailer;
  ses!: Ses;
  iam!: Iam;
  idp!: CognitoIdp;
  identity!: CognitoIdentity;
  apigateway!: ApiGateway;
  quotas!: Quotas;
  /** resolves when the seed has been applied; the router waits for it */
  ready: Promise<void>;
  /** what the start-up seed file and template created (their loaders' results), for hosts to print */
  loaded: { seedFile?: SeedFileResult; template?: DeployResult } = {};
  private listeners = new Set<() => void>();

  constructor(options: EmulatorOptions = {}) {
    this.options = { seed: 'demo', ...options };
    this.clock = options.clock ?? new Clock();
    this.accountId = options.accountId ?? '000000000000';
    this.random = this.options.random ?? seededRandom(SEED_RANDOM);
    this.build();
    this.ready = this.seed();
  }

  get env(): EmulatorEnv {
    return { clock: this.clock, random: this.random, mailer: this.mailer, accountId: this.accountId };
  }

  /** IAM's role API over `iam` (a stateless view: nothing of its own to snapshot or reset). */
  get iamApi(): IamApi {
    return new IamApi(this.iam, this.accountId, () => this.clock.now());
  }

  /** STS over `iam` and the identity pools' OpenID tokens (stateless, like iamApi). */
  get sts(): Sts {
    return new Sts(this.iam, this.identity.openIdTokens, this.accountId);
  }

  /** Back to the seed: state, outbox, quotas and the clock offset. Object identity is kept. */
  async reset(): Promise<void> {
    await this.ready.catch(() => undefined);
    this.clock.offsetSeconds = 0;
    this.random = this.options.random ?? seededRandom(SEED_RANDOM);
    this.build();
    this.ready = this.seed();
    await this.ready;
  }

  /** Listens for state changes (persistence); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  snapshot(): EmulatorSnapshot {
    return {
      version: SNAPSHOT_VERSION,
      savedAt: new Date(this.clock.now()).toISOString(),
      seed: this.options.seed ?? 'demo',
      accountId: this.accountId,
      clockOffsetSeconds: this.clock.offsetSeconds,
      outbox: this.outbox.toJSON(),
      mailer: this.mailer.toJSON(),
      ses: this.ses.toJSON(),
      identity: this.identity.toJSON(),
      idp: this.idp.toJSON(),
      iam: this.iam.toJSON(),
      apigateway: this.apigateway.toJSON(),
    };
  }

  /**
   * Rebuilds an emulator from `snapshot()` output. `options` still decide quotas, latency,
   * issuer base and what `reset()` goes back to.
   */
  static restore(snapshot: EmulatorSnapshot, options: EmulatorOptions = {}): Emulator {
    if (!isSnapshot(snapshot)) throw new Error('Not an emulator snapshot of a version this emulator reads.');
    const emulator = new Emulator({ ...options, seed: 'empty', seedFile: undefined, template: undefined, accountId: snapshot.accountId });
    (emulator.options as EmulatorOptions).seed = options.seed ?? snapshot.seed;
    // what reset() goes back to: the seed file and template too, though the snapshot already holds their result
    Object.assign(emulator.options, { seedFile: options.seedFile, seedFileName: options.seedFileName, template: options.template });
    emulator.random = options.random ?? cryptoRandom;
    emulator.clock.offsetSeconds = snapshot.clockOffsetSeconds;
    const random = emulator.liveRandom();
    emulator.outbox = Outbox.fromJSON(snapshot.outbox, emulator.clock, random);
    emulator.ses = Ses.fromJSON(snapshot.ses, { clock: emulator.clock, random, outbox: emulator.outbox, accountId: emulator.accountId });
    emulator.iam = Iam.fromJSON(snapshot.iam, { clock: emulator.clock, random, accountId: emulator.accountId });
    emulator.mailer = new PoolMailer({ clock: emulator.clock, outbox: emulator.outbox, ses: () => emulator.ses });
    emulator.mailer.restore(snapshot.mailer);
    emulator.idp = CognitoIdp.fromJSON(snapshot.idp, { ...emulator.env, random });
    emulator.applyIssuerBase();
    emulator.identity = CognitoIdentity.fromJSON(snapshot.identity, emulator.identityDeps());
    emulator.apigateway = ApiGateway.fromJSON(snapshot.apigateway, emulator.apiGatewayDeps());
    return emulator;
  }

  /**
   * Adds what a seed file describes to this running emulator, all or nothing: it is validated in
   * full, tried on a copy of the current state, and only then applied here. Resolves to what was
   * created by name (pool, client and identity-pool ids, role ARNs); rejects with SeedFileError.
   */
  applySeedFile(input: string | object, file = 'seed file'): Promise<SeedFileResult> {
    const load = loader('seedFile');
    return this.atomically((emulator) => load(emulator, input, file));
  }

  /** Deploys a CloudFormation template's Cognito, IAM and SES resources, all or nothing (as applySeedFile). */
  applyTemplate(template: TemplateInput): Promise<DeployResult> {
    const deploy = loader('template');
    return this.atomically((emulator) => deploy(emulator, template));
  }

  /** Runs `change` on a copy of the current state first, so a failure leaves this emulator untouched. */
  private async atomically<T>(change: (emulator: Emulator) => Promise<T>): Promise<T> {
    await this.ready;
    await change(Emulator.restore(this.snapshot(), { ...this.options, seedFile: undefined, template: undefined }));
    const result = await change(this);
    this.changed();
    return result;
  }

  describe(): Record<string, unknown> {
    return {
      seed: this.options.seed,
      ...(this.options.seedFile === undefined ? {} : { seedFile: this.options.seedFileName ?? 'seed file' }),
      ...(this.options.template === undefined ? {} : { template: this.options.template.file ?? 'template' }),
      quotas: this.quotas.enabled,
      latencyMs: this.options.latencyMs ?? 0,
    };
  }

  private build(): void {
    const random = this.liveRandom();
    this.outbox = new Outbox(this.clock, random);
    this.mailer = new PoolMailer({ clock: this.clock, outbox: this.outbox, ses: () => this.ses });
    this.ses = new Ses({ clock: this.clock, random, outbox: this.outbox, accountId: this.accountId });
    this.iam = new Iam({ clock: this.clock, random, accountId: this.accountId });
    this.idp = new CognitoIdp({ clock: this.clock, random, mailer: this.mailer, accountId: this.accountId });
    this.applyIssuerBase();
    this.identity = new CognitoIdentity(this.identityDeps());
    this.apigateway = new ApiGateway(this.apiGatewayDeps());
    this.quotas = new Quotas(this.clock, { enabled: this.options.quotas ?? true });
  }

  /** A Random that delegates to the emulator's current one (seeded while seeding, then crypto). */
  private liveRandom(): Random {
    return {
      bytes: (n) => this.random.bytes(n),
      int: (m) => this.random.int(m),
      uuid: () => this.random.uuid(),
      digits: (l) => this.random.digits(l),
    };
  }

  private identityDeps(): IdentityDeps {
    return {
      clock: this.clock,
      random: this.liveRandom(),
      accountId: this.accountId,
      verifyIdToken: (token: string) => this.idp.verifyIdToken(token),
      issueCredentials: (roleArn, opts) => this.iam.issueCredentials(roleArn, opts),
    };
  }

  private apiGatewayDeps(): ApiGatewayDeps {
    return { clock: this.clock, jwks: (poolId) => this.idp.jwks(poolId), issuer: (poolId) => this.idp.issuer(poolId) };
  }

  private applyIssuerBase(): void {
    const base = this.options.issuerBase?.replace(/\/+$/, '');
    if (base) this.idp.issuerBase = () => base;
  }

  private async seed(): Promise<void> {
    const name = this.options.seed ?? 'demo';
    const seeder = seeders.get(name);
    if (!seeder && name !== 'empty') {
      throw new Error(`Seed '${name}' is not registered; import '@poolkeeper/cognito-emulator' (it registers the seeds) or mocks/seed.`);
    }
    if (seeder) await seeder(this, this.options);
    this.loaded = {};
    if (this.options.seedFile !== undefined) {
      this.loaded.seedFile = await loader('seedFile')(this, this.options.seedFile, this.options.seedFileName ?? 'seed file');
    }
    if (this.options.template !== undefined) this.loaded.template = await loader('template')(this, this.options.template);
    if (!this.options.random) this.random = cryptoRandom;
  }
}

function isSnapshot(value: unknown): value is EmulatorSnapshot {
  return !!value && typeof value === 'object' && (value as { version?: unknown }).version === SNAPSHOT_VERSION;
}
