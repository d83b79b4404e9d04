/**
 * Loads a seed file (seed-schema.ts) into an emulator: parse (JSON or YAML), check the structure,
 * resolve every reference by name and every policy document — all problems reported together —
 * then create everything through the model's own operations (CreateUserPool, CreateRole, …) so
 * AWS's validation applies. Either all of it loads or none of it does.
 */
import type { Emulator } from '../model/emulator';
import { ServiceError } from '../model/errors';
import { Iam, type PolicyDocument } from '../model/iam';
import { seededRandom } from '../model/random';
import type { SeedFileResult } from '../model/setup-results';
import type { CallContext } from '../model/types';
import { identityPoolTrust } from '../model/web-identity-trust';
import { ALNUM, LOWER_ALNUM, withFixedId } from './demo';
import { seedFileSchema, type SeedFile, type SeedIdentityPool, type SeedRole, type SeedUserPool } from './seed-schema';
import { formatPath, listNames, parseYamlFile, SeedFileError, type SeedProblem } from './seed-problems';
import { rootContext } from '../model/arrange';

export type { SeedFileResult };

/** JSON or YAML text → a plain value; syntax errors as problems with line and column. */
export function parseSeedText(text: string, file: string): unknown {
  return parseYamlFile(text, file);
}

/** Structure, references and policy documents; throws SeedFileError listing every problem. */
export function validateSeed(raw: unknown, file: string, opts: { accountId: string; existingRoleArns?: Iterable<string> }): SeedFile {
  const parsed = seedFileSchema.safeParse(raw ?? {});
  const existing = new Set(opts.existingRoleArns ?? []);
  if (!parsed.success) {
    const structural = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }));
    // References are checked too where the shapes allow, so one run lists every problem.
    let references: SeedProblem[] = [];
    try {
      references = checkReferences(raw as SeedFile, opts.accountId, existing);
    } catch {
      // shapes too broken to follow; the structural problems say why
    }
    // a reference inside a malformed value is not worth reporting too (an unknown extra field does not make it malformed)
    const malformed = parsed.error.issues.filter((issue) => issue.code !== 'unrecognized_keys').map((issue) => formatPath(issue.path));
    const covered = (path: string) => malformed.some((m) => path === m || path.startsWith(`${m}.`) || path.startsWith(`${m}[`));
    throw new SeedFileError(file, [...structural, ...references.filter((p) => !covered(p.path))], 'is not a valid seed file');
  }
  const seed = parsed.data;
  const problems = checkReferences(seed, opts.accountId, existing);
  if (problems.length > 0) throw new SeedFileError(file, problems, 'is not a valid seed file');
  return seed;
}

function issueMessage(issue: { code: string; message: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (see mocks/schema/seed.schema.json for the fields a seed takes)`;
  return issue.message;
}

const roleArnOf = (accountId: string, role: SeedRole) => `arn:aws:iam::${accountId}:role${role.path ?? '/'}${role.name}`;

function checkReferences(seed: SeedFile, accountId: string, existingRoleArns: Set<string>): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const region = seed.region ?? 'us-east-1';
  const pools = seed.userPools ?? [];
  const roles = seed.roles ?? [];
  const identityPools = seed.identityPools ?? [];
  const roleArns = new Set([...roles.map((r) => roleArnOf(accountId, r)), ...existingRoleArns]);

  unique(pools.map((p) => p.name), 'userPools', 'user pool', add);
  unique(roles.map((r) => r.name), 'roles', 'role', add);
  unique(identityPools.map((p) => p.name), 'identityPools', 'identity pool', add);

  const checkRole = (ref: string, path: string) => {
    if (ref.startsWith('arn:')) {
      if (!roleArns.has(ref)) add(path, `role ${ref} does not exist; roles known here: ${listNames(roleArns)}. Add it under roles: or use one of those.`);
    } else if (!roles.some((r) => r.name === ref)) {
      add(path, `no role named "${ref}" in this file; roles: ${listNames(roles.map((r) => r.name))}. Add it under roles: or give an existing role's ARN.`);
    }
  };
  const poolNamed = (ref: string, path: string): SeedUserPool | undefined => {
    const pool = pools.find((p) => p.name === ref);
    if (!pool) add(path, `no user pool named "${ref}" in this file; user pools: ${listNames(pools.map((p) => p.name))}.`);
    return pool;
  };
  const checkClient = (pool: SeedUserPool | undefined, ref: string | undefined, path: string) => {
    if (!pool || ref === undefined) return;
    if (!pool.clients?.some((c) => c.name === ref)) add(path, `user pool "${pool.name}" has no client named "${ref}"; its clients: ${listNames((pool.clients ?? []).map((c) => c.name))}.`);
  };

  pools.forEach((pool, i) => {
    const at = `userPools[${i}]`;
    if (pool.id && !pool.id.startsWith(`${region}_`)) add(`${at}.id`, `pool id ${pool.id} is not in the file's region ${region}; make it ${region}_${pool.id.split('_')[1]} or set region:.`);
    unique((pool.clients ?? []).map((c) => c.name), `${at}.clients`, 'client', add);
    unique((pool.groups ?? []).map((g) => g.name), `${at}.groups`, 'group', add);
    (pool.groups ?? []).forEach((g, j) => g.role !== undefined && checkRole(g.role, `${at}.groups[${j}].role`));
    const groupNames = (pool.groups ?? []).map((g) => g.name);
    (pool.users ?? []).forEach((u, j) =>
      (u.groups ?? []).forEach((g, k) => {
        if (!groupNames.includes(g)) add(`${at}.users[${j}].groups[${k}]`, `user pool "${pool.name}" has no group named "${g}"; its groups: ${listNames(groupNames)}.`);
      }),
    );
  });

  roles.forEach((role, i) => {
    const at = `roles[${i}]`;
    if (role.trust === undefined && role.trustIdentityPool === undefined) add(at, 'a role needs trust: (a trust policy document) or trustIdentityPool: { name: <identity pool> }.');
    if (role.trust !== undefined && role.trustIdentityPool !== undefined) add(at, 'give trust: or trustIdentityPool:, not both.');
    if (role.trust !== undefined) checkPolicy(role.trust, `${at}.trust`, add, 'trust');
    if (role.trustIdentityPool && !identityPools.some((p) => p.name === role.trustIdentityPool!.name)) {
      add(`${at}.trustIdentityPool.name`, `no identity pool named "${role.trustIdentityPool.name}" in this file; identity pools: ${listNames(identityPools.map((p) => p.name))}.`);
    }
    for (const [policyName, document] of Object.entries(role.policies ?? {})) checkPolicy(document, `${at}.policies${formatPath([policyName]).replace(/^(?!\[)/, '.')}`, add, 'identity');
  });

  identityPools.forEach((ip, i) => {
    const at = `identityPools[${i}]`;
    if (ip.id && !ip.id.startsWith(`${region}:`)) add(`${at}.id`, `identity pool id ${ip.id} is not in the file's region ${region}.`);
    (ip.providers ?? []).forEach((p, j) => checkClient(poolNamed(p.userPool, `${at}.providers[${j}].userPool`), p.client, `${at}.providers[${j}].client`));
    if (ip.roles?.authenticated) checkRole(ip.roles.authenticated, `${at}.roles.authenticated`);
    if (ip.roles?.unauthenticated) checkRole(ip.roles.unauthenticated, `${at}.roles.unauthenticated`);
    (ip.roleMappings ?? []).forEach((m, j) => {
      const mapAt = `${at}.roleMappings[${j}]`;
      const pool = poolNamed(m.userPool, `${mapAt}.userPool`);
      checkClient(pool, m.client, `${mapAt}.client`);
      if (pool && !(ip.providers ?? []).some((p) => p.userPool === m.userPool)) {
        add(`${mapAt}.userPool`, `identity pool "${ip.name}" has no provider for user pool "${m.userPool}"; add it under providers: first.`);
      }
      if (m.type === 'Rules' && (m.rules ?? []).length === 0) add(`${mapAt}.rules`, 'a Rules mapping needs at least one rule.');
      (m.rules ?? []).forEach((r, k) => checkRole(r.role, `${mapAt}.rules[${k}].role`));
    });
  });
  return problems;
}

function unique(names: string[], path: string, what: string, add: (path: string, message: string) => void): void {
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) add(`${path}[${i}].name`, `a second ${what} named "${n}"; names must be unique because entries refer to each other by name.`);
  });
}

/** JSON text must parse; the statements must be ones IAM accepts (checked by the model's own rules). */
function checkPolicy(document: string | Record<string, unknown>, path: string, add: (path: string, message: string) => void, kind: 'trust' | 'identity'): void {
  let value: unknown = document;
  if (typeof document === 'string') {
    try {
      value = JSON.parse(document);
    } catch (error) {
      add(path, `the policy is not valid JSON (${(error as Error).message}); fix the JSON text or write the document as a YAML/JSON object.`);
      return;
    }
  }
  if (!value || typeof value !== 'object' || (value as { Statement?: unknown }).Statement === undefined) {
    add(path, 'a policy document needs a Statement (an object or a list of them).');
    return;
  }
  if (kind === 'trust') return;
  try {
    new Iam({ clock: { now: () => 0 } as never, random: seededRandom(1), accountId: '000000000000' }).putRole({
      arn: 'arn:aws:iam::000000000000:role/check',
      policy: value as PolicyDocument,
    });
  } catch (error) {
    add(path, `IAM would refuse this policy: ${(error as Error).message}`);
  }
}

const policyValue = (document: string | Record<string, unknown>) => (typeof document === 'string' ? (JSON.parse(document) as unknown) : document);

/** Creates everything the (validated) seed describes. Model errors are collected per entry, with their path. */
export async function applySeed(emulator: Emulator, seed: SeedFile, file: string): Promise<SeedFileResult> {
  const region = seed.region ?? 'us-east-1';
  const ctx = rootContext(region);
  const result: SeedFileResult = { region, userPools: {}, identityPools: {}, roles: {} };
  const problems: SeedProblem[] = [];
  const attempt = async <T>(path: string, step: () => Promise<T> | T): Promise<T | undefined> => {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      problems.push({ path, message: `${error.code}: ${error.message}` });
      return undefined;
    }
  };

  for (const [i, entry] of (seed.ses ?? []).entries()) {
    const sesRegion = entry.region ?? region;
    for (const identity of entry.identities ?? []) {
      if (typeof identity === 'string') emulator.ses.putIdentity(sesRegion, identity, 'Success');
      else emulator.ses.putIdentity(sesRegion, identity.identity, identity.status ?? 'Success');
    }
    await attempt(`ses[${i}]`, () =>
      emulator.ses.configureAccount(sesRegion, {
        ...(entry.sandbox === undefined ? {} : { sandbox: entry.sandbox }),
        ...(entry.max24HourSend === undefined ? {} : { max24HourSend: entry.max24HourSend }),
        ...(entry.maxSendRate === undefined ? {} : { maxSendRate: entry.maxSendRate }),
      }),
    );
  }

  for (const [i, pool] of (seed.userPools ?? []).entries()) {
    const created = await attempt(`userPools[${i}].settings`, () => createPool(emulator, pool, ctx));
    if (!created) continue;
    const clients: Record<string, string> = {};
    if (pool.mfa) await attempt(`userPools[${i}].mfa`, () => emulator.idp.call('SetUserPoolMfaConfig', { ...pool.mfa, UserPoolId: created }, ctx));
    for (const [j, client] of (pool.clients ?? []).entries()) {
      const id = await attempt(`userPools[${i}].clients[${j}]`, () => createClient(emulator, created, client, ctx));
      if (id) clients[client.name] = id;
    }
    result.userPools[pool.name] = {
      id: created,
      arn: `arn:aws:cognito-idp:${region}:${emulator.accountId}:userpool/${created}`,
      clients,
      providerName: `cognito-idp.${region}.amazonaws.com/${created}`,
    };
  }

  for (const [i, ip] of (seed.identityPools ?? []).entries()) {
    const id = await attempt(`identityPools[${i}]`, () => createIdentityPool(emulator, ip, result, ctx));
    if (id) result.identityPools[ip.name] = id;
  }

  const roleArn = (ref: string) => (ref.startsWith('arn:') ? ref : result.roles[ref] ?? ref);
  for (const [i, role] of (seed.roles ?? []).entries()) {
    const trust = role.trust !== undefined ? policyValue(role.trust) : identityPoolTrust(result.identityPools[role.trustIdentityPool!.name] ?? '', role.trustIdentityPool!.amr ?? 'authenticated');
    const created = (await attempt(`roles[${i}]`, () =>
      emulator.iamApi.call('CreateRole', {
        RoleName: role.name,
        AssumeRolePolicyDocument: JSON.stringify(trust),
        ...(role.path === undefined ? {} : { Path: role.path }),
        ...(role.description === undefined ? {} : { Description: role.description }),
        ...(role.maxSessionDuration === undefined ? {} : { MaxSessionDuration: role.maxSessionDuration }),
      }, ctx),
    )) as { Role: { Arn: string } } | undefined;
    if (!created) continue;
    result.roles[role.name] = created.Role.Arn;
    for (const [policyName, document] of Object.entries(role.policies ?? {})) {
      await attempt(`roles[${i}].policies.${policyName}`, () =>
        emulator.iamApi.call('PutRolePolicy', { RoleName: role.name, PolicyName: policyName, PolicyDocument: JSON.stringify(policyValue(document)) }, ctx),
      );
    }
  }

  for (const [i, pool] of (seed.userPools ?? []).entries()) {
    const poolId = result.userPools[pool.name]?.id;
    if (!poolId) continue;
    for (const [j, group] of (pool.groups ?? []).entries()) {
      await attempt(`userPools[${i}].groups[${j}]`, () =>
        emulator.idp.call('CreateGroup', {
          UserPoolId: poolId,
          GroupName: group.name,
          ...(group.description === undefined ? {} : { Description: group.description }),
          ...(group.precedence === undefined ? {} : { Precedence: group.precedence }),
          ...(group.role === undefined ? {} : { RoleArn: roleArn(group.role) }),
        }, ctx),
      );
    }
    for (const [j, user] of (pool.users ?? []).entries()) {
      await attempt(`userPools[${i}].users[${j}]`, () =>
        emulator.idp.putUser(poolId, {
          username: user.username,
          ...(user.attributes ? { attributes: user.attributes } : {}),
          ...(user.status ? { status: user.status } : {}),
          ...(user.enabled === undefined ? {} : { enabled: user.enabled }),
          ...(user.password === undefined ? {} : { password: user.password }),
          ...(user.groups ? { groups: user.groups } : {}),
        }),
      );
    }
  }

  for (const [i, ip] of (seed.identityPools ?? []).entries()) {
    const id = result.identityPools[ip.name];
    if (!id || (!ip.roles && !ip.roleMappings)) continue;
    const roles: Record<string, string> = {};
    if (ip.roles?.authenticated) roles.authenticated = roleArn(ip.roles.authenticated);
    if (ip.roles?.unauthenticated) roles.unauthenticated = roleArn(ip.roles.unauthenticated);
    const mappings: Record<string, unknown> = {};
    for (const m of ip.roleMappings ?? []) {
      const pool = result.userPools[m.userPool];
      if (!pool) continue;
      const key = m.client ? `${pool.providerName}:${pool.clients[m.client] ?? m.client}` : pool.providerName;
      mappings[key] = {
        Type: m.type,
        AmbiguousRoleResolution: m.ambiguousRoleResolution,
        ...(m.type === 'Rules' ? { RulesConfiguration: { Rules: (m.rules ?? []).map((r) => ({ Claim: r.claim, MatchType: r.matchType, Value: r.value, RoleARN: roleArn(r.role) })) } } : {}),
      };
    }
    await attempt(`identityPools[${i}].roles`, () =>
      emulator.identity.call('SetIdentityPoolRoles', { IdentityPoolId: id, Roles: roles, ...(ip.roleMappings ? { RoleMappings: mappings } : {}) }, ctx),
    );
  }

  if (problems.length > 0) throw new SeedFileError(file, problems, 'was refused by the emulator');
  return result;
}

async function createPool(emulator: Emulator, pool: SeedUserPool, ctx: CallContext): Promise<string> {
  const create = async () => {
    const out = (await emulator.idp.call('CreateUserPool', { ...pool.settings, PoolName: pool.name }, ctx)) as { UserPool: { Id: string } };
    return out.UserPool.Id;
  };
  return pool.id ? withFixedId(emulator, pool.id.slice(ctx.region.length + 1), ALNUM, create) : create();
}

async function createClient(emulator: Emulator, poolId: string, client: NonNullable<SeedUserPool['clients']>[number], ctx: CallContext): Promise<string> {
  const create = async () => {
    const out = (await emulator.idp.call('CreateUserPoolClient', { ...client.settings, UserPoolId: poolId, ClientName: client.name }, ctx)) as {
      UserPoolClient: { ClientId: string };
    };
    return out.UserPoolClient.ClientId;
  };
  return client.id ? withFixedId(emulator, client.id, LOWER_ALNUM, create) : create();
}

async function createIdentityPool(emulator: Emulator, ip: SeedIdentityPool, result: SeedFileResult, ctx: CallContext): Promise<string> {
  const input = {
    IdentityPoolName: ip.name,
    AllowUnauthenticatedIdentities: ip.allowUnauthenticated ?? false,
    ...(ip.allowClassicFlow === undefined ? {} : { AllowClassicFlow: ip.allowClassicFlow }),
    CognitoIdentityProviders: (ip.providers ?? []).map((p) => {
      const pool = result.userPools[p.userPool];
      return {
        ProviderName: pool?.providerName ?? p.userPool,
        ...(p.client ? { ClientId: pool?.clients[p.client] ?? p.client } : {}),
        ...(p.serverSideTokenCheck === undefined ? {} : { ServerSideTokenCheck: p.serverSideTokenCheck }),
      };
    }),
    ...(ip.tags ? { IdentityPoolTags: ip.tags } : {}),
  };
  const created = (await emulator.identity.call('CreateIdentityPool', input, ctx)) as { IdentityPoolId: string };
  if (!ip.id) return created.IdentityPoolId;
  const pool = emulator.identity.getIdentityPool(created.IdentityPoolId)!;
  await emulator.identity.call('DeleteIdentityPool', { IdentityPoolId: created.IdentityPoolId }, ctx);
  emulator.identity.putIdentityPool({ ...pool, IdentityPoolId: ip.id });
  return ip.id;
}

/**
 * Text or an already-parsed object → validated → applied. Used at start-up (Emulator option
 * `seedFile`, where a failure leaves the emulator unready) and by `Emulator.applySeedFile`.
 */
export async function loadSeedFile(emulator: Emulator, input: string | object, file: string): Promise<SeedFileResult> {
  const raw = typeof input === 'string' ? parseSeedText(input, file) : input;
  const seed = validateSeed(raw, file, { accountId: emulator.accountId, existingRoleArns: emulator.iam.listRoles().map((r) => r.arn) });
  return applySeed(emulator, seed, file);
}
