import { describe, expect, it } from 'vitest';
import { checkPassword, COGNITO_DEFAULT_PASSWORD_POLICY, meetsPolicy, policyAfterRefusal } from './password-policy';

const unmet = (password: string) => checkPassword(password, COGNITO_DEFAULT_PASSWORD_POLICY).filter((c) => !c.met).map((c) => c.rule);

describe('checkPassword', () => {
  it('applies each rule of Cognito’s default policy', () => {
    expect(unmet('')).toEqual(['length', 'uppercase', 'lowercase', 'number', 'symbol']);
    expect(unmet('abcdefgh')).toEqual(['uppercase', 'number', 'symbol']);
    expect(unmet('Abcdefg1')).toEqual(['symbol']);
    expect(meetsPolicy('Admin-Passw0rd!', COGNITO_DEFAULT_PASSWORD_POLICY)).toBe(true);
  });

  it('counts Cognito’s special characters, including an inner space, but not letters from other scripts', () => {
    for (const symbol of ['^', '$', '*', '.', '[', ']', '{', '}', '(', ')', '?', '-', '"', '!', '@', '#', '%', '&', '/', '\\', ',', '>', '<', "'", ':', ';', '|', '_', '~', '`', '+', '=']) {
      expect(unmet(`Abcdefg1${symbol}`)).toEqual([]);
    }
    expect(unmet('Abcd efg1')).toEqual([]);
    expect(unmet('Abcdefg1é')).toEqual(['symbol']);
    expect(unmet('ÄBCDEFG1!')).toEqual(['lowercase']);
  });

  it('lists only the rules the policy has, plus the ones every pool enforces when broken', () => {
    const lax = { minimumLength: 6, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false };
    expect(checkPassword('secret', lax)).toEqual([{ rule: 'length', label: 'At least 6 characters', met: true }]);
    expect(checkPassword(' secret', lax).map((c) => [c.rule, c.met])).toEqual([
      ['length', true],
      ['edges', false],
    ]);
    expect(checkPassword('x'.repeat(257), lax).map((c) => c.rule)).toEqual(['length', 'max-length']);
  });
});

describe('policyAfterRefusal', () => {
  const lax = { minimumLength: 6, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false };
  it('reads each reason Cognito gives and tightens only the rule it names', () => {
    const refuse = (password: string, reason: string) => policyAfterRefusal(lax, password, `Password did not conform with policy: ${reason}`);
    expect(refuse('abcdefghi', 'Password not long enough')).toEqual({ ...lax, minimumLength: 10 });
    expect(refuse('abc', 'Password not long enough')).toEqual(lax); // already known to need more than 3
    expect(refuse('abcdefghij', 'Password must have uppercase characters')).toEqual({ ...lax, requireUppercase: true });
    expect(refuse('ABCDEFGHIJ', 'Password must have lowercase characters')).toEqual({ ...lax, requireLowercase: true });
    expect(refuse('abcdefghij', 'Password must have numeric characters')).toEqual({ ...lax, requireNumbers: true });
    expect(refuse('abcdefghij', 'Password must have symbol characters')).toEqual({ ...lax, requireSymbols: true });
    expect(policyAfterRefusal(lax, 'x', 'Something else entirely')).toBe(lax);
  });
});
