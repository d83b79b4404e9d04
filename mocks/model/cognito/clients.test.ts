import { describe, expect, it } from 'vitest';
import { poolWithClient, rejection, setup } from './test-support';

type Client = Record<string, unknown> & { ClientId: string };

describe('app clients', () => {
  it('creates clients with AWS defaults and an optional secret', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    const { UserPoolClient } = await t.call<{ UserPoolClient: Client }>('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'spa' });
    expect(UserPoolClient.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(UserPoolClient).toMatchObject({
      UserPoolId: poolId,
      ClientName: 'spa',
      RefreshTokenValidity: 30,
      EnableTokenRevocation: true,
      AllowedOAuthFlowsUserPoolClient: false,
      AuthSessionValidity: 3,
      PreventUserExistenceErrors: 'LEGACY',
    });
    expect(UserPoolClient.ClientSecret).toBeUndefined();
    const secret = await t.call<{ UserPoolClient: Client }>('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'server', GenerateSecret: true });
    expect(secret.UserPoolClient.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
  });

  it('describes, updates (omitted settings reset), lists with paging and deletes', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    await t.call('UpdateUserPoolClient', { UserPoolId: poolId, ClientId: clientId, ClientName: 'renamed', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] });
    const { UserPoolClient } = await t.call<{ UserPoolClient: Client }>('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: clientId });
    expect(UserPoolClient).toMatchObject({ ClientName: 'renamed', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] });
    for (let i = 0; i < 4; i++) await t.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: `c${i}` });
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.call<{ UserPoolClients: { ClientId: string }[]; NextToken?: string }>('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 2, NextToken: token });
      ids.push(...page.UserPoolClients.map((c) => c.ClientId));
      token = page.NextToken;
    } while (token);
    expect(new Set(ids).size).toBe(5);
    expect((await rejection(t.call('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 0 }))).code).toBe('InvalidParameterException');
    await t.call('DeleteUserPoolClient', { UserPoolId: poolId, ClientId: clientId });
    expect(await rejection(t.call('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: clientId }))).toMatchObject({
      code: 'ResourceNotFoundException',
      message: `User pool client ${clientId} does not exist.`,
    });
  });

  it('refuses mixed legacy and new auth flow names and unknown attributes', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    expect((await rejection(t.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'x', ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] }))).code).toBe(
      'InvalidParameterException',
    );
    expect((await rejection(t.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'x', ExplicitAuthFlows: ['ALLOW_EVERYTHING'] }))).message).toContain(
      'Member must satisfy enum value set',
    );
    expect((await rejection(t.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'x', ReadAttributes: ['custom:nope'] }))).code).toBe('InvalidParameterException');
  });
});
