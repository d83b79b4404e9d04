import type { RoleMapping } from './identity';

/**
 * The role mapping that applies to a user-pool login. AWS lets a mapping name one app client
 * (`cognito-idp.<region>.amazonaws.com/<poolId>:<appClientId>`, the form SetIdentityPoolRoles and
 * CloudFormation's RoleMappings use) or the whole provider; the client's own mapping wins, the client
 * being the ID token's `aud`. `key` is the mapping's name, which AWS quotes when it refuses.
 */
export function roleMappingFor(
  mappings: Record<string, RoleMapping> | undefined,
  provider: string,
  claims: Record<string, unknown>,
): { key: string; mapping: RoleMapping } | undefined {
  if (!mappings) return undefined;
  const aud = typeof claims.aud === 'string' ? claims.aud : '';
  const clientKey = `${provider}:${aud}`;
  if (aud !== '' && Object.hasOwn(mappings, clientKey)) return { key: clientKey, mapping: mappings[clientKey]! };
  return Object.hasOwn(mappings, provider) ? { key: provider, mapping: mappings[provider]! } : undefined;
}
