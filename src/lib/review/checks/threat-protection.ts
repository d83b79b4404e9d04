/** Threat protection (formerly advanced security): Security Hub Cognito.1 and .4, Prowler's two risk-configuration checks. */
import { fail, notEvaluated, pass, poolCheck, poolResource } from '../check-kit';
import { UPDATE_POOL_NOTE } from '../notes';
import type { Check, ReviewInput } from '../types';

const CONSOLE = 'Amazon Cognito → User pools → {poolId} → Threat protection → Edit';
const MODE = 'UserPool.UserPoolAddOns.AdvancedSecurityMode';

const mode = (input: ReviewInput) => (input.pool.ok ? (input.pool.value.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF') : undefined);

export const checks: Check[] = [
  poolCheck(
    {
      id: 'cognito_user_pool_advanced_security_enabled',
      title: 'Threat protection is not enforced',
      severity: 'medium',
      area: 'threat-protection',
      why: 'In ENFORCED mode Cognito scores each sign-in for risk and blocks or challenges the risky ones; AUDIT only records them and OFF does neither. It needs the Plus feature plan.',
      fix: {
        console: CONSOLE,
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --user-pool-tier PLUS --user-pool-add-ons AdvancedSecurityMode=ENFORCED  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → UserPoolTier: PLUS, UserPoolAddOns.AdvancedSecurityMode: ENFORCED',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_advanced_security_enabled', securityHub: 'Cognito.1' },
      setting: 'threat-protection',
    },
    (pool, input) => {
      const value = pool.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF';
      return value === 'ENFORCED' ? pass(poolResource(input), MODE, value) : fail(poolResource(input), MODE, value, 'ENFORCED');
    },
  ),
  poolCheck(
    {
      id: 'SH-Cognito.4',
      title: 'Threat protection is not enforced for custom authentication flows',
      severity: 'low',
      area: 'threat-protection',
      why: 'Custom (Lambda challenge) sign-in flows are scored separately; unless CustomAuthMode is ENFORCED, risky custom-auth sign-ins are only logged.',
      fix: {
        console: CONSOLE,
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --user-pool-add-ons 'AdvancedSecurityMode=ENFORCED,AdvancedSecurityAdditionalFlows={CustomAuthMode=ENFORCED}'  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode: ENFORCED',
      },
      fixable: true,
      references: { securityHub: 'Cognito.4' },
      setting: 'threat-protection',
    },
    (pool, input) => {
      const field = 'UserPool.UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode';
      const value = pool.UserPoolAddOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode;
      return value === 'ENFORCED' ? pass(poolResource(input), field, value) : fail(poolResource(input), field, value, 'ENFORCED');
    },
  ),
  {
    meta: {
      id: 'cognito_user_pool_blocks_compromised_credentials_sign_in_attempts',
      title: 'Sign-ins with compromised credentials are not blocked',
      severity: 'medium',
      area: 'threat-protection',
      why: 'Cognito can refuse passwords found in public breach lists. It needs threat protection ENFORCED, SIGN_IN in the event filter and the BLOCK action; SRP sign-ins never send the password, so they are not checked.',
      fix: {
        console: `${CONSOLE} → Compromised credentials`,
        cli: "aws cognito-idp set-risk-configuration --user-pool-id {poolId} --compromised-credentials-risk-configuration 'EventFilter=SIGN_IN,PASSWORD_CHANGE,SIGN_UP,Actions={EventAction=BLOCK}'",
        cloudformation: 'AWS::Cognito::UserPoolRiskConfigurationAttachment → CompromisedCredentialsRiskConfiguration: { EventFilter: [SIGN_IN, PASSWORD_CHANGE, SIGN_UP], Actions: { EventAction: BLOCK } }',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_blocks_compromised_credentials_sign_in_attempts' },
      setting: 'threat-protection',
    },
    evaluate(input) {
      if (!input.risk.ok) return [notEvaluated(input.risk)];
      const resource = poolResource(input);
      const config = input.risk.value.CompromisedCredentialsRiskConfiguration;
      const field = 'RiskConfiguration.CompromisedCredentialsRiskConfiguration';
      const ok = mode(input) === 'ENFORCED' && (config?.EventFilter ?? []).includes('SIGN_IN') && config?.Actions?.EventAction === 'BLOCK';
      const value = { mode: mode(input) ?? null, EventFilter: config?.EventFilter ?? null, EventAction: config?.Actions?.EventAction ?? null };
      return [ok ? pass(resource, field, value) : fail(resource, field, value, 'mode ENFORCED, EventFilter contains SIGN_IN, EventAction BLOCK')];
    },
  },
  {
    meta: {
      id: 'cognito_user_pool_blocks_potential_malicious_sign_in_attempts',
      title: 'Risky sign-ins are not blocked at every risk level',
      severity: 'medium',
      area: 'threat-protection',
      why: 'Adaptive authentication rates each sign-in low, medium or high risk. Prowler expects BLOCK at all three; MFA_IF_CONFIGURED or MFA_REQUIRED are softer choices some teams prefer.',
      fix: {
        console: `${CONSOLE} → Adaptive authentication`,
        cli: "aws cognito-idp set-risk-configuration --user-pool-id {poolId} --account-takeover-risk-configuration 'Actions={LowAction={Notify=false,EventAction=BLOCK},MediumAction={Notify=false,EventAction=BLOCK},HighAction={Notify=false,EventAction=BLOCK}}'",
        cloudformation: 'AWS::Cognito::UserPoolRiskConfigurationAttachment → AccountTakeoverRiskConfiguration.Actions.{Low,Medium,High}Action.EventAction: BLOCK',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_blocks_potential_malicious_sign_in_attempts' },
      setting: 'threat-protection',
    },
    evaluate(input) {
      if (!input.risk.ok) return [notEvaluated(input.risk)];
      const actions = input.risk.value.AccountTakeoverRiskConfiguration?.Actions;
      const field = 'RiskConfiguration.AccountTakeoverRiskConfiguration.Actions';
      const value = {
        mode: mode(input) ?? null,
        LowAction: actions?.LowAction?.EventAction ?? null,
        MediumAction: actions?.MediumAction?.EventAction ?? null,
        HighAction: actions?.HighAction?.EventAction ?? null,
      };
      const ok = value.mode === 'ENFORCED' && value.LowAction === 'BLOCK' && value.MediumAction === 'BLOCK' && value.HighAction === 'BLOCK';
      return [ok ? pass(poolResource(input), field, value) : fail(poolResource(input), field, value, 'mode ENFORCED and BLOCK at low, medium and high risk')];
    },
  },
];
