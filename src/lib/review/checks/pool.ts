/** Pool safety: deletion protection (Cognito.6), self-registration, WAF, and a recovery plan (replicas). */
import { fail, notEvaluated, pass, poolCheck, poolResource } from '../check-kit';
import { UPDATE_POOL_NOTE } from '../notes';
import type { Check } from '../types';

export const checks: Check[] = [
  poolCheck(
    {
      id: 'cognito_user_pool_deletion_protection_enabled',
      title: 'Deletion protection is off',
      severity: 'medium',
      area: 'pool',
      why: 'Deleting a user pool deletes every user and password with it, and nothing brings them back. With deletion protection on, DeleteUserPool fails until someone turns it off on purpose.',
      fix: {
        console: 'Amazon Cognito → User pools → {poolId} → Settings → Deletion protection → Activate',
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --deletion-protection ACTIVE  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → DeletionProtection: ACTIVE',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_deletion_protection_enabled', securityHub: 'Cognito.6' },
      setting: 'deletion-protection',
    },
    (pool, input) => {
      const value = pool.DeletionProtection ?? 'INACTIVE';
      const field = 'UserPool.DeletionProtection';
      return value === 'ACTIVE' ? pass(poolResource(input), field, value) : fail(poolResource(input), field, value, 'ACTIVE');
    },
  ),
  poolCheck(
    {
      id: 'cognito_user_pool_self_registration_disabled',
      title: 'Anyone can sign up',
      severity: 'low',
      area: 'pool',
      why: 'With self-registration on, anyone who knows a client id can call SignUp, and any identity pool trusting this user pool hands those new users its authenticated role. Keep it on only for public sign-up.',
      fix: {
        console: 'Amazon Cognito → User pools → {poolId} → Authentication → Sign-up → Self-service sign-up → Edit',
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --admin-create-user-config AllowAdminCreateUserOnly=true  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → AdminCreateUserConfig.AllowAdminCreateUserOnly: true',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_self_registration_disabled' },
      setting: 'sign-up',
    },
    (pool, input) => {
      const value = pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly ?? false;
      const field = 'UserPool.AdminCreateUserConfig.AllowAdminCreateUserOnly';
      if (value) return pass(poolResource(input), field, value);
      const roles = input.identityPool.ok && input.identityPoolRoles.ok ? input.identityPoolRoles.value.Roles?.authenticated : undefined;
      const expected = roles ? `true (an identity pool gives self-registered users the role ${roles})` : 'true';
      return fail(poolResource(input), field, value, expected);
    },
  ),
  {
    meta: {
      id: 'cognito_user_pool_waf_acl_attached',
      title: 'No web ACL protects the pool',
      severity: 'medium',
      area: 'pool',
      why: 'AWS WAF in front of the pool can rate-limit and block sign-in, sign-up and password-reset abuse before it reaches Cognito.',
      fix: {
        console: 'AWS WAF → Web ACLs → (Region of the pool) → Associated AWS resources → Add → Amazon Cognito user pool {poolId}',
        cli: 'aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn arn:aws:cognito-idp:{region}:<account>:userpool/{poolId}',
        cloudformation: 'AWS::WAFv2::WebACLAssociation → ResourceArn: the pool ARN, WebACLArn: your web ACL',
      },
      fixable: true,
      references: { prowler: 'cognito_user_pool_waf_acl_attached' },
      setting: 'pool-settings',
    },
    evaluate() {
      return [{ status: 'not-evaluated', reason: 'not evaluated: needs `wafv2:GetWebACLForResource`, which is outside Poolkeeper\'s admin role (WAF is another service; check it in the WAF console or with Prowler)' }];
    },
  },
  {
    meta: {
      id: 'PK-DR-1',
      title: 'The pool has no replica in another Region',
      severity: 'info',
      area: 'pool',
      why: 'A Region outage or a deleted pool loses sign-in for everyone. Multi-Region replication keeps a secondary; without it, ListUsers exports attributes only and re-imported users must reset their passwords.',
      fix: {
        console: 'Amazon Cognito → User pools → {poolId} → Settings → Multi-Region replication (or document an export and migrate-user Lambda plan)',
        cli: 'aws cognito-idp create-user-pool-replica --user-pool-id {poolId} --region-name <secondary-region>',
        cloudformation: 'No CloudFormation property for replicas in the stored references; create the replica with the API',
      },
      fixable: true,
      references: {},
      setting: 'pool-settings',
    },
    evaluate(input) {
      if (!input.replicas.ok) return [notEvaluated(input.replicas)];
      const field = 'ListUserPoolReplicas.UserPoolReplicas';
      const replicas = input.replicas.value.map((r) => `${r.RegionName ?? '?'} (${r.Role ?? '?'}, ${r.Status ?? '?'})`);
      return [replicas.length > 0 ? pass(poolResource(input), field, replicas) : fail(poolResource(input), field, [], 'a replica in a second Region, or a written export and restore plan')];
    },
  },
];
