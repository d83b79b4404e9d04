/**
 * Deploys a CloudFormation template's Cognito, IAM and SES resources into the emulator, as
 * `aws cloudformation deploy` would: parameters (with Defaults, AllowedPattern, AllowedValues),
 * conditions, resources in dependency order through the model's own operations, and the stack's
 * Outputs. Other resource types are listed and skipped; anything referring to one is a problem.
 * All problems found before creating anything are reported together.
 */
import type { Emulator } from '../model/emulator';
import { ServiceError } from '../model/errors';
import type { DeployResult } from '../model/setup-results';
import type { CallContext } from '../model/types';
import { parseTemplateText, referencesIn, resolve, ResolveError, type ResolveContext } from './cfn-intrinsics';
import { listNames, SeedFileError, type SeedProblem } from './seed-problems';
import { rootContext } from '../model/arrange';

export interface DeployOptions {
  /** how messages name the template */
  file?: string;
  parameters?: Record<string, string>;
  /** default "emulated-stack" */
  stackName?: string;
  /** default us-east-1 */
  region?: string;
}

export type { DeployResult };

interface Created {
  ref: string;
  attributes: Record<string, unknown>;
}

type Handler = (emulator: Emulator, props: Record<string, unknown>, env: { ctx: CallContext; logicalId: string; stackName: string; notes: string[] }) => Promise<Created>;

const str = (v: unknown) => (v === undefined ? undefined : String(v));

/** CloudFormation's generated physical names: <stack>-<logicalId>-<12 random>, at most `max` long. */
function generatedName(emulator: Emulator, stackName: string, logicalId: string, max: number): string {
  const suffix = Array.from(emulator.random.bytes(12), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[b % 36]).join('');
  return `${stackName}-${logicalId}`.slice(0, max - 13) + `-${suffix}`;
}

const HANDLERS: Record<string, Handler> = {
  async 'AWS::Cognito::UserPool'(emulator, props, { ctx, logicalId, stackName }) {
    const { UserPoolName, EnabledMfas, ...rest } = props;
    const name = str(UserPoolName) ?? generatedName(emulator, stackName, logicalId, 128);
    const out = (await emulator.idp.call('CreateUserPool', { ...rest, PoolName: name }, ctx)) as { UserPool: { Id: string; Arn: string } };
    const id = out.UserPool.Id;
    if (Array.isArray(EnabledMfas) && EnabledMfas.includes('SOFTWARE_TOKEN_MFA')) {
      await emulator.idp.call('SetUserPoolMfaConfig', { UserPoolId: id, MfaConfiguration: props.MfaConfiguration ?? 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }, ctx);
    }
    const providerName = `cognito-idp.${ctx.region}.amazonaws.com/${id}`;
    return { ref: id, attributes: { Arn: out.UserPool.Arn, ProviderName: providerName, ProviderURL: `https://${providerName}`, UserPoolId: id } };
  },
  async 'AWS::Cognito::UserPoolClient'(emulator, props, { ctx, logicalId, stackName }) {
    const ClientName = str(props.ClientName) ?? generatedName(emulator, stackName, logicalId, 128);
    const out = (await emulator.idp.call('CreateUserPoolClient', { ...props, ClientName }, ctx)) as { UserPoolClient: { ClientId: string; ClientSecret?: string; ClientName: string } };
    const client = out.UserPoolClient;
    return { ref: client.ClientId, attributes: { ClientId: client.ClientId, Name: client.ClientName, ...(client.ClientSecret ? { ClientSecret: client.ClientSecret } : {}) } };
  },
  async 'AWS::Cognito::UserPoolGroup'(emulator, props, { ctx, logicalId, stackName }) {
    const GroupName = str(props.GroupName) ?? generatedName(emulator, stackName, logicalId, 128);
    await emulator.idp.call('CreateGroup', { ...props, GroupName }, ctx);
    return { ref: GroupName, attributes: {} };
  },
  async 'AWS::Cognito::UserPoolUser'(emulator, props, { ctx }) {
    const out = (await emulator.idp.call('AdminCreateUser', props, ctx)) as { User: { Username: string } };
    return { ref: out.User.Username, attributes: {} };
  },
  async 'AWS::Cognito::UserPoolUserToGroupAttachment'(emulator, props, { ctx }) {
    await emulator.idp.call('AdminAddUserToGroup', props, ctx);
    return { ref: `${String(props.GroupName)}/${String(props.Username)}`, attributes: {} };
  },
  async 'AWS::Cognito::UserPoolDomain'(emulator, props, { ctx, logicalId, notes }) {
    await emulator.idp.call('CreateUserPoolDomain', props, ctx);
    notes.push(`${logicalId}: the domain ${String(props.Domain)} is created; the emulator serves no hosted UI or OAuth endpoints behind it.`);
    return { ref: String(props.Domain), attributes: { CloudFrontDistribution: `${String(props.Domain)}.auth.${ctx.region}.amazoncognito.com` } };
  },
  async 'AWS::Cognito::IdentityPool'(emulator, props, { ctx, logicalId, stackName, notes }) {
    const { IdentityPoolName, IdentityPoolTags, CognitoEvents, CognitoStreams, PushSync, ...rest } = props;
    if (CognitoEvents !== undefined || CognitoStreams !== undefined || PushSync !== undefined) {
      notes.push(`${logicalId}: CognitoEvents, CognitoStreams and PushSync (Cognito Sync) are ignored.`);
    }
    const name = str(IdentityPoolName) ?? generatedName(emulator, stackName, logicalId, 128).replace(/-/g, '_');
    const tags = Array.isArray(IdentityPoolTags) ? Object.fromEntries((IdentityPoolTags as Array<{ Key: string; Value: string }>).map((t) => [t.Key, t.Value])) : undefined;
    const out = (await emulator.identity.call('CreateIdentityPool', { ...rest, IdentityPoolName: name, ...(tags ? { IdentityPoolTags: tags } : {}) }, ctx)) as { IdentityPoolId: string };
    return { ref: out.IdentityPoolId, attributes: { Name: name, Id: out.IdentityPoolId } };
  },
  async 'AWS::Cognito::IdentityPoolRoleAttachment'(emulator, props, { ctx }) {
    const mappings = props.RoleMappings as Record<string, Record<string, unknown>> | undefined;
    const roleMappings = mappings
      ? Object.fromEntries(Object.entries(mappings).map(([key, m]) => {
          const { IdentityProvider, ...mapping } = m;
          return [String(IdentityProvider ?? key), mapping];
        }))
      : undefined;
    const roles = (props.Roles ?? {}) as Record<string, string>;
    for (const [kind, arn] of Object.entries(roles)) requireRole(emulator, arn, `Roles.${kind}`);
    for (const [key, m] of Object.entries(mappings ?? {})) {
      const rules = ((m.RulesConfiguration as { Rules?: Array<{ RoleARN: string }> } | undefined)?.Rules ?? []);
      rules.forEach((r, i) => requireRole(emulator, r.RoleARN, `RoleMappings.${key}.RulesConfiguration.Rules[${i}].RoleARN`));
    }
    await emulator.identity.call('SetIdentityPoolRoles', { IdentityPoolId: props.IdentityPoolId, Roles: roles, ...(roleMappings ? { RoleMappings: roleMappings } : {}) }, ctx);
    return { ref: String(props.IdentityPoolId), attributes: {} };
  },
  async 'AWS::IAM::Role'(emulator, props, { ctx, logicalId, stackName, notes }) {
    const name = str(props.RoleName) ?? generatedName(emulator, stackName, logicalId, 64);
    if (props.ManagedPolicyArns !== undefined) notes.push(`${logicalId}: ManagedPolicyArns are not modelled; only inline Policies grant permissions here.`);
    const document = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    const out = (await emulator.iamApi.call('CreateRole', {
      RoleName: name,
      AssumeRolePolicyDocument: document(props.AssumeRolePolicyDocument),
      ...(props.Path === undefined ? {} : { Path: props.Path }),
      ...(props.Description === undefined ? {} : { Description: props.Description }),
      ...(props.MaxSessionDuration === undefined ? {} : { MaxSessionDuration: props.MaxSessionDuration }),
      ...(Array.isArray(props.Tags) ? { Tags: props.Tags } : {}),
    }, ctx)) as { Role: { Arn: string; RoleId: string } };
    for (const policy of (props.Policies ?? []) as Array<{ PolicyName: string; PolicyDocument: unknown }>) {
      await emulator.iamApi.call('PutRolePolicy', { RoleName: name, PolicyName: policy.PolicyName, PolicyDocument: document(policy.PolicyDocument) }, ctx);
    }
    return { ref: name, attributes: { Arn: out.Role.Arn, RoleId: out.Role.RoleId } };
  },
  async 'AWS::SES::EmailIdentity'(emulator, props, { ctx, logicalId, notes }) {
    const identity = String(props.EmailIdentity);
    emulator.ses.putIdentity(ctx.region, identity, 'Success');
    notes.push(`${logicalId}: ${identity} is verified at once (no verification mail or DNS records).`);
    return { ref: identity, attributes: {} };
  },
};

export const SUPPORTED_TYPES = Object.keys(HANDLERS);

function requireRole(emulator: Emulator, arn: string, where: string): void {
  if (emulator.iam.getRole(arn)) return;
  throw new ResolveError(
    `${where}: role ${arn} does not exist; roles here: ${listNames(emulator.iam.listRoles().map((r) => r.arn))}. Create it in the template (AWS::IAM::Role) or in a seed file first.`,
  );
}

const PSEUDO = (ctx: CallContext, emulator: Emulator, stackName: string) => ({
  'AWS::Region': ctx.region,
  'AWS::AccountId': emulator.accountId,
  'AWS::StackName': stackName,
  'AWS::StackId': `arn:aws:cloudformation:${ctx.region}:${emulator.accountId}:stack/${stackName}/00000000-0000-4000-8000-000000000000`,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::NotificationARNs': [],
});

/** Parses, checks and deploys. Throws SeedFileError with every problem found. */
export async function deployTemplate(emulator: Emulator, input: string | object, options: DeployOptions = {}): Promise<DeployResult> {
  const file = options.file ?? 'template';
  const template = (typeof input === 'string' ? parseTemplateText(input, file) : input) as Record<string, unknown>;
  const stackName = options.stackName ?? 'emulated-stack';
  const ctx = rootContext(options.region);
  const problems: SeedProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (!template || typeof template !== 'object' || !template.Resources || typeof template.Resources !== 'object') {
    throw new SeedFileError(file, [{ path: 'Resources', message: 'a template needs a Resources section (a map of logical id → resource).' }], 'is not a CloudFormation template');
  }
  const resources = template.Resources as Record<string, { Type?: string; Properties?: Record<string, unknown>; Condition?: string; DependsOn?: string | string[] }>;
  const declared = (template.Parameters ?? {}) as Record<string, { Default?: unknown; AllowedPattern?: string; AllowedValues?: unknown[]; Type?: string }>;
  const given = options.parameters ?? {};

  const params: Record<string, unknown> = { ...PSEUDO(ctx, emulator, stackName) };
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(declared, key)) add(`Parameters.${key}`, `--parameter ${key} is not a parameter of this template; its parameters: ${listNames(Object.keys(declared))}.`);
  }
  for (const [key, spec] of Object.entries(declared)) {
    const value = given[key] ?? (spec.Default === undefined ? undefined : String(spec.Default));
    if (value === undefined) {
      add(`Parameters.${key}`, `the parameter has no Default; pass --parameter ${key}=<value>.`);
      continue;
    }
    if (spec.AllowedPattern && !new RegExp(`^(?:${spec.AllowedPattern})$`).test(value)) add(`Parameters.${key}`, `"${value}" does not match its AllowedPattern ${spec.AllowedPattern}.`);
    if (spec.AllowedValues && !spec.AllowedValues.map(String).includes(value)) add(`Parameters.${key}`, `"${value}" is not one of its AllowedValues: ${listNames(spec.AllowedValues.map(String))}.`);
    params[key] = spec.Type?.startsWith('List<') || spec.Type === 'CommaDelimitedList' ? value.split(',') : value;
  }

  const resolveCtx: ResolveContext = { params, conditions: {}, mappings: (template.Mappings ?? {}) as ResolveContext['mappings'], resources: {} };
  for (const [name, expression] of Object.entries((template.Conditions ?? {}) as Record<string, unknown>)) {
    try {
      resolveCtx.conditions[name] = resolve(expression, resolveCtx) === true;
    } catch (error) {
      if (!(error instanceof ResolveError)) throw error;
      add(`Conditions.${name}`, error.message);
    }
  }

  const skipped: DeployResult['skipped'] = [];
  const active: string[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    const type = String(resource?.Type);
    if (resource?.Condition !== undefined) {
      if (!Object.hasOwn(resolveCtx.conditions, resource.Condition)) {
        add(`Resources.${logicalId}.Condition`, `there is no condition named ${resource.Condition}; conditions: ${listNames(Object.keys(resolveCtx.conditions))}.`);
        continue;
      }
      if (!resolveCtx.conditions[resource.Condition]) continue;
    }
    if (!HANDLERS[type]) skipped.push({ logicalId, type });
    else active.push(logicalId);
  }

  // References: every one must name a parameter, a pseudo parameter or a resource that will exist.
  const dependsOn = new Map<string, Set<string>>();
  for (const logicalId of active) {
    const resource = resources[logicalId]!;
    const deps = new Set<string>();
    for (const dep of [resource.DependsOn ?? []].flat()) {
      if (active.includes(dep)) deps.add(dep);
      else add(`Resources.${logicalId}.DependsOn`, `${dep} is not a resource that will be created; resources: ${listNames(active)}.`);
    }
    for (const reference of referencesIn(resource.Properties ?? {}, `Resources.${logicalId}.Properties`)) {
      // a declared parameter without a value is reported once, above, not at every use
      if ((Object.hasOwn(params, reference.name) || Object.hasOwn(declared, reference.name)) && reference.attribute === undefined) continue;
      if (active.includes(reference.name)) deps.add(reference.name);
      else if (skipped.some((s) => s.logicalId === reference.name)) {
        add(reference.path, `refers to ${reference.name}, a ${skipped.find((s) => s.logicalId === reference.name)!.type} the emulator does not model (it models ${listNames(SUPPORTED_TYPES)}).`);
      } else if (Object.hasOwn(resources, reference.name)) {
        add(reference.path, `refers to ${reference.name}, which its Condition leaves out.`);
      } else {
        add(reference.path, `refers to ${reference.name}, which is neither a parameter nor a resource; parameters: ${listNames(Object.keys(declared))}; resources: ${listNames(Object.keys(resources))}.`);
      }
    }
    dependsOn.set(logicalId, deps);
    checkPolicyText(resource, logicalId, add);
  }
  const order = topologicalOrder(active, dependsOn, add);
  if (problems.length > 0) throw new SeedFileError(file, problems, 'cannot be deployed');

  const result: DeployResult = { stackName, outputs: {}, resources: {}, skipped, notes: [] };
  const failed = new Set<string>();
  for (const logicalId of order) {
    if ([...dependsOn.get(logicalId)!].some((d) => failed.has(d))) {
      failed.add(logicalId);
      continue;
    }
    const resource = resources[logicalId]!;
    try {
      const props = resolve(resource.Properties ?? {}, resolveCtx) as Record<string, unknown>;
      const created = await HANDLERS[resource.Type!]!(emulator, props, { ctx, logicalId, stackName, notes: result.notes });
      resolveCtx.resources[logicalId] = created;
      result.resources[logicalId] = { type: resource.Type!, physicalId: created.ref };
    } catch (error) {
      if (!(error instanceof ServiceError) && !(error instanceof ResolveError)) throw error;
      failed.add(logicalId);
      const code = error instanceof ServiceError ? `${error.code}: ` : '';
      add(`Resources.${logicalId}`, `${resource.Type} was refused: ${code}${error.message}`);
    }
  }
  for (const [key, output] of Object.entries((template.Outputs ?? {}) as Record<string, { Value: unknown; Condition?: string }>)) {
    if (output.Condition !== undefined && !resolveCtx.conditions[output.Condition]) continue;
    try {
      result.outputs[key] = String(resolve(output.Value, resolveCtx)).trim();
    } catch (error) {
      if (!(error instanceof ResolveError)) throw error;
      if (problems.length === 0) add(`Outputs.${key}`, error.message);
    }
  }
  if (problems.length > 0) throw new SeedFileError(file, problems, 'was refused by the emulator');
  return result;
}

/** Policy documents written as JSON text must parse (CloudFormation passes them to IAM as they are). */
function checkPolicyText(resource: { Type?: string; Properties?: Record<string, unknown> }, logicalId: string, add: (path: string, message: string) => void): void {
  if (resource.Type !== 'AWS::IAM::Role') return;
  const at = `Resources.${logicalId}.Properties`;
  const check = (value: unknown, path: string) => {
    if (typeof value !== 'string') return;
    try {
      JSON.parse(value);
    } catch (error) {
      add(path, `the policy is not valid JSON (${(error as Error).message}); fix it or write the document as YAML.`);
    }
  };
  check(resource.Properties?.AssumeRolePolicyDocument, `${at}.AssumeRolePolicyDocument`);
  ((resource.Properties?.Policies ?? []) as Array<{ PolicyDocument?: unknown }>).forEach((p, i) => check(p?.PolicyDocument, `${at}.Policies[${i}].PolicyDocument`));
}

function topologicalOrder(ids: string[], deps: Map<string, Set<string>>, add: (path: string, message: string) => void): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      add(`Resources.${id}`, `circular dependency: ${[...trail.slice(trail.indexOf(id)), id].join(' → ')}.`);
      return;
    }
    state.set(id, 'visiting');
    for (const dep of deps.get(id) ?? []) if (ids.includes(dep)) visit(dep, [...trail, id]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of ids) visit(id, []);
  return order;
}
