import { checkPassword, type PasswordPolicy } from '@/lib/password-policy';

/** The sentence a form shows at the password field when the policy is not met (null when it is). */
export function policyProblem(password: string, policy: PasswordPolicy): string | undefined {
  const unmet = checkPassword(password, policy).filter((r) => !r.met);
  if (unmet.length === 0) return undefined;
  return `The password does not meet the pool’s policy: ${unmet.map((r) => r.label.toLowerCase()).join('; ')}.`;
}
