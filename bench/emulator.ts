import { AdminCreateUserCommand, CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulatorServer } from '../mocks/hosts/server';
import { Emulator } from '../mocks/model/emulator';
import type { CallContext } from '../mocks/model/types';
import '../mocks/seed';
import { DEMO } from '../mocks/seed/demo';
import { startCognitoLocal } from './cognito-local';
import { startFloorServer } from './floor-server';
import { median, ms, perSecond, printTable, timeIt } from './report';

const ROOT: CallContext = { region: 'us-east-1', principal: { kind: 'root', accessKeyId: 'test' } };

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
    // An email as the username: cognito-local's pools take nothing else by default, and ours take both.
    Username: `user${i}@example.com`,
    MessageAction: 'SUPPRESS',
    TemporaryPassword: 'Passw0rd!Passw0rd',
    UserAttributes: [{ Name: 'email', Value: `user${i}@example.com` }],
  };
}

const HTTP_USERS = 2_000;
const WARM_UP_CALLS = 300;
/** The target: the loop against the emulator at no less than this share of the floor's rate. */
const FLOOR_SHARE_TARGET = 0.6;

interface Endpoint {
  url: string;
  close: () => Promise<void>;
}

/**
 * The loop cognito-local was measured with: one SDK client per server, one AdminCreateUser at a
 * time, from an empty pool to `count` users. A warm-up pool comes first, so the JIT, the connection
 * and the signing-key cache are warm but the measured pool starts empty. On a shared machine the
 * load changes by the second, so the servers take turns request by request and each is timed only
 * over its own calls: every server meets the same conditions.
 */
async function adminCreateLoops(endpoints: Endpoint[], count: number): Promise<number[]> {
  const clients = endpoints.map(
    ({ url }) => new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
  );
  const create = (client: CognitoIdentityProviderClient, poolId: string, i: number) => client.send(new AdminCreateUserCommand(createInput(poolId, i) as never));
  const newPool = async (client: CognitoIdentityProviderClient, name: string) => (await client.send(new CreateUserPoolCommand({ PoolName: name }))).UserPool!.Id!;
  try {
    for (const client of clients) {
      const warm = await newPool(client, 'warm-up');
      for (let i = 0; i < WARM_UP_CALLS; i++) await create(client, warm, i);
    }
    const pools = await Promise.all(clients.map((client) => newPool(client, 'bench')));
    const spent = clients.map(() => 0);
    for (let i = 0; i < count; i++) {
      for (let c = 0; c < clients.length; c++) {
        const started = performance.now();
        await create(clients[c]!, pools[c]!, i);
        spent[c]! += performance.now() - started;
      }
    }
    return spent.map((ms) => count / (ms / 1000));
  } finally {
    for (const client of clients) client.destroy();
    await Promise.all(endpoints.map((e) => e.close()));
  }
}

/**
 * Ours and the do-nothing floor taking turns; then, when cognito-local is installed, a fresh
 * emulator and cognito-local taking turns (a call takes cognito-local some 20 ms, and taking turns
 * with it would leave the floor's and our caches cold, so it gets its own pairing).
 */
export async function adminCreateOverHttp(count: number) {
  const ours = await startEmulatorServer({ port: 0, seed: 'empty', quotas: false });
  const [floor, oursRate] = await adminCreateLoops([await startFloorServer(), ours], count);
  const local = await startCognitoLocal();
  const versusLocal = local ? await adminCreateLoops([await startEmulatorServer({ port: 0, seed: 'empty', quotas: false }), local], count) : undefined;
  return { floor: floor!, ours: oursRate!, cognitoLocal: versusLocal && { ours: versusLocal[0]!, theirs: versusLocal[1]! } };
}

export async function benchEmulator() {
  console.log('\n## Emulator\n');
  // Over HTTP first, while the heap holds no 100 000-user pool to slow the collector down.
  const http = await adminCreateOverHttp(HTTP_USERS);
  const seeded = await seedTime(100_000);
  const pages = await listUsersPageTimes(seeded.emulator);
  const inProcess = await adminCreateInProcess(20_000);
  const share = http.ours / http.floor;
  printTable(
    ['measure', 'figure', 'target / comparison'],
    [
      ['seed: demo pool + 100 000 users', `${seeded.seconds.toFixed(2)} s`, '"in seconds"'],
      ...pages.map(([name, t]) => [`ListUsers at 100 000 users: ${name}`, ms(t), t < 5 ? 'under 5 ms ✓' : 'over 5 ms ✗']),
      ['AdminCreateUser in-process (20 000 users, quotas off)', perSecond(inProcess), ''],
      [
        `AdminCreateUser over HTTP, empty pool → ${HTTP_USERS.toLocaleString('en-US')} users, one SDK client (quotas off)`,
        perSecond(http.ours),
        `${share.toFixed(2)} of the floor ${share >= FLOOR_SHARE_TARGET ? '✓' : '✗'} (target ≥ ${FLOOR_SHARE_TARGET})`,
      ],
      ['the same loop against a do-nothing HTTP server (the floor)', perSecond(http.floor), ''],
      [
        'the same loop against cognito-local (taking turns with a fresh emulator)',
        http.cognitoLocal === undefined ? 'not installed' : perSecond(http.cognitoLocal.theirs),
        http.cognitoLocal === undefined
          ? 'install cognito-local outside the repo (NODE_PATH) to compare'
          : `ours ${perSecond(http.cognitoLocal.ours)} meanwhile: ${(http.cognitoLocal.ours / http.cognitoLocal.theirs).toFixed(1)}× (target ≥ 10×)`,
      ],
    ],
  );
}
