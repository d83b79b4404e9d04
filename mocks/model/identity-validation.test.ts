import { describe, expect, it } from 'vitest';
import { validateIdentityPoolInput, validateIdentityPoolRolesInput } from './identity-validation';

const ACCOUNT = '000000000000';
const message = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'accepted';
};

describe('identity-pool input validation', () => {
  it('accepts the names and providers the API reference allows', () => {
    expect(message(() => validateIdentityPoolInput({
      IdentityPoolName: 'my pool+v2=ok,yes.@-',
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123xyz', ClientId: 'abc123' }],
    }))).toBe('accepted');
  });

  it('lists every constraint a create breaks in one message', () => {
    expect(message(() => validateIdentityPoolInput({
      IdentityPoolName: 'x'.repeat(129),
      AllowClassicFlow: 'yes',
      CognitoIdentityProviders: [{ ClientId: 'has-dash' }],
      SupportedLoginProviders: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, 'id'])),
    }))).toBe(
      "InvalidParameterException: 5 validation errors detected: Value 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' at 'identityPoolName' failed to satisfy constraint: Member must have length less than or equal to 128; " +
        "Value 'yes' at 'allowClassicFlow' failed to satisfy constraint: Member must be a boolean; " +
        `Value '${JSON.stringify(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, 'id'])))}' at 'supportedLoginProviders' failed to satisfy constraint: Member must have length less than or equal to 10; ` +
        "Value 'null' at 'cognitoIdentityProviders.1.member.providerName' failed to satisfy constraint: Member must not be null; " +
        "Value 'has-dash' at 'cognitoIdentityProviders.1.member.clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w_]+",
    );
  });

  it('checks role mappings: type, resolution, 1–25 rules with a match type', () => {
    const roles = { authenticated: `arn:aws:iam::${ACCOUNT}:role/Signed` };
    expect(message(() => validateIdentityPoolRolesInput({ Roles: roles, RoleMappings: { p: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } } }, ACCOUNT))).toBe('accepted');
    const bad = message(() => validateIdentityPoolRolesInput({
      Roles: roles,
      RoleMappings: {
        p: { Type: 'Magic', AmbiguousRoleResolution: 'Maybe' },
        q: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [{ Claim: 'g', MatchType: 'Like', Value: 'a', RoleARN: roles.authenticated }] } },
        r: { Type: 'Rules', AmbiguousRoleResolution: 'Deny' },
      },
    }, ACCOUNT));
    expect(bad).toMatch(/^InvalidParameterException: 4 validation errors detected: /);
    expect(bad).toContain("at 'roleMappings.p.member.type' failed to satisfy constraint: Member must satisfy enum value set: [Token, Rules]");
    expect(bad).toContain("at 'roleMappings.p.member.ambiguousRoleResolution'");
    expect(bad).toContain("Value 'Like' at 'roleMappings.q.member.rulesConfiguration.rules.1.member.matchType'");
    expect(bad).toContain("at 'roleMappings.r.member.rulesConfiguration.rules' failed to satisfy constraint: Member must have length between 1 and 25");
  });

  it("refuses a role that is not this account's role ARN as AWS does", () => {
    expect(message(() => validateIdentityPoolRolesInput({ Roles: { authenticated: 'arn:aws:iam::111111111111:role/Theirs' } }, ACCOUNT))).toBe(
      "NotAuthorizedException: Access to Role 'arn:aws:iam::111111111111:role/Theirs' is forbidden.",
    );
    const rule = { Claim: 'g', MatchType: 'Equals', Value: 'a', RoleARN: 'JustAName-with-more-than-twenty' };
    expect(message(() => validateIdentityPoolRolesInput({ Roles: {}, RoleMappings: { p: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule] } } } }, ACCOUNT))).toBe(
      "NotAuthorizedException: Access to Role 'JustAName-with-more-than-twenty' is forbidden.",
    );
  });
});
