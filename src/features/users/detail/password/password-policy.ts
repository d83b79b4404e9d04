/**
 * The pool's password policy as Cognito enforces it, checked in the browser so an operator sees a
 * live checklist before the API refuses the password. Character classes follow the Cognito
 * developer guide ("Adding user pool password requirements"): Basic Latin letters, ASCII digits,
 * and the listed special characters; a space counts as special only inside the password.
 */
import type { PasswordPolicy } from '@/aws/user-detail';

export type { PasswordPolicy };

/** Cognito's defaults when a pool reports no policy. */
export const defaultPasswordPolicy: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

export const cognitoSymbols = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';
/** Cognito accepts passwords up to 256 characters whatever the policy's minimum. */
export const maximumPasswordLength = 256;

export type PasswordRuleId = 'length' | 'maxLength' | 'uppercase' | 'lowercase' | 'number' | 'symbol' | 'edges';

export interface PasswordRule {
  id: PasswordRuleId;
  label: string;
  met: boolean;
}

const hasUppercase = (p: string) => /[A-Z]/.test(p);
const hasLowercase = (p: string) => /[a-z]/.test(p);
const hasNumber = (p: string) => /[0-9]/.test(p);
const hasSymbol = (p: string) => [...p].some((c) => cognitoSymbols.includes(c)) || p.trim().includes(' ');

/**
 * The rules that apply under `policy`, each with whether `password` meets it. Length counts code
 * points, as Cognito does, so an emoji is one character.
 */
export function checkPassword(password: string, policy: PasswordPolicy): PasswordRule[] {
  const length = [...password].length;
  const rules: PasswordRule[] = [
    { id: 'length', label: `At least ${policy.minimumLength} characters`, met: length >= policy.minimumLength },
  ];
  if (policy.requireUppercase) rules.push({ id: 'uppercase', label: 'An uppercase letter (A–Z)', met: hasUppercase(password) });
  if (policy.requireLowercase) rules.push({ id: 'lowercase', label: 'A lowercase letter (a–z)', met: hasLowercase(password) });
  if (policy.requireNumbers) rules.push({ id: 'number', label: 'A number (0–9)', met: hasNumber(password) });
  if (policy.requireSymbols) {
    rules.push({ id: 'symbol', label: `A special character (${cognitoSymbols} or an inner space)`, met: hasSymbol(password) });
  }
  rules.push({ id: 'edges', label: 'Does not begin or end with a space', met: password.trim() === password });
  if (length > maximumPasswordLength) {
    rules.push({ id: 'maxLength', label: `At most ${maximumPasswordLength} characters`, met: false });
  }
  return rules;
}

export function satisfiesPolicy(password: string, policy: PasswordPolicy): boolean {
  return checkPassword(password, policy).every((rule) => rule.met);
}
