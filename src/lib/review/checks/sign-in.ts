/** Sign-in and verification: case sensitivity (fixed at creation), auto-verification, verify-before-update. */
import { fail, pass, poolCheck, poolResource } from '../check-kit';
import { UPDATE_POOL_NOTE } from '../notes';
import type { Check } from '../types';

export const checks: Check[] = [
  poolCheck(
    {
      id: 'PK-SIGNIN-1',
      title: 'Usernames are case-sensitive',
      severity: 'info',
      area: 'sign-in',
      why: 'With case-sensitive usernames "Alice" and "alice" are two accounts, and users who type a capital letter cannot sign in. AWS recommends case-insensitive; the setting is fixed when the pool is created.',
      fix: {
        console: 'Cannot be changed: create a new user pool with "Make user name case sensitive" cleared and migrate users (a migrate-user Lambda keeps their passwords)',
        cli: "aws cognito-idp create-user-pool --pool-name <new-name> --username-configuration CaseSensitive=false …",
        cloudformation: 'AWS::Cognito::UserPool → UsernameConfiguration.CaseSensitive: false (replaces the pool)',
      },
      fixable: false,
      references: {},
      setting: 'sign-in',
    },
    (pool, input) => {
      // The API and CloudFormation default is case-sensitive.
      const value = pool.UsernameConfiguration?.CaseSensitive ?? true;
      const field = 'UserPool.UsernameConfiguration.CaseSensitive';
      return value === false ? pass(poolResource(input), field, value) : fail(poolResource(input), field, value, 'false');
    },
  ),
  poolCheck(
    {
      id: 'PK-VERIFY-1',
      title: 'Self-registered users receive no confirmation code',
      severity: 'high',
      area: 'sign-in',
      why: 'With self sign-up on and no auto-verified attribute Cognito sends no confirmation code at all: every new user stays UNCONFIRMED until an administrator or a pre-sign-up Lambda confirms them.',
      fix: {
        console: 'Amazon Cognito → User pools → {poolId} → Authentication → Sign-up → Attribute verification and user account confirmation → Edit',
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --auto-verified-attributes email  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → AutoVerifiedAttributes: [email]',
      },
      fixable: true,
      references: {},
      setting: 'verification',
    },
    (pool, input) => {
      const field = 'UserPool.AutoVerifiedAttributes';
      const value = pool.AutoVerifiedAttributes ?? [];
      const selfSignUp = pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly !== true;
      if (!selfSignUp || value.length > 0) return pass(poolResource(input), field, value);
      const hasTrigger = typeof pool.LambdaConfig?.PreSignUp === 'string';
      return fail(poolResource(input), field, value, '[email] or [phone_number] while self sign-up is on', hasTrigger ? { severity: 'low', title: 'No confirmation code is sent (a pre-sign-up Lambda may confirm users)' } : {});
    },
  ),
  poolCheck(
    {
      id: 'PK-VERIFY-2',
      title: 'A changed email or phone number replaces the old one before it is verified',
      severity: 'low',
      area: 'sign-in',
      why: 'Without it an email change takes effect at once, unverified: a typo or an attacker with a session locks the user out of password recovery. With it the old value stays until the code is confirmed.',
      fix: {
        console: 'Amazon Cognito → User pools → {poolId} → Authentication → Sign-up → Attribute verification → "Keep original attribute value active when an update is pending"',
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --auto-verified-attributes email --user-attribute-update-settings AttributesRequireVerificationBeforeUpdate=email  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate: [email]',
      },
      fixable: true,
      references: {},
      setting: 'verification',
    },
    (pool, input) => {
      const field = 'UserPool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate';
      const value = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
      const missing = (pool.AutoVerifiedAttributes ?? []).filter((a) => !value.includes(a));
      return missing.length === 0 ? pass(poolResource(input), field, value) : fail(poolResource(input), field, value, `includes ${missing.join(', ')}`);
    },
  ),
];
