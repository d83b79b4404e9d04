import { describe, expect, it } from 'vitest';
import { generatePassword, cryptoRandomInt, type RandomInt } from './password-generator';
import {
  checkPassword,
  COGNITO_DEFAULT_PASSWORD_POLICY as defaultPasswordPolicy,
  meetsPolicy as satisfiesPolicy,
  type PasswordPolicy,
} from '@/lib/password-policy';

const lax: PasswordPolicy = {
  minimumLength: 6,
  requireUppercase: false,
  requireLowercase: false,
  requireNumbers: false,
  requireSymbols: false,
};

const unmet = (password: string, policy: PasswordPolicy) =>
  checkPassword(password, policy).filter((r) => !r.met).map((r) => r.rule);

describe('generatePassword', () => {
  const policies: PasswordPolicy[] = [
    defaultPasswordPolicy,
    lax,
    { ...defaultPasswordPolicy, minimumLength: 99 },
    { ...lax, requireSymbols: true, minimumLength: 6 },
    { ...lax, requireNumbers: true, requireUppercase: true, minimumLength: 20 },
  ];

  it('always satisfies the policy (500 draws per policy)', () => {
    for (const policy of policies) {
      for (let i = 0; i < 500; i += 1) {
        const password = generatePassword(policy);
        if (!satisfiesPolicy(password, policy)) {
          throw new Error(`${JSON.stringify(password)} fails ${JSON.stringify(unmet(password, policy))}`);
        }
      }
    }
  });

  it('satisfies the policy even with a degenerate random source', () => {
    const zero: RandomInt = () => 0;
    const top: RandomInt = (max) => max - 1;
    for (const policy of policies) {
      expect(satisfiesPolicy(generatePassword(policy, zero), policy)).toBe(true);
      expect(satisfiesPolicy(generatePassword(policy, top), policy)).toBe(true);
    }
  });

  it('is at least 16 characters and as long as the policy demands', () => {
    expect(generatePassword(lax)).toHaveLength(16);
    expect(generatePassword({ ...lax, minimumLength: 40 })).toHaveLength(40);
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generatePassword(defaultPasswordPolicy)));
    expect(seen.size).toBe(200);
  });
});

describe('cryptoRandomInt', () => {
  it('stays in range and reaches every value', () => {
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 7000; i += 1) {
      const value = cryptoRandomInt(7);
      counts[value] = (counts[value] ?? 0) + 1;
    }
    expect(counts.every((c) => c > 700)).toBe(true);
    expect(() => cryptoRandomInt(0)).toThrow(RangeError);
  });
});
