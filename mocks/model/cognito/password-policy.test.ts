import { describe, expect, it } from 'vitest';
import type { ServiceError } from '../errors';
import { seededRandom } from '../random';
import { checkPassword, DEFAULT_PASSWORD_POLICY, generatePassword } from './password-policy';

const reason = (password: string, policy = DEFAULT_PASSWORD_POLICY) => {
  try {
    checkPassword(password, policy);
    return 'ok';
  } catch (error) {
    return (error as ServiceError).message;
  }
};

describe('password policy', () => {
  it('reports the first broken rule in Cognito wording', () => {
    expect(reason('Ab1!')).toBe('Password did not conform with policy: Password not long enough');
    expect(reason('password1!')).toBe('Password did not conform with policy: Password must have uppercase characters');
    expect(reason('PASSWORD1!')).toBe('Password did not conform with policy: Password must have lowercase characters');
    expect(reason('Password!!')).toBe('Password did not conform with policy: Password must have numeric characters');
    expect(reason('Password11')).toBe('Password did not conform with policy: Password must have symbol characters');
    expect(reason('Pass word11')).toBe('ok');
    expect(reason('Password1!')).toBe('ok');
    expect(reason('abc', { ...DEFAULT_PASSWORD_POLICY, MinimumLength: 3, RequireUppercase: false, RequireNumbers: false, RequireSymbols: false })).toBe('ok');
  });

  it('uses InvalidPasswordException, and refuses leading or trailing spaces as a parameter error', () => {
    expect(() => checkPassword('short', DEFAULT_PASSWORD_POLICY)).toThrow(expect.objectContaining({ code: 'InvalidPasswordException' }));
    expect(() => checkPassword(' Password1!', DEFAULT_PASSWORD_POLICY)).toThrow(expect.objectContaining({ code: 'InvalidParameterException' }));
  });

  it('generates temporary passwords that satisfy the policy', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 50; i++) {
      const policy = { ...DEFAULT_PASSWORD_POLICY, MinimumLength: 6 + (i % 20) };
      const password = generatePassword(policy, random);
      expect(reason(password, policy)).toBe('ok');
    }
  });
});
