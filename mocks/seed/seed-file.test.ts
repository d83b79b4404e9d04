import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../model/emulator';
import '../seed';
import { SeedFileError } from './seed-problems';
import { seedSchemaText, SEED_SCHEMA_PATH } from './write-seed-schema';

const EXAMPLE = readFileSync(new URL('./examples/spa-admin.seed.yaml', import.meta.url), 'utf8');

async function failure(promise: Promise<unknown>): Promise<SeedFileError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SeedFileError);
  return error as SeedFileError;
}

describe('seed files', () => {
  it('loads the example: pool, client, groups with roles, users, identity pool with a Token mapping, SES', async () => {
    const emulator = new Emulator({ seed: 'empty', seedFile: EXAMPLE, seedFileName: 'spa-admin.seed.yaml' });
    await emulator.ready;
    const root = { region: 'us-east-1', principal: { kind: 'root' as const, accessKeyId: 'test' } };
    const pool = (await emulator.idp.call('DescribeUserPool', { UserPoolId: 'us-east-1_ShopPool1' }, root)) as { UserPool: Record<string, unknown> };
    expect(pool.UserPool).toMatchObject({ Name: 'shop-customers', UsernameAttributes: ['email'] });
    const client = (await emulator.idp.call('DescribeUserPoolClient', { UserPoolId: 'us-east-1_ShopPool1', ClientId: 'shop0web0client00000000001' }, root)) as {
      UserPoolClient: Record<string, unknown>;
    };
    expect(client.UserPoolClient.ClientSecret).toBeUndefined();
    const group = (await emulator.idp.call('GetGroup', { UserPoolId: 'us-east-1_ShopPool1', GroupName: 'admins' }, root)) as { Group: { RoleArn: string } };
    expect(group.Group.RoleArn).toBe('arn:aws:iam::000000000000:role/ShopAdmin');
    const ada = (await emulator.idp.call('AdminListGroupsForUser', { UserPoolId: 'us-east-1_ShopPool1', Username: 'ada@example.com' }, root)) as { Groups: unknown[] };
    expect(ada.Groups).toHaveLength(1);

    const [identityPool] = ((await emulator.identity.call('ListIdentityPools', { MaxResults: 10 }, root)) as { IdentityPools: Array<{ IdentityPoolId: string }> }).IdentityPools;
    const roles = (await emulator.identity.call('GetIdentityPoolRoles', { IdentityPoolId: identityPool!.IdentityPoolId }, root)) as Record<string, unknown>;
    expect(roles).toMatchObject({
      Roles: { authenticated: 'arn:aws:iam::000000000000:role/ShopSignedIn' },
      RoleMappings: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_ShopPool1': { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
    });
    // the shorthand trust names the identity pool the file created
    expect(JSON.stringify(emulator.iam.getRole('arn:aws:iam::000000000000:role/ShopAdmin')?.trust)).toContain(identityPool!.IdentityPoolId);
    expect(emulator.ses.isVerified('us-east-1', 'no-reply@shop.example')).toBe(true);

    // reset goes back to the seed file
    await emulator.idp.call('DeleteGroup', { UserPoolId: 'us-east-1_ShopPool1', GroupName: 'admins' }, root);
    await emulator.reset();
    expect(await emulator.idp.call('GetGroup', { UserPoolId: 'us-east-1_ShopPool1', GroupName: 'admins' }, root)).toBeTruthy();
  });

  it('lists every problem of an invalid file with its path and what exists, and loads nothing', async () => {
    const emulator = new Emulator({ seed: 'empty' });
    await emulator.ready;
    const bad = {
      userPools: [
        { name: 'p', clients: [{ name: 'web' }], groups: [{ name: 'g', role: 'Missing' }], users: [{ username: 'u', groups: ['nope'] }] },
        { name: 'p', colour: 'blue' },
      ],
      roles: [{ name: 'R', trust: '{"Statement": [', policies: { broken: '{not json' } }],
      identityPools: [
        {
          name: 'ip',
          providers: [{ userPool: 'q', client: 'web' }, { userPool: 'p', client: 'mobile' }],
          roles: { authenticated: 'arn:aws:iam::000000000000:role/Ghost' },
        },
      ],
    };
    const semantic = await failure(emulator.applySeedFile(bad, 'bad.seed.json'));
    expect(semantic.problems[0]).toEqual({ path: 'userPools[1]', message: expect.stringContaining('unknown field "colour"') });
    expect(semantic.message).toContain('bad.seed.json: userPools[1]: unknown field "colour"');
    const byPath = Object.fromEntries(semantic.problems.map((p) => [p.path, p.message]));
    expect(byPath['userPools[1].name']).toContain('a second user pool named "p"');
    expect(byPath['userPools[0].groups[0].role']).toContain('no role named "Missing" in this file; roles: R.');
    expect(byPath['userPools[0].users[0].groups[0]']).toContain('has no group named "nope"; its groups: g.');
    expect(byPath['roles[0].trust']).toContain('not valid JSON');
    expect(byPath['roles[0].policies.broken']).toContain('not valid JSON');
    expect(byPath['identityPools[0].providers[0].userPool']).toContain('no user pool named "q" in this file; user pools: p.');
    expect(byPath['identityPools[0].providers[1].client']).toContain('has no client named "mobile"; its clients: web.');
    expect(byPath['identityPools[0].roles.authenticated']).toContain('role arn:aws:iam::000000000000:role/Ghost does not exist');
    expect(semantic.message).toMatch(/^bad\.seed\.json is not a valid seed file \(9 problems; nothing was loaded\)/);
    expect(emulator.iam.listRoles()).toEqual([]);
  });

  it('reports what the model refuses with the path, and leaves a running emulator as it was', async () => {
    const emulator = new Emulator({ seed: 'demo', users: 0 });
    await emulator.ready;
    const before = JSON.stringify(emulator.snapshot().idp);
    const error = await failure(
      emulator.applySeedFile(
        `userPools:\n  - name: ok\n  - name: weak\n    settings:\n      Policies: { PasswordPolicy: { MinimumLength: 3 } }\nroles:\n  - name: PoolkeeperAdmin\n    trust: { Statement: [] }\n`,
        'refused.yaml',
      ),
    );
    expect(error.problems).toEqual([
      { path: 'userPools[1].settings', message: expect.stringMatching(/^InvalidParameterException: .*minimumLength.*greater than or equal to 6/) },
      { path: 'roles[0]', message: 'EntityAlreadyExists: Role with name PoolkeeperAdmin already exists.' },
    ]);
    expect(JSON.stringify(emulator.snapshot().idp)).toBe(before);
  });

  it('keeps the seed file as what reset() returns to after a snapshot is restored (--data FILE)', async () => {
    const options = { seed: 'empty' as const, seedFile: EXAMPLE };
    const original = new Emulator(options);
    await original.ready;
    const root = { region: 'us-east-1', principal: { kind: 'root' as const, accessKeyId: 'test' } };
    await original.idp.call('DeleteUserPool', { UserPoolId: 'us-east-1_ShopPool1' }, root);
    const restored = Emulator.restore(JSON.parse(JSON.stringify(original.snapshot())) as ReturnType<Emulator['snapshot']>, options);
    await expect(restored.idp.call('DescribeUserPool', { UserPoolId: 'us-east-1_ShopPool1' }, root)).rejects.toMatchObject({ code: 'ResourceNotFoundException' });
    await restored.reset();
    expect(await restored.idp.call('DescribeUserPool', { UserPoolId: 'us-east-1_ShopPool1' }, root)).toBeTruthy();
  });

  it("loads the seed shown in the README's section 2", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = /### Declarative set-up[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const emulator = new Emulator({ seed: 'empty' });
    const result = await emulator.applySeedFile(shown, 'README.md');
    expect(Object.keys(result.userPools['shop-customers']!.clients)).toEqual(['web']);
  });

  it('names the line of a YAML syntax error', async () => {
    const error = await failure(new Emulator({ seed: 'empty', seedFile: 'userPools:\n  - name: [unclosed\n', seedFileName: 'broken.yaml' }).ready);
    expect(error.message).toMatch(/broken\.yaml is not valid YAML or JSON/);
    expect(error.problems[0]!.path).toMatch(/^line \d+, column \d+$/);
  });

  it('ships a JSON Schema generated from the loader’s own schema (run npm run seed-schema after changing it)', () => {
    expect(readFileSync(SEED_SCHEMA_PATH, 'utf8')).toBe(seedSchemaText());
  });
});
