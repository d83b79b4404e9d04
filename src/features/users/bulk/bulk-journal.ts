/**
 * A bulk run's journal in sessionStorage, so a reload in the middle of a run loses nothing: what
 * was done, skipped or failed is shown again, and the rest can be resumed without applying
 * anything twice. Kept apart from the runner (bulk-runner.ts), which knows nothing of storage.
 *
 * What is written: the action, the users it was asked for (only what the actions need), each
 * user's result as it arrives, and which users had a request under way. A user whose request was
 * under way when the page went away may or may not have been changed: after a reload they are
 * resumed only for actions that are safe to repeat; for a resend they are reported as unknown.
 *
 * sessionStorage is per tab and holds no secrets here (user names, emails, outcomes), like the
 * screen itself. Writes are batched (every WRITE_MS) and forced when the page is hidden or
 * unloaded, and for actions that must not repeat, before each request is sent.
 */
import { z } from 'zod';
import { isUserStatus, type AppUser, type UserStatus } from '@/aws/user-types';
import type { BulkActionKind } from './bulk-actions';
import type { BulkItem, BulkResult } from '@/lib/bulk-runner';

const WRITE_MS = 400;
const keyFor = (poolId: string) => `poolkeeper:bulk-run:v1:${poolId}`;

export interface JournalUser {
  key: string;
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  email?: string;
  groups?: string[];
}

export interface JournalState {
  kind: BulkActionKind;
  group?: string;
  startedAt: number;
  /** the run ended (finished or cancelled) rather than being cut off */
  ended: boolean;
  users: JournalUser[];
  results: BulkResult[];
  /** keys whose request was sent and not yet answered */
  inFlight: string[];
}

const resultSchema = z.object({
  key: z.string(),
  username: z.string(),
  email: z.string().optional(),
  outcome: z.enum(['done', 'skipped', 'failed', 'not-run']),
  message: z.string(),
  code: z.string().optional(),
});
const schema = z.object({
  v: z.literal(1),
  kind: z.enum(['resend-code', 'confirm', 'enable', 'disable', 'add-to-group', 'remove-from-group', 'sign-out', 'delete']),
  group: z.string().optional(),
  startedAt: z.number(),
  ended: z.boolean(),
  users: z.array(
    z.object({
      key: z.string(),
      username: z.string(),
      sub: z.string(),
      status: z.string().refine(isUserStatus),
      enabled: z.boolean(),
      email: z.string().optional(),
      groups: z.array(z.string()).optional(),
    }),
  ),
  results: z.array(resultSchema),
  inFlight: z.array(z.string()),
});

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function journalUser(item: BulkItem): JournalUser {
  const { email } = item.user.attributes;
  return {
    key: item.key,
    username: item.user.username,
    sub: item.user.sub,
    status: item.user.status,
    enabled: item.user.enabled,
    ...(email ? { email } : {}),
    ...(item.groups ? { groups: [...item.groups] } : {}),
  };
}

/** A user as the actions need them, rebuilt from the journal (used when the list no longer has them). */
export function itemFromJournal(user: JournalUser): BulkItem {
  // Dates are not kept: no action reads them.
  const appUser: AppUser = {
    username: user.username,
    sub: user.sub,
    status: user.status,
    enabled: user.enabled,
    createdAt: new Date(NaN),
    modifiedAt: new Date(NaN),
    attributes: { sub: user.sub, ...(user.email ? { email: user.email } : {}) },
  };
  return { key: user.key, user: appUser, groups: user.groups };
}

export function readJournal(storage: Store | undefined, poolId: string): JournalState | undefined {
  try {
    const raw = storage?.getItem(keyFor(poolId));
    if (!raw) return undefined;
    const parsed = schema.safeParse(JSON.parse(raw));
    if (!parsed.success) return undefined;
    const { v: _v, ...state } = parsed.data;
    return state as JournalState;
  } catch {
    return undefined;
  }
}

export function clearJournal(storage: Store | undefined, poolId: string): void {
  try {
    storage?.removeItem(keyFor(poolId));
  } catch {
    // storage blocked: nothing was kept either
  }
}

/**
 * After a reload: every user of the run with an outcome. Users with no result were never reached
 * ('not-run', resumable); users whose request was under way become 'not-run' when the action is
 * safe to repeat, and 'skipped' with the reason when it is not (a second code or invitation).
 */
export function recoveredResults(state: JournalState, repeatable: boolean): BulkResult[] {
  const byKey = new Map(state.results.map((r) => [r.key, r]));
  const inFlight = new Set(state.inFlight);
  return state.users.map((u) => {
    const known = byKey.get(u.key);
    if (known) return known;
    const base = { key: u.key, username: u.username, ...(u.email ? { email: u.email } : {}) };
    if (inFlight.has(u.key) && !repeatable) {
      return {
        ...base,
        outcome: 'skipped' as const,
        message: 'Unknown: the page was reloaded while this was being sent, so it may have gone. Check before sending again.',
      };
    }
    return {
      ...base,
      outcome: 'not-run' as const,
      message: inFlight.has(u.key) ? 'The page was reloaded while this was under way; resuming repeats it safely.' : 'Not reached before the page was reloaded.',
    };
  });
}

/** Writes one run's journal as it goes. */
export class BulkJournal {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly state: JournalState;
  private readonly inFlight = new Set<string>();
  private readonly onHide = () => this.flush();

  constructor(
    private readonly storage: Store | undefined,
    private readonly poolId: string,
    init: Omit<JournalState, 'ended' | 'inFlight'>,
  ) {
    this.state = { ...init, ended: false, inFlight: [] };
    globalThis.addEventListener?.('pagehide', this.onHide);
    globalThis.addEventListener?.('beforeunload', this.onHide);
    this.flush();
  }

  /** A request for this user is about to be sent; `now` writes before it goes. */
  started(key: string, now: boolean): void {
    this.inFlight.add(key);
    if (now) this.flush();
    else this.schedule();
  }

  result(result: BulkResult): void {
    this.inFlight.delete(result.key);
    const index = this.state.results.findIndex((r) => r.key === result.key);
    if (index >= 0) this.state.results[index] = result;
    else this.state.results.push(result);
    this.schedule();
  }

  /** The run ended on its own terms: the journal now only keeps the results to show. */
  end(results: readonly BulkResult[]): void {
    this.state.results = [...results];
    this.state.ended = true;
    this.inFlight.clear();
    this.flush();
    this.dispose();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    globalThis.removeEventListener?.('pagehide', this.onHide);
    globalThis.removeEventListener?.('beforeunload', this.onHide);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      this.storage?.setItem(keyFor(this.poolId), JSON.stringify({ v: 1, ...this.state, inFlight: [...this.inFlight] }));
    } catch {
      // Storage full or blocked: the run goes on; only a reload would lose its list.
    }
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), WRITE_MS);
  }
}

export const sessionStore = (): Store | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};
