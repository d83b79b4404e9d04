import { describe, expect, it } from 'vitest';
import { poolWithClient, rejection, setup } from './test-support';

type Risk = { RiskConfiguration: Record<string, unknown> };

describe('risk configuration', () => {
  it('answers only the pool id before anything is set, then what SetRiskConfiguration stored', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    expect(await t.call<Risk>('DescribeRiskConfiguration', { UserPoolId: poolId })).toEqual({ RiskConfiguration: { UserPoolId: poolId } });
    const compromised = { EventFilter: ['SIGN_IN', 'SIGN_UP'], Actions: { EventAction: 'BLOCK' } };
    await t.call('SetRiskConfiguration', { UserPoolId: poolId, CompromisedCredentialsRiskConfiguration: compromised });
    const pool = await t.call<Risk>('DescribeRiskConfiguration', { UserPoolId: poolId });
    expect(pool.RiskConfiguration).toMatchObject({ UserPoolId: poolId, CompromisedCredentialsRiskConfiguration: compromised });
    expect(typeof pool.RiskConfiguration.LastModifiedDate).toBe('number');
    // A client without its own configuration is answered with the pool's.
    const client = await t.call<Risk>('DescribeRiskConfiguration', { UserPoolId: poolId, ClientId: clientId });
    expect(client.RiskConfiguration).not.toHaveProperty('ClientId');
    expect(client.RiskConfiguration.CompromisedCredentialsRiskConfiguration).toEqual(compromised);
  });

  it('refuses unknown actions, unknown clients and exceptions at client level with AWS errors', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    const bad = await rejection(t.call('SetRiskConfiguration', { UserPoolId: poolId, AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'DENY', Notify: false } } } }));
    expect(bad.code).toBe('InvalidParameterException');
    expect(bad.message).toContain('[BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED, NO_ACTION]');
    expect((await rejection(t.call('DescribeRiskConfiguration', { UserPoolId: poolId, ClientId: 'nosuchclient' }))).code).toBe('ResourceNotFoundException');
    expect((await rejection(t.call('SetRiskConfiguration', { UserPoolId: poolId, ClientId: clientId, RiskExceptionConfiguration: { BlockedIPRangeList: ['10.0.0.0/8'] } }))).code).toBe('InvalidParameterException');
    expect((await rejection(t.call('DescribeRiskConfiguration', { UserPoolId: 'us-east-1_nothere' }))).code).toBe('ResourceNotFoundException');
  });
});

describe('user pool domains', () => {
  it('creates, describes and deletes a prefix domain; DescribeUserPool names it', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    expect(await t.call('CreateUserPoolDomain', { UserPoolId: poolId, Domain: 'acme-login', ManagedLoginVersion: 2 })).toEqual({ ManagedLoginVersion: 2 });
    const { DomainDescription } = await t.call<{ DomainDescription: Record<string, unknown> }>('DescribeUserPoolDomain', { Domain: 'acme-login' });
    expect(DomainDescription).toMatchObject({ UserPoolId: poolId, Domain: 'acme-login', Status: 'ACTIVE', ManagedLoginVersion: 2, AWSAccountId: '000000000000' });
    expect((await t.call<{ UserPool: Record<string, unknown> }>('DescribeUserPool', { UserPoolId: poolId })).UserPool.Domain).toBe('acme-login');
    // UpdateUserPool does not take a domain, so an update keeps it.
    await t.call('UpdateUserPool', { UserPoolId: poolId });
    expect((await t.call<{ UserPool: Record<string, unknown> }>('DescribeUserPool', { UserPoolId: poolId })).UserPool.Domain).toBe('acme-login');
    await t.call('DeleteUserPoolDomain', { UserPoolId: poolId, Domain: 'acme-login' });
    expect(await t.call('DescribeUserPoolDomain', { Domain: 'acme-login' })).toEqual({ DomainDescription: {} });
  });

  it('refuses taken, reserved and malformed domains, and a second domain', async () => {
    const t = setup();
    const a = await poolWithClient(t);
    const b = await poolWithClient(t);
    await t.call('CreateUserPoolDomain', { UserPoolId: a.poolId, Domain: 'taken' });
    expect((await rejection(t.call('CreateUserPoolDomain', { UserPoolId: b.poolId, Domain: 'taken' }))).message).toBe('Domain already associated with another user pool.');
    expect((await rejection(t.call('CreateUserPoolDomain', { UserPoolId: a.poolId, Domain: 'second' }))).message).toBe('User pool already has a domain configured.');
    expect((await rejection(t.call('CreateUserPoolDomain', { UserPoolId: b.poolId, Domain: 'my-cognito' }))).code).toBe('InvalidParameterException');
    expect((await rejection(t.call('CreateUserPoolDomain', { UserPoolId: b.poolId, Domain: 'Upper_Case' }))).code).toBe('InvalidParameterException');
    expect((await rejection(t.call('DeleteUserPoolDomain', { UserPoolId: b.poolId, Domain: 'taken' }))).message).toBe('No such domain or user pool exists.');
  });
});

describe('replicas', () => {
  it('lists none (the emulator models no multi-Region replication)', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    expect(await t.call('ListUserPoolReplicas', { UserPoolId: poolId })).toEqual({ UserPoolReplicas: [] });
  });
});
