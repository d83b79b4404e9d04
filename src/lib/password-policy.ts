/** Cognito's password rules, checked in the browser so people see them while typing. Cognito still decides. */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

/** What Cognito applies to a new pool unless told otherwise. */
export const COGNITO_DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

/** The special characters Cognito counts (its documented list; a space inside the password counts too). */
export const COGNITO_SYMBOLS = '^$*.[]{}()?-"!@#%&/\\,><\':;|_~`+= ';

export type PasswordRule = 'length' | 'uppercase' | 'lowercase' | 'number' | 'symbol' | 'edges' | 'max-length';

export interface PasswordCheck {
  rule: PasswordRule;
  label: string;
  met: boolean;
}

const MAX_LENGTH = 256;

export function checkPassword(password: string, policy: PasswordPolicy): PasswordCheck[] {
  const checks: PasswordCheck[] = [
    {
      rule: 'length',
      label: `At least ${policy.minimumLength} characters`,
      met: [...password].length >= policy.minimumLength,
    },
  ];
  if (policy.requireUppercase) checks.push({ rule: 'uppercase', label: 'An uppercase letter (A–Z)', met: /[A-Z]/.test(password) });
  if (policy.requireLowercase) checks.push({ rule: 'lowercase', label: 'A lowercase letter (a–z)', met: /[a-z]/.test(password) });
  if (policy.requireNumbers) checks.push({ rule: 'number', label: 'A number (0–9)', met: /[0-9]/.test(password) });
  if (policy.requireSymbols) {
    const inner = password.trim();
    checks.push({ rule: 'symbol', label: 'A special character, such as ! @ # $ % ^ & *', met: [...inner].some((c) => COGNITO_SYMBOLS.includes(c)) });
  }
  // Rules that hold for every pool; listed only when broken so the checklist stays short.
  if (password !== password.trim()) checks.push({ rule: 'edges', label: 'Does not start or end with a space', met: false });
  if ([...password].length > MAX_LENGTH) checks.push({ rule: 'max-length', label: `At most ${MAX_LENGTH} characters`, met: false });
  return checks;
}

export function meetsPolicy(password: string, policy: PasswordPolicy): boolean {
  return checkPassword(password, policy).every((check) => check.met);
}

/** Cognito's InvalidPasswordException reasons ("Password did not conform with policy: …"), by the rule each names. */
const REFUSAL_REASONS: [RegExp, PasswordRule][] = [
  [/not long enough/i, 'length'],
  [/uppercase/i, 'uppercase'],
  [/lowercase/i, 'lowercase'],
  [/numeric/i, 'number'],
  [/symbol/i, 'symbol'],
];

export function ruleCognitoRefused(message: string): PasswordRule | undefined {
  return REFUSAL_REASONS.find(([pattern]) => pattern.test(message))?.[1];
}

/**
 * The policy as Cognito's refusal of `password` proves it to be. Before sign-in the checklist can
 * only guess the pool's policy; when Cognito says "Password not long enough" to a 9-character
 * password, the pool needs at least 10, and the checklist should say so instead of ticking every box.
 */
export function policyAfterRefusal(policy: PasswordPolicy, password: string, message: string): PasswordPolicy {
  switch (ruleCognitoRefused(message)) {
    case 'length':
      return { ...policy, minimumLength: Math.max(policy.minimumLength, [...password].length + 1) };
    case 'uppercase':
      return { ...policy, requireUppercase: true };
    case 'lowercase':
      return { ...policy, requireLowercase: true };
    case 'number':
      return { ...policy, requireNumbers: true };
    case 'symbol':
      return { ...policy, requireSymbols: true };
    default:
      return policy;
  }
}
