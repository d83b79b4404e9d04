/** MFA: Prowler cognito_user_pool_mfa_enabled and Security Hub Cognito.5. */
import { fail, notEvaluated, pass, poolResource } from '../check-kit';
import type { Check } from '../types';

export const checks: Check[] = [
  {
    meta: {
      id: 'cognito_user_pool_mfa_enabled',
      title: 'Multi-factor authentication is not required',
      severity: 'medium',
      area: 'mfa-recovery',
      why: 'With MFA OFF a stolen password is the whole account; OPTIONAL protects only users who opt in. Prowler passes only ON; Security Hub Cognito.5 asks for MFA on password-only pools.',
      fix: {
        console: 'Amazon Cognito → User pools → {poolId} → Authentication → Sign-in → Multi-factor authentication → Edit',
        cli: "aws cognito-idp set-user-pool-mfa-config --user-pool-id {poolId} --mfa-configuration ON --software-token-mfa-configuration Enabled=true",
        cloudformation: 'AWS::Cognito::UserPool → MfaConfiguration: ON, EnabledMfas: [SOFTWARE_TOKEN_MFA]',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_mfa_enabled', securityHub: 'Cognito.5' },
      setting: 'mfa',
    },
    evaluate(input) {
      if (!input.mfa.ok) return [notEvaluated(input.mfa)];
      const value = input.mfa.value.MfaConfiguration ?? 'OFF';
      const field = 'GetUserPoolMfaConfig.MfaConfiguration';
      if (value === 'ON') return [pass(poolResource(input), field, value)];
      return [
        fail(poolResource(input), field, value, 'ON', value === 'OFF' ? { severity: 'high', title: 'Multi-factor authentication is off' } : { title: 'Multi-factor authentication is optional' }),
      ];
    },
  },
];
