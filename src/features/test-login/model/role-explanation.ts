/**
 * Why an identity pool gives a signed-in user the role it does (Cognito Developer Guide, "Using
 * role-based access control"): the mapping for this app client (`provider:clientId`) or else the
 * one for the whole provider; Token → the token's cognito:preferred_role; Rules → the first rule
 * that matches; nothing clear → AmbiguousRoleResolution (the default authenticated role or Deny);
 * no mapping at all → the default authenticated role. Cognito Identity does not report the role
 * it chose, so the panel shows this reasoning beside the credentials it got.
 */
import type { IdentityPoolRoles, RoleMappingView } from '@/aws/test-login';

export interface RoleExplanation {
  /** the role ARN, or undefined when the mapping refuses */
  roleArn?: string;
  /** which mapping applied ('' when none) */
  mappingKey: string;
  reason: string;
}

function matches(rule: RoleMappingView['rules'][number], claim: unknown): boolean {
  if (claim === undefined) return false;
  const values = Array.isArray(claim) ? claim.map(String) : [String(claim)];
  switch (rule.matchType) {
    case 'Equals':
      return values.includes(rule.value);
    case 'NotEqual':
      return !values.includes(rule.value);
    case 'StartsWith':
      return values.some((v) => v.startsWith(rule.value));
    case 'Contains':
      return values.some((v) => v.includes(rule.value));
    default:
      return false;
  }
}

export function explainRole(roles: IdentityPoolRoles, providerName: string, claims: Record<string, unknown>): RoleExplanation {
  const aud = typeof claims.aud === 'string' ? claims.aud : '';
  const clientKey = `${providerName}:${aud}`;
  const mappingKey = aud && roles.mappings[clientKey] ? clientKey : roles.mappings[providerName] ? providerName : '';
  const fallback = roles.authenticatedRole;
  if (!mappingKey) {
    return fallback
      ? { roleArn: fallback, mappingKey, reason: 'No role mapping names this provider or app client, so every signed-in user gets the default authenticated role.' }
      : { mappingKey, reason: 'No role mapping applies and the identity pool has no default authenticated role: Cognito Identity refuses (InvalidIdentityPoolConfigurationException).' };
  }
  const mapping = roles.mappings[mappingKey]!;
  const where = mappingKey === clientKey ? 'the mapping for this app client' : 'the mapping for the whole user pool';
  const ambiguous = (why: string): RoleExplanation =>
    mapping.ambiguousRoleResolution === 'AuthenticatedRole' && fallback
      ? { roleArn: fallback, mappingKey, reason: `${why} ${where} falls back to the default authenticated role (AmbiguousRoleResolution: AuthenticatedRole).` }
      : { mappingKey, reason: `${why} ${where} refuses (AmbiguousRoleResolution: Deny), so no credentials are issued.` };

  if (mapping.type === 'Token') {
    const preferred = claims['cognito:preferred_role'];
    if (typeof preferred === 'string' && preferred !== '') {
      return { roleArn: preferred, mappingKey, reason: `Token mapping (${where}): the ID token's cognito:preferred_role, the role of the user's group with the best precedence.` };
    }
    return ambiguous('Token mapping, but the ID token names no preferred role (no group with a role, or a tie in precedence):');
  }
  const rule = mapping.rules.find((r) => matches(r, claims[r.claim]));
  if (rule) return { roleArn: rule.roleArn, mappingKey, reason: `Rules mapping (${where}): the first matching rule, ${rule.claim} ${rule.matchType} "${rule.value}".` };
  return ambiguous('Rules mapping, but no rule matches this token:');
}
