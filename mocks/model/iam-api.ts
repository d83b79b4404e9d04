/**
 * The IAM API (awsQuery, version 2010-05-08) for the slice identity pools need: roles, their trust
 * policy and inline policies. State lives in Iam (iam.ts); this class is a stateless view over it,
 * so a snapshot or reset never has to know about it. Policy documents travel as JSON strings in
 * requests and come back URL-encoded, as AWS sends them.
 */
import { ServiceError } from './errors';
import type { Iam, PolicyDocument, Role } from './iam';
import type { CallContext } from './types';

export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';
/** The inline policy a seeded role's unnamed `policy` appears as. */
export const UNNAMED_POLICY = 'policy';

const OPERATIONS = [
  'CreateRole', 'GetRole', 'DeleteRole', 'ListRoles', 'UpdateAssumeRolePolicy',
  'PutRolePolicy', 'GetRolePolicy', 'DeleteRolePolicy', 'ListRolePolicies',
] as const;
const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
const EMPTY_POLICY: PolicyDocument = { Version: '2012-10-17', Statement: [] };
/** "Role policy size (aggregate of all inline policies): 10,240 characters", whitespace not counted. */
const INLINE_POLICY_LIMIT = 10240;

/** What the router needs from an awsQuery service besides SES. */
export interface QueryService {
  readonly xmlns: string;
  has(action: string): boolean;
  requiresSigV4(action: string): boolean;
  /** undefined: the action needs no IAM permission (GetCallerIdentity) */
  iamAction(action: string): string | undefined;
  resourceArn(action: string, input: Record<string, unknown>): string;
  call(action: string, input: Record<string, unknown>, ctx: CallContext): Promise<unknown>;
  readOnly(action: string): boolean;
}

export class IamApi implements QueryService {
  readonly xmlns = IAM_XMLNS;

  constructor(
    private readonly iam: Iam,
    private readonly accountId: string,
    private readonly now: () => number,
  ) {}

  has(action: string): boolean {
    return (OPERATIONS as readonly string[]).includes(action);
  }

  requiresSigV4(): boolean {
    return true;
  }

  iamAction(action: string): string {
    return `iam:${action}`;
  }

  readOnly(action: string): boolean {
    return /^(Get|List)/.test(action);
  }

  resourceArn(action: string, input: Record<string, unknown>): string {
    if (action === 'ListRoles' || typeof input.RoleName !== 'string') return '*';
    const existing = this.find(input.RoleName);
    const path = existing?.path ?? (action === 'CreateRole' && typeof input.Path === 'string' ? input.Path : '/');
    return `arn:aws:iam::${this.accountId}:role${path}${input.RoleName}`;
  }

  async call(action: string, input: Record<string, unknown>, _ctx: CallContext): Promise<unknown> {
    switch (action) {
      case 'CreateRole':
        return { Role: this.view(this.createRole(input)) };
      case 'GetRole':
        return { Role: this.view(this.role(input.RoleName)) };
      case 'DeleteRole':
        return this.deleteRole(input);
      case 'ListRoles':
        return this.listRoles(input);
      case 'UpdateAssumeRolePolicy': {
        const role = this.role(input.RoleName);
        this.iam.putRole({ ...role, trust: checkTrust(parseDocument(input.PolicyDocument, 'policyDocument')) });
        return {};
      }
      case 'PutRolePolicy':
        return this.putRolePolicy(input);
      case 'GetRolePolicy': {
        const role = this.role(input.RoleName);
        const name = policyName(input.PolicyName);
        const document = inlinePolicies(role)[name];
        if (!document) throw noSuchPolicy(name);
        return { RoleName: role.arn.split('/').pop(), PolicyName: name, PolicyDocument: encodeDocument(document) };
      }
      case 'DeleteRolePolicy':
        return this.deleteRolePolicy(input);
      case 'ListRolePolicies':
        return paginate(Object.keys(inlinePolicies(this.role(input.RoleName))), input, 'PolicyNames');
      default:
        throw new ServiceError('InvalidAction', `Could not find operation ${action} for version 2010-05-08`);
    }
  }

  private createRole(input: Record<string, unknown>): Role {
    const name = roleName(input.RoleName);
    const path = input.Path === undefined ? '/' : String(input.Path);
    const problems: string[] = [];
    if (!PATH.test(path) || path.length > 512) problems.push(constraint(path, 'path', 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)'));
    const duration = input.MaxSessionDuration === undefined ? 3600 : Number(input.MaxSessionDuration);
    if (!Number.isInteger(duration) || duration < 3600 || duration > 43200) {
      problems.push(constraint(String(input.MaxSessionDuration), 'maxSessionDuration', duration < 3600 ? 'Member must have value greater than or equal to 3600' : 'Member must have value less than or equal to 43200'));
    }
    const description = input.Description === undefined ? undefined : String(input.Description);
    if (description !== undefined && description.length > 1000) problems.push(constraint(description, 'description', 'Member must have length less than or equal to 1000'));
    if (problems.length > 0) throw validationErrors(problems);
    if (this.find(name)) throw new ServiceError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
    const trust = checkTrust(parseDocument(input.AssumeRolePolicyDocument, 'assumeRolePolicyDocument'));
    const tags = Array.isArray(input.Tags) ? (input.Tags as Array<{ Key: string; Value: string }>).map((t) => ({ Key: String(t.Key), Value: String(t.Value ?? '') })) : undefined;
    const role: Role = {
      arn: `arn:aws:iam::${this.accountId}:role${path}${name}`,
      policy: EMPTY_POLICY,
      trust,
      path,
      maxSessionDuration: duration,
      createdAt: this.now(),
      ...(description === undefined ? {} : { description }),
      ...(tags ? { tags } : {}),
    };
    this.iam.putRole(role);
    return this.iam.getRole(role.arn)!;
  }

  private deleteRole(input: Record<string, unknown>) {
    const role = this.role(input.RoleName);
    if (Object.keys(inlinePolicies(role)).length > 0) {
      throw new ServiceError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
    }
    this.iam.deleteRole(role.arn);
    return {};
  }

  private listRoles(input: Record<string, unknown>) {
    const prefix = typeof input.PathPrefix === 'string' ? input.PathPrefix : '/';
    const roles = this.iam
      .listRoles()
      .filter((role) => (role.path ?? pathOf(role.arn)).startsWith(prefix))
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
      .map((role) => {
        const { Tags: _tags, ...rest } = this.view(role);
        return rest;
      });
    return paginate(roles, input, 'Roles');
  }

  private putRolePolicy(input: Record<string, unknown>) {
    const role = this.role(input.RoleName);
    const name = policyName(input.PolicyName);
    const document = checkIdentityPolicy(parseDocument(input.PolicyDocument, 'policyDocument'));
    const updated: Role = name === UNNAMED_POLICY ? { ...role, policy: document } : { ...role, policies: { ...role.policies, [name]: document } };
    const size = Object.values(inlinePolicies(updated)).reduce((total, d) => total + JSON.stringify(d).replace(/\s/g, '').length, 0);
    if (size > INLINE_POLICY_LIMIT) {
      throw new ServiceError('LimitExceeded', `Maximum policy size of ${INLINE_POLICY_LIMIT} bytes exceeded for role ${nameOf(role)}`, 409);
    }
    try {
      this.iam.putRole(updated);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'MalformedPolicyDocumentException') {
        throw new ServiceError('MalformedPolicyDocument', error.message);
      }
      throw error;
    }
    return {};
  }

  private deleteRolePolicy(input: Record<string, unknown>) {
    const role = this.role(input.RoleName);
    const name = policyName(input.PolicyName);
    if (!inlinePolicies(role)[name]) throw noSuchPolicy(name);
    if (name === UNNAMED_POLICY) {
      this.iam.putRole({ ...role, policy: EMPTY_POLICY });
    } else {
      const { [name]: _gone, ...rest } = role.policies ?? {};
      this.iam.putRole({ ...role, policies: rest });
    }
    return {};
  }

  /** The Role shape IAM returns (documents URL-encoded, dates as Date for the XML writer). */
  private view(role: Role) {
    return {
      Path: role.path ?? pathOf(role.arn),
      RoleName: nameOf(role),
      RoleId: role.roleId,
      Arn: role.arn,
      CreateDate: new Date(role.createdAt ?? this.now()),
      ...(role.trust === undefined ? {} : { AssumeRolePolicyDocument: encodeDocument(role.trust) }),
      ...(role.description === undefined ? {} : { Description: role.description }),
      MaxSessionDuration: role.maxSessionDuration ?? 3600,
      ...(role.tags && role.tags.length > 0 ? { Tags: role.tags } : {}),
    };
  }

  private find(name: string): Role | undefined {
    return this.iam.listRoles().find((role) => nameOf(role) === name);
  }

  private role(name: unknown): Role {
    const checked = roleName(name);
    const role = this.find(checked);
    if (!role) throw new ServiceError('NoSuchEntity', `The role with name ${checked} cannot be found.`, 404);
    return role;
  }
}

/** Inline policies by name; a seeded role's unnamed policy counts when it has statements. */
export function inlinePolicies(role: Role): Record<string, PolicyDocument> {
  const statements = role.policy.Statement;
  const unnamed = Array.isArray(statements) ? statements.length > 0 : statements !== undefined;
  return { ...(unnamed ? { [UNNAMED_POLICY]: role.policy } : {}), ...role.policies };
}

const nameOf = (role: Role) => role.arn.split('/').pop() ?? role.arn;
const pathOf = (arn: string) => {
  const parts = arn.split(':role')[1] ?? '/';
  return parts.slice(0, parts.lastIndexOf('/') + 1) || '/';
};

function roleName(value: unknown): string {
  const name = String(value);
  if (name.length < 1 || name.length > 64) throw validationErrors([constraint(name, 'roleName', 'Member must have length less than or equal to 64')]);
  if (!NAME.test(name)) throw validationErrors([constraint(name, 'roleName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]+')]);
  return name;
}

function policyName(value: unknown): string {
  const name = String(value);
  if (name.length < 1 || name.length > 128) throw validationErrors([constraint(name, 'policyName', 'Member must have length less than or equal to 128')]);
  if (!NAME.test(name)) throw validationErrors([constraint(name, 'policyName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]+')]);
  return name;
}

/** A policy document from a request: JSON text (AWS also takes it URL-encoded), an object. */
export function parseDocument(value: unknown, member: string): unknown {
  if (value !== null && typeof value === 'object') return value;
  let text = String(value ?? '');
  if (text.length === 0) throw validationErrors([constraint(text, member, 'Member must have length greater than or equal to 1')]);
  if (/^%7B/i.test(text.trim())) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // fall through to the JSON error
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ServiceError('MalformedPolicyDocument', 'This policy contains invalid Json');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || (parsed as { Statement?: unknown }).Statement === undefined) {
    throw new ServiceError('MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  return parsed;
}

const statementsOf = (document: unknown): Array<Record<string, unknown>> => {
  const statement = (document as { Statement: unknown }).Statement;
  return (Array.isArray(statement) ? statement : [statement]).map((s) => (s && typeof s === 'object' ? (s as Record<string, unknown>) : {}));
};

/** An assume-role (trust) policy: names a principal, never a resource (IAM's own wording). */
function checkTrust(document: unknown): unknown {
  for (const s of statementsOf(document)) {
    if (s.Resource !== undefined || s.NotResource !== undefined) throw new ServiceError('MalformedPolicyDocument', `Has prohibited field ${s.Resource !== undefined ? 'Resource' : 'NotResource'}`);
    if (s.Principal === undefined && s.NotPrincipal === undefined) throw new ServiceError('MalformedPolicyDocument', 'Missing required field Principal');
    if (s.Action === undefined && s.NotAction === undefined) throw new ServiceError('MalformedPolicyDocument', 'Missing required field Action');
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new ServiceError('MalformedPolicyDocument', 'Missing required field Effect');
  }
  return document;
}

/** An identity (inline) policy: a principal belongs in trust and resource policies only. */
function checkIdentityPolicy(document: unknown): PolicyDocument {
  if (statementsOf(document).some((s) => s.Principal !== undefined || s.NotPrincipal !== undefined)) {
    throw new ServiceError('MalformedPolicyDocument', 'Policy document should not specify a principal.');
  }
  return document as PolicyDocument;
}

/** IAM returns policy documents URL-encoded (RFC 3986), which SDKs hand back undecoded. */
export function encodeDocument(document: unknown): string {
  return encodeURIComponent(JSON.stringify(document));
}

function paginate<T>(items: T[], input: Record<string, unknown>, key: string) {
  const max = input.MaxItems === undefined ? 100 : Number(input.MaxItems);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw validationErrors([constraint(String(input.MaxItems), 'maxItems', max < 1 ? 'Member must have value greater than or equal to 1' : 'Member must have value less than or equal to 1000')]);
  }
  let start = 0;
  if (input.Marker !== undefined) {
    start = Number.parseInt(String(input.Marker), 36);
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw new ServiceError('ValidationError', 'Invalid Marker.');
  }
  const page = items.slice(start, start + max);
  const next = start + page.length;
  return { [key]: page, IsTruncated: next < items.length, ...(next < items.length ? { Marker: next.toString(36) } : {}) };
}

const constraint = (value: string, member: string, rule: string) => `Value '${value}' at '${member}' failed to satisfy constraint: ${rule}`;

function validationErrors(problems: string[]): ServiceError {
  return new ServiceError('ValidationError', `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`);
}

function noSuchPolicy(name: string): ServiceError {
  return new ServiceError('NoSuchEntity', `The role policy with name ${name} cannot be found.`, 404);
}
