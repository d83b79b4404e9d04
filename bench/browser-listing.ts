/**
 * The users page in Chromium, live mode, against the standalone server as a real pool behaves:
 * Cognito's default quotas (UserList 30 calls a second), 100 ms on every answer, 20 000 users. The
 * figure is the time from clicking "Users" until every user is loaded into the table, beside the
 * quota bound (users / 60 a call / 30 calls a second), the floor no client can beat.
 */
import type { Browser } from 'playwright-core';
import { startEmulatorServer } from '../mocks/hosts/server';
import type { CallContext } from '../mocks/model/types';
import { DEMO } from '../mocks/seed/demo';
import { RateLimiter } from '../src/aws/rate-limiter';
import { openLivePage, signInAsOperator } from './browser-page';
import { printTable } from './report';

const PAGE = 60;
const ROOT: CallContext = { region: DEMO.region, principal: { kind: 'root', accessKeyId: 'test' } };
const TARGET_RATIO = 1.15;

export interface LiveListingOptions {
  users?: number;
  latencyMs?: number;
}

export async function measureLiveListing(browser: Browser, appUrl: string, options: LiveListingOptions = {}): Promise<void> {
  const users = options.users ?? Number(process.env.BENCH_LISTING_USERS ?? 20_000);
  const latencyMs = options.latencyMs ?? 100;
  const server = await startEmulatorServer({ port: 0, host: '127.0.0.1', users, quotas: true, latencyMs });
  const live = await openLivePage(browser, server.url).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const { context, page, problems } = live;
  try {
    const described = (await server.emulator.idp.call('DescribeUserPool', { UserPoolId: DEMO.userPoolId }, ROOT)) as { UserPool: { EstimatedNumberOfUsers: number } };
    const total = described.UserPool.EstimatedNumberOfUsers;
    // Let the overview's own calls finish (networkidle, then a second), so the listing starts with full quota buckets.
    await signInAsOperator(page, appUrl);
    await page.waitForTimeout(1100);

    const clicked = performance.now();
    await page.getByRole('navigation').getByRole('link', { name: 'Users', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: /All [\d,]+ users loaded/ });
    await done.waitFor({ timeout: 5 * 60_000 });
    const seconds = (performance.now() - clicked) / 1000;
    const text = (await done.textContent()) ?? '';
    const loaded = Number((/All ([\d,]+) users/.exec(text)?.[1] ?? '0').replace(/,/g, ''));
    const own = /in ([\d.]+) s/.exec(text)?.[1];

    const quota = new RateLimiter().quota('UserList');
    const bound = loaded / PAGE / quota;
    const ratio = seconds / bound;
    console.log(`\nUsers page, live mode against the standalone server (--latency ${latencyMs}, quotas on, UserList ${quota}/s):\n`);
    printTable(
      ['measure', 'figure', 'bound / target'],
      [
        [
          `${loaded.toLocaleString('en-US')} users: from the Users click until every user is loaded in the table`,
          `${seconds.toFixed(1)} s`,
          `${ratio.toFixed(2)}× the quota bound of ${bound.toFixed(1)} s ${ratio <= TARGET_RATIO ? '✓' : '✗'} (target ≤ ${TARGET_RATIO}×)`,
        ],
        ['the same, as the page reports it (from its first ListUsers call)', own ? `${own} s` : '(not shown)', ''],
      ],
    );
    if (loaded !== total) problems.push(`the page loaded ${loaded} users of ${total}`);
    if (problems.length) console.log(`\nThe page reported problems (figures may be off):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  } finally {
    await context.close();
    await server.close();
  }
}
