/**
 * Request validation for the identity-pool write operations, with the constraints of the Cognito
 * Identity API reference (CreateIdentityPool, UpdateIdentityPool, SetIdentityPoolRoles) and AWS's
 * "N validation errors detected: …" wording, every problem in one message.
 */
import { ServiceError } from './errors';

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

/**
 * A role Cognito Identity may not hand out: not a role ARN (e.g. a role name) or another account's.
 * AWS's answer, as users report it (boto/boto3#73, aws/aws-sdk-js#908): NotAuthorizedException.
 */
function checkRoleAccess(arn: unknown, accountId: string): void {
  if (typeof arn !== 'string') return;
  if (ROLE_ARN.exec(arn)?.[1] !== accountId) throw new ServiceError('NotAuthorizedException', `Access to Role '${arn}' is forbidden.`);
}

type Problems = string[];

const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'null');
const fail = (problems: Problems, v: unknown, member: string, rule: string) =>
  problems.push(`Value '${value(v)}' at '${member}' failed to satisfy constraint: ${rule}`);

function text(problems: Problems, v: unknown, member: string, opts: { min?: number; max: number; pattern?: [RegExp, string] }) {
  if (v === undefined) return;
  if (typeof v !== 'string') return fail(problems, v, member, 'Member must be a string');
  if (v.length < (opts.min ?? 1)) return fail(problems, v, member, `Member must have length greater than or equal to ${opts.min ?? 1}`);
  if (v.length > opts.max) return fail(problems, v, member, `Member must have length less than or equal to ${opts.max}`);
  if (opts.pattern && !opts.pattern[0].test(v)) fail(problems, v, member, `Member must satisfy regular expression pattern: ${opts.pattern[1]}`);
}

function throwIfAny(problems: Problems): void {
  if (problems.length === 0) return;
  throw new ServiceError(
    'InvalidParameterException',
    `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`,
  );
}

/** CreateIdentityPool / UpdateIdentityPool input. */
export function validateIdentityPoolInput(input: Record<string, unknown>): void {
  const problems: Problems = [];
  text(problems, input.IdentityPoolName, 'identityPoolName', { max: 128, pattern: [/^[\w\s+=,.@-]+$/, '[\\w\\s+=,.@-]+'] });
  for (const flag of ['AllowUnauthenticatedIdentities', 'AllowClassicFlow'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') fail(problems, input[flag], lowerFirst(flag), 'Member must be a boolean');
  }
  text(problems, input.DeveloperProviderName, 'developerProviderName', { max: 128, pattern: [/^[\w._-]+$/, '[\\w._-]+'] });
  const logins = input.SupportedLoginProviders;
  if (logins !== undefined) {
    if (!logins || typeof logins !== 'object' || Array.isArray(logins)) fail(problems, logins, 'supportedLoginProviders', 'Member must be a map');
    else {
      const entries = Object.entries(logins as Record<string, unknown>);
      if (entries.length > 10) fail(problems, logins, 'supportedLoginProviders', 'Member must have length less than or equal to 10');
      for (const [k, v] of entries) {
        text(problems, k, 'supportedLoginProviders.key', { max: 128 });
        text(problems, v, `supportedLoginProviders.${k}.member`, { max: 128, pattern: [/^[\w.;_/-]+$/, '[\\w.;_/-]+'] });
      }
    }
  }
  const providers = input.CognitoIdentityProviders;
  if (providers !== undefined) {
    if (!Array.isArray(providers)) fail(problems, providers, 'cognitoIdentityProviders', 'Member must be a list');
    else {
      providers.forEach((p: unknown, i) => {
        const entry = (p ?? {}) as Record<string, unknown>;
        const at = `cognitoIdentityProviders.${i + 1}.member`;
        if (entry.ProviderName === undefined) fail(problems, null, `${at}.providerName`, 'Member must not be null');
        text(problems, entry.ProviderName, `${at}.providerName`, { max: 128, pattern: [/^[\w._:/-]+$/, '[\\w._:/-]+'] });
        text(problems, entry.ClientId, `${at}.clientId`, { max: 128, pattern: [/^[\w_]+$/, '[\\w_]+'] });
        if (entry.ServerSideTokenCheck !== undefined && typeof entry.ServerSideTokenCheck !== 'boolean') {
          fail(problems, entry.ServerSideTokenCheck, `${at}.serverSideTokenCheck`, 'Member must be a boolean');
        }
      });
    }
  }
  for (const member of ['OpenIdConnectProviderARNs', 'SamlProviderARNs'] as const) {
    const arns = input[member];
    if (arns === undefined) continue;
    if (!Array.isArray(arns)) fail(problems, arns, lowerFirst(member), 'Member must be a list');
    else arns.forEach((arn: unknown, i) => text(problems, arn, `${lowerFirst(member)}.${i + 1}.member`, { min: 20, max: 2048 }));
  }
  const tags = input.IdentityPoolTags;
  if (tags !== undefined && tags !== null && typeof tags === 'object') {
    const entries = Object.entries(tags as Record<string, unknown>);
    if (entries.length > 50) fail(problems, tags, 'identityPoolTags', 'Member must have length less than or equal to 50');
    for (const [k, v] of entries) {
      text(problems, k, 'identityPoolTags.key', { max: 128 });
      text(problems, v, `identityPoolTags.${k}.member`, { min: 0, max: 256 });
    }
  }
  throwIfAny(problems);
}

/** SetIdentityPoolRoles input (provider names are checked against the pool by the caller). */
export function validateIdentityPoolRolesInput(input: Record<string, unknown>, accountId: string): void {
  const problems: Problems = [];
  const roles = input.Roles;
  if (!roles || typeof roles !== 'object' || Array.isArray(roles)) fail(problems, roles, 'roles', 'Member must be a map');
  else {
    for (const [k, v] of Object.entries(roles as Record<string, unknown>)) {
      if (k !== 'authenticated' && k !== 'unauthenticated') {
        throw new ServiceError('InvalidParameterException', `Invalid roles key '${k}'. Valid keys are 'authenticated' and 'unauthenticated'.`);
      }
      text(problems, v, `roles.${k}.member`, { min: 20, max: 2048 });
    }
  }
  const mappings = input.RoleMappings;
  if (mappings !== undefined && mappings !== null) {
    const entries = typeof mappings === 'object' && !Array.isArray(mappings) ? Object.entries(mappings as Record<string, unknown>) : [];
    if (entries.length > 10) fail(problems, mappings, 'roleMappings', 'Member must have length less than or equal to 10');
    for (const [provider, raw] of entries) {
      const mapping = (raw ?? {}) as Record<string, unknown>;
      const at = `roleMappings.${provider}.member`;
      text(problems, provider, 'roleMappings.key', { max: 128 });
      if (mapping.Type !== 'Token' && mapping.Type !== 'Rules') fail(problems, mapping.Type ?? null, `${at}.type`, 'Member must satisfy enum value set: [Token, Rules]');
      if (mapping.AmbiguousRoleResolution !== undefined && mapping.AmbiguousRoleResolution !== 'AuthenticatedRole' && mapping.AmbiguousRoleResolution !== 'Deny') {
        fail(problems, mapping.AmbiguousRoleResolution, `${at}.ambiguousRoleResolution`, 'Member must satisfy enum value set: [AuthenticatedRole, Deny]');
      }
      if (mapping.Type === 'Rules') {
        const rules = (mapping.RulesConfiguration as { Rules?: unknown } | undefined)?.Rules;
        if (!Array.isArray(rules) || rules.length < 1 || rules.length > 25) {
          fail(problems, rules ?? null, `${at}.rulesConfiguration.rules`, 'Member must have length between 1 and 25');
        } else {
          rules.forEach((r: unknown, i) => {
            const rule = (r ?? {}) as Record<string, unknown>;
            const ruleAt = `${at}.rulesConfiguration.rules.${i + 1}.member`;
            text(problems, rule.Claim ?? '', `${ruleAt}.claim`, { max: 64 });
            if (!['Equals', 'Contains', 'StartsWith', 'NotEqual'].includes(String(rule.MatchType))) {
              fail(problems, rule.MatchType ?? null, `${ruleAt}.matchType`, 'Member must satisfy enum value set: [Equals, Contains, StartsWith, NotEqual]');
            }
            text(problems, rule.Value ?? '', `${ruleAt}.value`, { max: 128 });
            text(problems, rule.RoleARN ?? '', `${ruleAt}.roleARN`, { min: 20, max: 2048 });
          });
        }
      }
    }
  }
  throwIfAny(problems);
  for (const v of Object.values((roles ?? {}) as Record<string, unknown>)) checkRoleAccess(v, accountId);
  for (const raw of Object.values((mappings ?? {}) as Record<string, unknown>)) {
    const rules = ((raw as { RulesConfiguration?: { Rules?: unknown } } | null)?.RulesConfiguration?.Rules ?? []) as Array<{ RoleARN?: unknown }>;
    for (const rule of Array.isArray(rules) ? rules : []) checkRoleAccess(rule?.RoleARN, accountId);
  }
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
