import { describe, expect, it } from 'vitest';
import type { PutUserInput } from './idp';
import { poolWithClient, rejection, setup, type Setup } from './test-support';

interface ListedUser {
  Username: string;
  Attributes: { Name: string; Value: string }[];
  Enabled: boolean;
  UserStatus: string;
}
interface Page {
  Users: ListedUser[];
  PaginationToken?: string;
}

async function listAll(t: Setup, input: Record<string, unknown>): Promise<ListedUser[]> {
  const out: ListedUser[] = [];
  let token = input.PaginationToken as string | undefined;
  do {
    const page = await t.call<Page>('ListUsers', { ...input, PaginationToken: token });
    out.push(...page.Users);
    token = page.PaginationToken;
  } while (token);
  return out;
}

async function seeded() {
  const t = setup();
  const { poolId } = await poolWithClient(t);
  const people: PutUserInput[] = [
    { username: 'alice', attributes: { email: 'alice@example.com', given_name: 'Alice', family_name: 'Smith' } },
    { username: 'albert', attributes: { email: 'albert@example.com', given_name: 'Albert', family_name: "O'Neil" } },
    { username: 'bob', attributes: { email: 'bob@example.com', given_name: 'Bob', family_name: 'Say "hi"' }, status: 'UNCONFIRMED' },
    { username: 'carol', attributes: { email: 'carol@example.com', phone_number: '+15550001111' }, enabled: false },
    { username: 'Dave', attributes: { email: 'dave@example.com', preferred_username: 'dave' }, status: 'RESET_REQUIRED' },
  ];
  for (const p of people) t.idp.putUser(poolId, p);
  return { t, poolId };
}

const names = (users: ListedUser[]) => users.map((u) => u.Username);

describe('ListUsers', () => {
  it('lists everyone in creation order without a filter', async () => {
    const { t, poolId } = await seeded();
    const page = await t.call<Page>('ListUsers', { UserPoolId: poolId });
    expect(names(page.Users)).toEqual(['alice', 'albert', 'bob', 'carol', 'Dave']);
    expect(page.PaginationToken).toBeUndefined();
    expect(page.Users[0]).toMatchObject({ Enabled: true, UserStatus: 'CONFIRMED' });
    expect(page.Users[0]!.Attributes[0]!.Name).toBe('sub');
  });

  it('filters by exact value and by prefix', async () => {
    const { t, poolId } = await seeded();
    const list = (Filter: string) => listAll(t, { UserPoolId: poolId, Filter });
    expect(names(await list('email = "bob@example.com"'))).toEqual(['bob']);
    expect(names(await list('given_name ^= "Al"'))).toEqual(['alice', 'albert']);
    expect(names(await list('username = "alice"'))).toEqual(['alice']);
    expect(names(await list('username = "dave"'))).toEqual([]);
    expect(names(await list('phone_number ^= "+1555"'))).toEqual(['carol']);
    expect(names(await list('preferred_username = "dave"'))).toEqual(['Dave']);
    expect(names(await list('family_name = "Say \\"hi\\""'))).toEqual(['bob']);
    expect(names(await list('email ^= ""'))).toHaveLength(5);
  });

  it('matches cognito:user_status case-insensitively and status (Enabled/Disabled) case-sensitively', async () => {
    const { t, poolId } = await seeded();
    const list = (Filter: string) => listAll(t, { UserPoolId: poolId, Filter });
    expect(names(await list('cognito:user_status = "unconfirmed"'))).toEqual(['bob']);
    expect(names(await list('cognito:user_status = "RESET_REQUIRED"'))).toEqual(['Dave']);
    expect(names(await list('cognito:user_status ^= "con"'))).toEqual(['alice', 'albert', 'carol']);
    expect(names(await list('status = "Disabled"'))).toEqual(['carol']);
    expect(names(await list('status = "Enabled"'))).toEqual(['alice', 'albert', 'bob', 'Dave']);
    expect(names(await list('status = "disabled"'))).toEqual([]);
  });

  it('matches sub exactly and by prefix (for partitioned loading)', async () => {
    const { t, poolId } = await seeded();
    const all = await listAll(t, { UserPoolId: poolId });
    const subOf = (u: ListedUser) => u.Attributes.find((a) => a.Name === 'sub')!.Value;
    const first = all[0]!;
    expect(names(await listAll(t, { UserPoolId: poolId, Filter: `sub = "${subOf(first)}"` }))).toEqual([first.Username]);
    const partitions = await Promise.all(
      '0123456789abcdef'.split('').map((hex) => listAll(t, { UserPoolId: poolId, Filter: `sub ^= "${hex}"` })),
    );
    expect(partitions.flat().map((u) => u.Username).sort()).toEqual(names(all).sort());
  });

  it('follows the pool case sensitivity for username filters', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t, { UsernameConfiguration: { CaseSensitive: false } });
    t.idp.putUser(poolId, { username: 'MixedCase' });
    const page = await t.call<Page>('ListUsers', { UserPoolId: poolId, Filter: 'username = "mixedcase"' });
    expect(names(page.Users)).toEqual(['MixedCase']);
  });

  it('returns only AttributesToGet', async () => {
    const { t, poolId } = await seeded();
    const page = await t.call<Page>('ListUsers', { UserPoolId: poolId, AttributesToGet: ['email'], Limit: 1 });
    expect(page.Users[0]!.Attributes).toEqual([{ Name: 'email', Value: 'alice@example.com' }]);
  });

  it('pages with Limit 1..60 and an opaque token bound to the query', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    for (let i = 0; i < 130; i++) t.idp.putUser(poolId, { username: `user${String(i).padStart(3, '0')}`, attributes: { email: `u${i}@example.com` } });
    const first = await t.call<Page>('ListUsers', { UserPoolId: poolId });
    expect(first.Users).toHaveLength(60);
    expect(first.PaginationToken).toMatch(/^[A-Za-z0-9_-]+$/);
    const everyone = await listAll(t, { UserPoolId: poolId, Limit: 7 });
    expect(everyone).toHaveLength(130);
    expect(new Set(names(everyone)).size).toBe(130);

    const filtered = await t.call<Page>('ListUsers', { UserPoolId: poolId, Filter: 'email ^= "u1"', Limit: 5 });
    const other = await rejection(t.call('ListUsers', { UserPoolId: poolId, Filter: 'email ^= "u2"', PaginationToken: filtered.PaginationToken }));
    expect(other.code).toBe('InvalidParameterException');
    const unfiltered = await rejection(t.call('ListUsers', { UserPoolId: poolId, PaginationToken: filtered.PaginationToken }));
    expect(unfiltered.code).toBe('InvalidParameterException');
    // The same filter spelled differently is the same query.
    const same = await t.call<Page>('ListUsers', { UserPoolId: poolId, Filter: 'email^="u1"', Limit: 5, PaginationToken: filtered.PaginationToken });
    expect(same.Users).toHaveLength(5);
    const garbage = await rejection(t.call('ListUsers', { UserPoolId: poolId, PaginationToken: 'not-a-token' }));
    expect(garbage).toMatchObject({ code: 'InvalidParameterException', message: 'Invalid pagination token.' });
  });

  it('validates Limit like the API model (QueryLimitType 0..60)', async () => {
    const { t, poolId } = await seeded();
    const over = await rejection(t.call('ListUsers', { UserPoolId: poolId, Limit: 61 }));
    expect(over.message).toBe(
      "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
    expect((await rejection(t.call('ListUsers', { UserPoolId: poolId, Limit: -1 }))).message).toContain('greater than or equal to 0');
    expect((await t.call<Page>('ListUsers', { UserPoolId: poolId, Limit: 0 })).Users).toHaveLength(5);
    const long = await rejection(t.call('ListUsers', { UserPoolId: poolId, Filter: `email = "${'x'.repeat(300)}"` }));
    expect(long.message).toContain("at 'filter' failed to satisfy constraint: Member must have length less than or equal to 256");
  });

  it('refuses unsupported and malformed filters', async () => {
    const { t, poolId } = await seeded();
    expect(await rejection(t.call('ListUsers', { UserPoolId: poolId, Filter: 'custom:dept = "x"' }))).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Invalid search attribute: custom:dept',
    });
    expect((await rejection(t.call('ListUsers', { UserPoolId: poolId, Filter: 'email ~ "x"' }))).message).toBe('Error while parsing filter.');
  });

  it('keeps filtered paging consistent while users change', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    for (let i = 0; i < 20; i++) t.idp.putUser(poolId, { username: `u${i}`, attributes: { email: `same${i % 2}@example.com` } });
    const first = await t.call<Page>('ListUsers', { UserPoolId: poolId, Filter: 'email = "same0@example.com"', Limit: 4 });
    // Changing someone already listed moves them out of the result without shifting the rest.
    await t.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: first.Users[0]!.Username, UserAttributes: [{ Name: 'email', Value: 'moved@example.com' }] });
    await t.call('AdminDeleteUser', { UserPoolId: poolId, Username: first.Users[1]!.Username });
    const rest = await listAll(t, { UserPoolId: poolId, Filter: 'email = "same0@example.com"', Limit: 4, PaginationToken: first.PaginationToken });
    expect(names(rest)).toEqual(['u8', 'u10', 'u12', 'u14', 'u16', 'u18']);
    const moved = await t.call<Page>('ListUsers', { UserPoolId: poolId, Filter: 'email = "moved@example.com"' });
    expect(names(moved.Users)).toEqual(['u0']);
    const prefix = await listAll(t, { UserPoolId: poolId, Filter: 'email ^= "same"', Limit: 3 });
    expect(prefix).toHaveLength(18);
  });
});
