/**
 * Listing a 20 000-user pool at the quota's speed: sequential ListUsers paging versus the
 * partitioned loader, against the emulator with its default quotas (UserList 30/s) and 100 ms of
 * latency per call, beside the quota bound (users / 60 per call / 30 calls a second).
 *
 * Runs the dashboard's own code (src/aws/users.ts → partitioned-list.ts → rate-limiter.ts) with
 * the real SDK client against the emulator's Node host (msw answering the real AWS hostnames).
 *
 *   npx tsx bench/users-list.ts            (or through `npm run bench`)
 *   BENCH_USERS=5000 npx tsx bench/users-list.ts
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createNodeEmulator } from '../mocks/hosts/node';
import { DEMO } from '../mocks/seed/demo';
import { RateLimiter } from '../src/aws/rate-limiter';
import { describeUserListing, listUsers } from '../src/aws/users';

export interface UsersListFigures {
  users: number;
  latencyMs: number;
  quotaPerSecond: number;
  boundSeconds: number;
  sequential: { seconds: number; calls: number; throttled: number; users: number };
  partitioned: { seconds: number; calls: number; throttled: number; users: number; split: number };
  ratioToBound: number;
  targetRatio: number;
}

const PAGE = 60;

export async function benchUsersList(options: { users?: number; latencyMs?: number; print?: boolean } = {}): Promise<UsersListFigures> {
  const generated = options.users ?? Number(process.env.BENCH_USERS ?? 20_000);
  const latencyMs = options.latencyMs ?? 100;
  const print = options.print ?? true;
  const host = createNodeEmulator({ seed: 'demo', users: generated, quotas: true, latencyMs, onUnhandledRequest: 'error' });
  host.listen();
  try {
    await host.ready;
    const idp = new CognitoIdentityProviderClient({ region: DEMO.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    const ctx = { idp, userPoolId: DEMO.userPoolId };
    const listing = await describeUserListing(ctx, { limiter: new RateLimiter() });
    const total = listing.estimatedUsers ?? generated;
    const quota = new RateLimiter().quota('UserList');
    const boundSeconds = total / PAGE / quota;

    const run = async (mode: 'sequential' | 'partitioned') => {
      // A fresh limiter per run, and a second's pause so the emulator's bucket is full again.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const limiter = new RateLimiter();
      const seen = new Set<string>();
      const started = performance.now();
      const result = await listUsers(ctx, {
        limiter,
        mode,
        estimatedTotal: total,
        onUsers: (users) => users.forEach((u) => seen.add(u.sub)),
      });
      const seconds = (performance.now() - started) / 1000;
      return { seconds, calls: limiter.stats('UserList').calls, throttled: result.progress.throttled, users: seen.size, split: result.progress.partitionsSplit };
    };

    if (print) console.log(`users-list: ${total.toLocaleString()} users, ${latencyMs} ms latency, UserList quota ${quota}/s → bound ${boundSeconds.toFixed(1)} s`);
    const sequential = await run('sequential');
    if (print) console.log(`  sequential paging : ${sequential.seconds.toFixed(1)} s, ${sequential.calls} calls, ${sequential.throttled} throttled, ${sequential.users} users`);
    const partitioned = await run('partitioned');
    const ratioToBound = partitioned.seconds / boundSeconds;
    if (print) {
      console.log(
        `  partitioned       : ${partitioned.seconds.toFixed(1)} s, ${partitioned.calls} calls, ${partitioned.throttled} throttled, ${partitioned.users} users, ${partitioned.split} partitions split`,
      );
      console.log(`  partitioned / bound = ${ratioToBound.toFixed(2)}× (target ≤ 1.3×); ${(sequential.seconds / partitioned.seconds).toFixed(1)}× faster than sequential`);
    }
    if (sequential.users !== total || partitioned.users !== total) {
      throw new Error(`users-list bench lost users: expected ${total}, sequential ${sequential.users}, partitioned ${partitioned.users}`);
    }
    return {
      users: total,
      latencyMs,
      quotaPerSecond: quota,
      boundSeconds,
      sequential: { seconds: sequential.seconds, calls: sequential.calls, throttled: sequential.throttled, users: sequential.users },
      partitioned,
      ratioToBound,
      targetRatio: 1.3,
    };
  } finally {
    host.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchUsersList().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
