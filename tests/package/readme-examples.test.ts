/**
 * The code in mocks/README.md, run through the package's entries as a user's project imports them
 * (here resolved to the workspace source), so the package's documentation cannot drift from it.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient, ListUsersCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callAsRoot, createGroup, createPool, createUser, DEMO, Emulator } from '@poolkeeper/cognito-emulator';
import { handlers } from '@poolkeeper/cognito-emulator/msw';
import { createNodeEmulator } from '@poolkeeper/cognito-emulator/node';

describe('README: Vitest with the Node host', () => {
  const cognito = createNodeEmulator({ seed: 'empty', quotas: false });
  beforeAll(() => cognito.listen());
  afterEach(() => cognito.reset());
  afterAll(() => cognito.close());

  it('signs a user up and confirms them with the emailed code', async () => {
    const { poolId, clientId } = await cognito.createPool({ settings: { AutoVerifiedAttributes: ['email'] } });
    const idp = new CognitoIdentityProviderClient(cognito.clientConfig());
    await idp.send(new SignUpCommand({ ClientId: clientId, Username: 'ann', Password: 'Ann-Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }] }));
    expect(cognito.latestCode('ann@example.com')).toMatch(/^\d{6}$/);
    await expect(idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'nobody' }))).rejects.toThrow('User does not exist.');
  });

  it('reset() empties what a test arranged', async () => {
    const { poolId } = await cognito.createPool();
    await cognito.createGroup(poolId, { name: 'editors' });
    cognito.createUser(poolId, { username: 'bob', password: 'Bob-Passw0rd!', groups: ['editors'] });
    await cognito.reset();
    await expect(cognito.call('cognito-idp', 'DescribeUserPool', { UserPoolId: poolId })).rejects.toThrow(/does not exist/);
  });
});

describe('README: Jest example (the demo seed)', () => {
  const cognito = createNodeEmulator();
  beforeAll(() => cognito.listen());
  afterAll(() => cognito.close());

  it('lists the demo operator', async () => {
    const idp = new CognitoIdentityProviderClient(cognito.clientConfig());
    const { Users } = await idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Filter: 'email = "admin@example.com"' }));
    expect(Users).toHaveLength(1);
  });
});

describe('README: your own msw server and the model', () => {
  const emulator = new Emulator({ seed: 'empty', quotas: false });
  const server = setupServer(...handlers(emulator));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('arranges a pool, a group with a role and a user, then runs an operation as root', async () => {
    const { poolId } = await createPool(emulator, { name: 'app', settings: { MfaConfiguration: 'OPTIONAL' } });
    await createGroup(emulator, poolId, { name: 'editors', precedence: 1, roleArn: 'arn:aws:iam::000000000000:role/Editors' });
    createUser(emulator, poolId, { username: 'ann', password: 'Ann-Passw0rd!', status: 'CONFIRMED', groups: ['editors'] });
    await callAsRoot(emulator, 'cognito-idp', 'AdminDisableUser', { UserPoolId: poolId, Username: 'ann' });

    const idp = new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    const ann = await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ann' }));
    expect(ann.Enabled).toBe(false);
    expect(ann.UserStatus).toBe('CONFIRMED');
    const group = (await callAsRoot(emulator, 'cognito-idp', 'GetGroup', { UserPoolId: poolId, GroupName: 'editors' })) as { Group: { RoleArn: string; Precedence: number } };
    expect(group.Group).toMatchObject({ RoleArn: 'arn:aws:iam::000000000000:role/Editors', Precedence: 1 });
  });
});

describe('README: entries', () => {
  // Node also names the subpath (package.test.ts checks it); bundlers like Vite drop it.
  it('a deep import fails at once, naming the entries to use (here from the workspace source, through Vite)', async () => {
    const deep = '@poolkeeper/cognito-emulator/model/emulator';
    const error = await import(/* @vite-ignore */ deep).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/is not an entry point of @poolkeeper\/cognito-emulator/);
    for (const entry of ['msw', 'node', 'server', 'browser']) expect(error?.message).toContain(`'@poolkeeper/cognito-emulator/${entry}'`);
  });
});
