import { describe, expect, it } from 'vitest';
import { ctx, poolWithClient, rejection, setup } from './test-support';

type Pool = Record<string, unknown> & { Id: string };

describe('user pools', () => {
  it('creates a pool with AWS defaults and describes it', async () => {
    const t = setup();
    const { UserPool } = await t.call<{ UserPool: Pool }>('CreateUserPool', { PoolName: 'people', UserPoolTags: { team: 'ops' } });
    expect(UserPool.Id).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    const { UserPool: described } = await t.call<{ UserPool: Pool }>('DescribeUserPool', { UserPoolId: UserPool.Id });
    expect(described).toMatchObject({
      Id: UserPool.Id,
      Name: 'people',
      Arn: `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${UserPool.Id}`,
      EstimatedNumberOfUsers: 0,
      MfaConfiguration: 'OFF',
      DeletionProtection: 'INACTIVE',
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7,
        },
      },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }, { Priority: 2, Name: 'verified_phone_number' }] },
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      UserPoolTags: { team: 'ops' },
    });
    expect(typeof described.CreationDate).toBe('number');
    expect(typeof described.LastModifiedDate).toBe('number');
    const schema = described.SchemaAttributes as { Name: string; Mutable: boolean; Required: boolean }[];
    expect(schema.find((a) => a.Name === 'sub')).toMatchObject({ Mutable: false, Required: true });
    expect(schema.find((a) => a.Name === 'email')).toMatchObject({ Mutable: true, Required: false });
    expect(schema.map((a) => a.Name)).toEqual(expect.arrayContaining(['email_verified', 'phone_number', 'preferred_username', 'updated_at']));
  });

  it('keeps custom attributes with the custom: prefix and required standard attributes', async () => {
    const t = setup();
    const { UserPool } = await t.call<{ UserPool: Pool }>('CreateUserPool', {
      PoolName: 'p',
      Schema: [
        { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
        { Name: 'department', AttributeDataType: 'String', Mutable: true },
      ],
    });
    const schema = UserPool.SchemaAttributes as { Name: string; Required: boolean }[];
    expect(schema.find((a) => a.Name === 'email')?.Required).toBe(true);
    expect(schema.some((a) => a.Name === 'custom:department')).toBe(true);
  });

  it('refuses both AliasAttributes and UsernameAttributes', async () => {
    const t = setup();
    const error = await rejection(t.call('CreateUserPool', { PoolName: 'p', AliasAttributes: ['email'], UsernameAttributes: ['email'] }));
    expect(error.code).toBe('InvalidParameterException');
  });

  it('reports model constraints in AWS wording', async () => {
    const t = setup();
    const error = await rejection(t.call('CreateUserPool', { PoolName: '' }));
    expect(error.code).toBe('InvalidParameterException');
    expect(error.message).toBe(
      "1 validation error detected: Value '' at 'poolName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    const missing = await rejection(t.call('DescribeUserPool', {}));
    expect(missing.message).toBe("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
    const policy = await rejection(t.call('CreateUserPool', { PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 5 } } }));
    expect(policy.message).toContain("at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6");
  });

  it('answers ResourceNotFoundException for unknown pools and pools of another Region', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    const unknown = await rejection(t.call('DescribeUserPool', { UserPoolId: 'us-east-1_nothere' }));
    expect(unknown).toMatchObject({ code: 'ResourceNotFoundException', message: 'User pool us-east-1_nothere does not exist.' });
    const otherRegion = await rejection(t.idp.call('DescribeUserPool', { UserPoolId: poolId }, { ...ctx, region: 'eu-west-1' }));
    expect(otherRegion.code).toBe('ResourceNotFoundException');
  });

  it('resets omitted settings on UpdateUserPool, as AWS does, but keeps the immutable ones', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t, { UsernameAttributes: ['email'], Policies: { PasswordPolicy: { MinimumLength: 12 } } });
    await t.call('UpdateUserPool', { UserPoolId: poolId, DeletionProtection: 'ACTIVE' });
    const { UserPool } = await t.call<{ UserPool: Pool }>('DescribeUserPool', { UserPoolId: poolId });
    expect(UserPool.DeletionProtection).toBe('ACTIVE');
    expect((UserPool.Policies as { PasswordPolicy: { MinimumLength: number } }).PasswordPolicy.MinimumLength).toBe(8);
    expect(UserPool.UsernameAttributes).toEqual(['email']);
    expect(UserPool.AutoVerifiedAttributes).toBeUndefined();
  });

  it('refuses to delete a pool with deletion protection', async () => {
    const t = setup();
    const { UserPool } = await t.call<{ UserPool: Pool }>('CreateUserPool', { PoolName: 'p', DeletionProtection: 'ACTIVE' });
    const error = await rejection(t.call('DeleteUserPool', { UserPoolId: UserPool.Id }));
    expect(error).toMatchObject({
      code: 'InvalidParameterException',
      message: 'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    });
    await t.call('UpdateUserPool', { UserPoolId: UserPool.Id, DeletionProtection: 'INACTIVE' });
    await t.call('DeleteUserPool', { UserPoolId: UserPool.Id });
    expect((await rejection(t.call('DescribeUserPool', { UserPoolId: UserPool.Id }))).code).toBe('ResourceNotFoundException');
  });

  it('pages ListUserPools with MaxResults 1..60 and a bound NextToken', async () => {
    const t = setup();
    for (let i = 0; i < 5; i++) await t.call('CreateUserPool', { PoolName: `p${i}` });
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.call<{ UserPools: { Id: string }[]; NextToken?: string }>('ListUserPools', { MaxResults: 2, NextToken: token });
      expect(page.UserPools.length).toBeLessThanOrEqual(2);
      seen.push(...page.UserPools.map((p) => p.Id));
      token = page.NextToken;
    } while (token);
    expect(new Set(seen).size).toBe(5);
    const zero = await rejection(t.call('ListUserPools', { MaxResults: 0 }));
    expect(zero.message).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect((await rejection(t.call('ListUserPools', {}))).message).toContain("Value null at 'maxResults'");
    expect((await rejection(t.call('ListUserPools', { MaxResults: 2, NextToken: 'garbage' }))).code).toBe('InvalidParameterException');
  });

  it('gets and sets the MFA configuration', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    expect(await t.call('GetUserPoolMfaConfig', { UserPoolId: poolId })).toMatchObject({ MfaConfiguration: 'OFF' });
    const refused = await rejection(t.call('SetUserPoolMfaConfig', { UserPoolId: poolId, MfaConfiguration: 'ON' }));
    expect(refused.code).toBe('InvalidParameterException');
    const set = await t.call('SetUserPoolMfaConfig', {
      UserPoolId: poolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(set).toMatchObject({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
    const { UserPool } = await t.call<{ UserPool: Pool }>('DescribeUserPool', { UserPoolId: poolId });
    expect(UserPool.MfaConfiguration).toBe('OPTIONAL');
  });
});
