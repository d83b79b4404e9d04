/** Password policy: Prowler's five password checks and temporary-password expiry, Security Hub Cognito.3, and password history. */
import { fail, pass, poolCheck, poolResource } from '../check-kit';
import type { Check, PasswordPolicyInput } from '../types';
import { UPDATE_POOL_NOTE } from '../notes';

const FIELD = 'UserPool.Policies.PasswordPolicy';
const CONSOLE = 'Amazon Cognito → User pools → {poolId} → Authentication → Authentication methods → Password policy → Edit';

function requirement(key: 'RequireLowercase' | 'RequireUppercase' | 'RequireNumbers' | 'RequireSymbols', id: string, what: string): Check {
  return poolCheck(
    {
      id,
      title: `Passwords need not contain ${what}`,
      severity: 'low',
      area: 'password',
      why: `Without ${what} requirement users may pick passwords from a smaller space, which makes guessing and credential-stuffing cheaper. Security Hub's Cognito.3 and Prowler both expect it.`,
      fix: {
        console: CONSOLE,
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --policies 'PasswordPolicy={${key}=true,…}'  # ${UPDATE_POOL_NOTE}`,
        cloudformation: `AWS::Cognito::UserPool → Policies.PasswordPolicy.${key}: true`,
      },
      fixable: true,
      references: { prowler: id, securityHub: 'Cognito.3' },
      setting: 'password-policy',
    },
    (pool, input) => {
      const value = pool.Policies?.PasswordPolicy?.[key];
      return value === true ? pass(poolResource(input), `${FIELD}.${key}`, value) : fail(poolResource(input), `${FIELD}.${key}`, value ?? false, 'true');
    },
  );
}

const policyOf = (p: { Policies?: { PasswordPolicy?: PasswordPolicyInput } }) => p.Policies?.PasswordPolicy;

export const checks: Check[] = [
  poolCheck(
    {
      id: 'cognito_user_pool_password_policy_minimum_length_14',
      title: 'Passwords may be shorter than 14 characters',
      severity: 'medium',
      area: 'password',
      why: 'Length is what makes a password hard to guess. Prowler expects at least 14; Security Hub Cognito.3 at least 8. Below 8 almost any dictionary attack succeeds.',
      fix: {
        console: CONSOLE,
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --policies 'PasswordPolicy={MinimumLength=14,…}'  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → Policies.PasswordPolicy.MinimumLength: 14',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_password_policy_minimum_length_14', securityHub: 'Cognito.3' },
      setting: 'password-policy',
    },
    (pool, input) => {
      const min = policyOf(pool)?.MinimumLength;
      const field = `${FIELD}.MinimumLength`;
      if (min !== undefined && min >= 14) return pass(poolResource(input), field, min);
      return fail(poolResource(input), field, min, '>= 14', min === undefined || min < 8 ? { severity: 'high', title: 'Passwords may be shorter than 8 characters' } : {});
    },
  ),
  requirement('RequireLowercase', 'cognito_user_pool_password_policy_lowercase', 'a lowercase letter'),
  requirement('RequireUppercase', 'cognito_user_pool_password_policy_uppercase', 'an uppercase letter'),
  requirement('RequireNumbers', 'cognito_user_pool_password_policy_number', 'a number'),
  requirement('RequireSymbols', 'cognito_user_pool_password_policy_symbol', 'a symbol'),
  poolCheck(
    {
      id: 'cognito_user_pool_temporary_password_expiration',
      title: 'Temporary passwords stay valid for more than 7 days',
      severity: 'low',
      area: 'password',
      why: 'An administrator-issued temporary password travels by email or chat; the longer it works, the longer a leaked invitation lets someone else claim the account.',
      fix: {
        console: CONSOLE,
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --policies 'PasswordPolicy={TemporaryPasswordValidityDays=7,…}'  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → Policies.PasswordPolicy.TemporaryPasswordValidityDays: 7',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_temporary_password_expiration', securityHub: 'Cognito.3' },
      setting: 'password-policy',
    },
    (pool, input) => {
      const days = policyOf(pool)?.TemporaryPasswordValidityDays;
      const field = `${FIELD}.TemporaryPasswordValidityDays`;
      // 0 or absent means Cognito's default of 7 days.
      return days === undefined || days <= 7 ? pass(poolResource(input), field, days) : fail(poolResource(input), field, days, '<= 7');
    },
  ),
  poolCheck(
    {
      id: 'PK-PW-1',
      title: 'Users can reuse their recent passwords',
      severity: 'low',
      area: 'password',
      why: 'With no password history a user forced to change a leaked password can set the same one again. History needs the Essentials or Plus feature plan.',
      fix: {
        console: CONSOLE,
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --policies 'PasswordPolicy={PasswordHistorySize=5,…}'  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → Policies.PasswordPolicy.PasswordHistorySize: 5',
      },
      fixable: true,
      references: {},
      setting: 'password-policy',
    },
    (pool, input) => {
      const size = policyOf(pool)?.PasswordHistorySize;
      const field = `${FIELD}.PasswordHistorySize`;
      if (pool.UserPoolTier === 'LITE') return { status: 'not-evaluated', reason: 'not evaluated: password history is not available on the Lite feature plan' };
      return size !== undefined && size > 0 ? pass(poolResource(input), field, size) : fail(poolResource(input), field, size ?? 0, '>= 1 (e.g. 5)');
    },
  ),
];
