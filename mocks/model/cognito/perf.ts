/**
 * Model-time figures for `npm run bench` and the IdP report: seeding N users with putUser and
 * ListUsers pages (unfiltered, exact, prefix, status) at that size. Pure model, no protocol.
 */
import { Clock } from '../clock';
import { seededRandom } from '../random';
import type { EmulatorEnv, Mailer } from '../types';
import { CognitoIdp } from './idp';

export interface IdpFigures {
  users: number;
  seedMs: number;
  /** median ms per ListUsers page of 60, by query; the first call (index build) reported apart */
  pages: Record<string, { firstMs: number; medianMs: number }>;
  adminCreateUserPerSecond: number;
}

const nullMailer: Mailer = {
  send: (m) => ({ ...m, id: '0', via: 'cognito-default', sentAt: '' }),
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measureIdp(users = 100_000, samples = 50): Promise<IdpFigures> {
  const env: EmulatorEnv = { clock: new Clock(), random: seededRandom(42), mailer: nullMailer, accountId: '000000000000' };
  const idp = new CognitoIdp(env);
  const ctx = { region: 'us-east-1', principal: null };
  const { UserPool } = (await idp.call('CreateUserPool', { PoolName: 'bench' }, ctx)) as { UserPool: { Id: string } };
  const poolId = UserPool.Id;
  const statuses = ['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED'] as const;

  const seedStart = performance.now();
  for (let i = 0; i < users; i++) {
    idp.putUser(poolId, {
      username: `user${i}`,
      attributes: { email: `user${i}@example.com`, email_verified: 'true', given_name: `Given${i % 977}`, family_name: `Family${i % 1013}` },
      status: statuses[i % statuses.length],
      enabled: i % 50 !== 0,
    });
  }
  const seedMs = performance.now() - seedStart;

  const queries: Record<string, string | undefined> = {
    unfiltered: undefined,
    'email = (exact)': `email = "user${Math.floor(users / 2)}@example.com"`,
    'email ^= (prefix)': 'email ^= "user7"',
    'given_name ^= (rare prefix)': 'given_name ^= "Given976"',
    'sub ^= (partition)': 'sub ^= "a"',
    'cognito:user_status =': 'cognito:user_status = "UNCONFIRMED"',
    'status = Disabled': 'status = "Disabled"',
  };
  const pages: IdpFigures['pages'] = {};
  for (const [label, filter] of Object.entries(queries)) {
    const input = { UserPoolId: poolId, Limit: 60, ...(filter ? { Filter: filter } : {}) };
    const t0 = performance.now();
    let page = (await idp.call('ListUsers', input, ctx)) as { PaginationToken?: string };
    const firstMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      page = (await idp.call('ListUsers', { ...input, PaginationToken: page.PaginationToken }, ctx)) as { PaginationToken?: string };
      times.push(performance.now() - t);
      if (!page.PaginationToken) page = {};
    }
    pages[label] = { firstMs, medianMs: median(times) };
  }

  const creates = 2_000;
  const c0 = performance.now();
  for (let i = 0; i < creates; i++) {
    await idp.call('AdminCreateUser', { UserPoolId: poolId, Username: `new${i}`, UserAttributes: [{ Name: 'email', Value: `new${i}@example.com` }] }, ctx);
  }
  const adminCreateUserPerSecond = creates / ((performance.now() - c0) / 1000);
  return { users, seedMs, pages, adminCreateUserPerSecond };
}
