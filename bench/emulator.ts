import { AdminCreateUserCommand, CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulatorServer } from '../mocks/hosts/server';
import { Emulator } from '../mocks/model/emulator';
import type { CallContext } from '../mocks/model/types';
import '../mocks/seed';
import { DEMO } from '../mocks/seed/demo';
import { median, ms, perSecond, printTable, timeIt } from './report';

const ROOT: CallContext = { region: 'us-east-1', principal: { kind: 'root', accessKeyId: 'test' } };
/** cognito-local 3.x, AdminCreateUser in the same sequential SDK loop at 1 500–2 000 users (issue 2). */
const COGNITO_LOCAL_PER_SECOND = 50;

async function seedTime(users: number) {
  const { seconds, value: emulator } = await timeIt(async () => {
    const e = new Emulator({ seed: 'demo', users, quotas: false });
    await e.ready;
    return e;
  });
  return { seconds, emulator };
}

async function listUsersPageTimes(emulator: Emulator) {
  const call = (input: Record<string, unknown>) => emulator.idp.call('ListUsers', { UserPoolId: DEMO.poolId, ...input }, ROOT);
  const sample = async (input: Record<string, unknown>, runs = 30) => {
    await call(input); // warm
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await timeIt(() => call(input))).seconds * 1000);
    return median(times);
  };
  // A page deep in the listing: follow tokens 200 pages in, then time the next page.
  let token: string | undefined;
  for (let i = 0; i < 200; i++) token = ((await call({ Limit: 60, PaginationToken: token })) as { PaginationToken?: string }).PaginationToken;
  return [
    ['first page, no filter', await sample({ Limit: 60 })],
    ['page 201, no filter', await sample({ Limit: 60, PaginationToken: token })],
    ['email ^= "olivia" (prefix)', await sample({ Limit: 60, Filter: 'email ^= "olivia"' })],
    ['email = one user (exact)', await sample({ Limit: 60, Filter: 'email = "user@example.com"' })],
    ['cognito:user_status = "UNCONFIRMED"', await sample({ Limit: 60, Filter: 'cognito:user_status = "UNCONFIRMED"' })],
    ['given_name ^= "zz" (no match)', await sample({ Limit: 60, Filter: 'given_name ^= "zz"' })],
  ] as const;
}

async function adminCreateInProcess(count: number) {
  const emulator = new Emulator({ seed: 'empty', quotas: false });
  await emulator.ready;
  const pool = (await emulator.idp.call('CreateUserPool', { PoolName: 'bench' }, ROOT)) as { UserPool: { Id: string } };
  const { seconds } = await timeIt(async () => {
    for (let i = 0; i < count; i++) {
      await emulator.idp.call('AdminCreateUser', createInput(pool.UserPool.Id, i), ROOT);
    }
  });
  return count / seconds;
}

function createInput(poolId: string, i: number) {
  return {
    UserPoolId: poolId,
    Username: `user${i}`,
    MessageAction: 'SUPPRESS',
    TemporaryPassword: 'Passw0rd!Passw0rd',
    UserAttributes: [{ Name: 'email', Value: `user${i}@example.com` }],
  };
}

/** The loop cognito-local was measured with: one SDK client, one AdminCreateUser at a time. */
async function adminCreateOverHttp(count: number) {
  const server = await startEmulatorServer({ port: 0, seed: 'empty', quotas: false });
  try {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'bench' }));
    const poolId = pool.UserPool!.Id!;
    const windows: number[] = [];
    let last = performance.now();
    for (let i = 0; i < count; i++) {
      await client.send(new AdminCreateUserCommand(createInput(poolId, i) as never));
      if ((i + 1) % 500 === 0) {
        const now = performance.now();
        windows.push(500 / ((now - last) / 1000));
        last = now;
      }
    }
    client.destroy();
    return windows;
  } finally {
    await server.close();
  }
}

export async function benchEmulator() {
  console.log('\n## Emulator\n');
  const seeded = await seedTime(100_000);
  const pages = await listUsersPageTimes(seeded.emulator);
  const inProcess = await adminCreateInProcess(20_000);
  const http = await adminCreateOverHttp(2_000);
  const atTwoThousand = http[http.length - 1]!;
  printTable(
    ['measure', 'figure', 'target / comparison'],
    [
      ['seed: demo pool + 100 000 users', `${seeded.seconds.toFixed(2)} s`, '"in seconds"'],
      ...pages.map(([name, t]) => [`ListUsers at 100 000 users: ${name}`, ms(t), t < 5 ? 'under 5 ms ✓' : 'over 5 ms ✗']),
      ['AdminCreateUser in-process (20 000 users, quotas off)', perSecond(inProcess), ''],
      ['AdminCreateUser over HTTP, 1 500–2 000 users (quotas off)', perSecond(atTwoThousand), `${(atTwoThousand / COGNITO_LOCAL_PER_SECOND).toFixed(1)}× cognito-local's ~${COGNITO_LOCAL_PER_SECOND}/s (target ≥ 10×)`],
    ],
  );
  console.log(`\nover HTTP by 500-user windows: ${http.map((r) => r.toFixed(0)).join(', ')} users/s`);
}
