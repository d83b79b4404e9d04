/**
 * The pool's password policy, enforced wherever a password is set (SignUp, AdminCreateUser's
 * temporary password, AdminSetUserPassword, ChangePassword, ConfirmForgotPassword, the
 * NEW_PASSWORD_REQUIRED answer), with Cognito's InvalidPasswordException wording.
 */
import { ServiceError } from '../errors';
import type { Random } from '../random';

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
  PasswordHistorySize?: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** Cognito's special characters (a space counts when it is not leading or trailing). */
export const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

const invalidPassword = (reason: string) =>
  new ServiceError('InvalidPasswordException', `Password did not conform with policy: ${reason}`);

/** Throws InvalidPasswordException with the first rule the password breaks. */
export function checkPassword(password: string, policy: PasswordPolicy): void {
  if (/^\s|\s$/.test(password)) {
    // Cognito refuses leading/trailing whitespace before looking at the policy.
    throw new ServiceError('InvalidParameterException', "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$");
  }
  if ([...password].length < policy.MinimumLength) throw invalidPassword('Password not long enough');
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) throw invalidPassword('Password must have uppercase characters');
  if (policy.RequireLowercase && !/[a-z]/.test(password)) throw invalidPassword('Password must have lowercase characters');
  if (policy.RequireNumbers && !/[0-9]/.test(password)) throw invalidPassword('Password must have numeric characters');
  // Leading/trailing whitespace was refused above, so any space left is an inner one and counts.
  if (policy.RequireSymbols && ![...password].some((ch) => SYMBOLS.includes(ch))) throw invalidPassword('Password must have symbol characters');
}

export function policyOf(config: Record<string, unknown>): PasswordPolicy {
  const policies = (config.Policies ?? {}) as { PasswordPolicy?: Partial<PasswordPolicy> };
  return { ...DEFAULT_PASSWORD_POLICY, ...(policies.PasswordPolicy ?? {}) };
}

/** A temporary password that satisfies the policy, as Cognito generates when none is given. */
export function generatePassword(policy: PasswordPolicy, random: Random): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnopqrstuvwxyz';
  const digits = '23456789';
  const symbols = '^$*.[]{}()?!@#%&/,><:;|_~=+-';
  const pick = (set: string) => set[random.int(set.length)]!;
  const chars = [pick(upper), pick(lower), pick(digits), pick(symbols)];
  const all = upper + lower + digits + symbols;
  const length = Math.max(policy.MinimumLength, 12);
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
