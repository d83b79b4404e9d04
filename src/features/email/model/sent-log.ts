/**
 * What this dashboard itself sent, since AWS exposes no counter for Cognito's default sender.
 * Per pool and quota day (the default sender's count starts again at 09:00 UTC), only a number is
 * stored (localStorage): never an address or a username. Resends per user, for the 5-an-hour
 * limit, stay in this tab's memory only.
 */

const DAY_MS = 24 * 3600 * 1000;
const RESET_MS = 9 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
const KEY = 'poolkeeper.email.sent-today.v1';

/** Start (ms) of the default sender's quota day containing `now`: the last 09:00 UTC. */
export function quotaDayStart(now: number): number {
  return Math.floor((now - RESET_MS) / DAY_MS) * DAY_MS + RESET_MS;
}

type Counts = Record<string, { day: number; count: number }>;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: the count lasts as long as the tab
  }
}

export class SentLog {
  private memory: Counts = {};
  private readonly resends = new Map<string, number[]>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: StorageLike | undefined = defaultStorage(),
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Emails this dashboard sent through the pool since the last 09:00 UTC. */
  sentToday(poolId: string): number {
    const entry = this.read()[poolId];
    return entry && entry.day === quotaDayStart(this.now()) ? entry.count : 0;
  }

  /** Records one email sent for `username` (the count is stored, the name only kept in memory). */
  recordSend(poolId: string, username: string, countTowardsDay = true): void {
    const now = this.now();
    if (countTowardsDay) {
      const counts = this.read();
      const day = quotaDayStart(now);
      const entry = counts[poolId];
      counts[poolId] = { day, count: entry && entry.day === day ? entry.count + 1 : 1 };
      this.write(counts);
    }
    const key = `${poolId}\n${username}`;
    this.resends.set(key, [...this.recentTimes(key, now), now]);
    for (const listener of this.listeners) listener();
  }

  /** Forgets the per-user resends this tab remembers (the stored daily counts stay). */
  forgetResends(): void {
    this.resends.clear();
    for (const listener of this.listeners) listener();
  }

  /** For useSyncExternalStore: called after every recorded send. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Cognito answered that the user's hourly resends are used up (also by sends this tab did not make). */
  markLimitReached(poolId: string, username: string, limit: number): void {
    const key = `${poolId}\n${username}`;
    const now = this.now();
    const recent = this.recentTimes(key, now);
    this.resends.set(key, [...Array.from({ length: Math.max(0, limit - recent.length) }, () => now), ...recent]);
    for (const listener of this.listeners) listener();
  }

  /** Codes this tab sent to the user in the last hour. */
  resendsLastHour(poolId: string, username: string): number {
    return this.recentTimes(`${poolId}\n${username}`, this.now()).length;
  }

  private recentTimes(key: string, now: number): number[] {
    return (this.resends.get(key) ?? []).filter((at) => at > now - HOUR_MS);
  }

  private read(): Counts {
    if (!this.storage) return this.memory;
    try {
      const parsed = JSON.parse(this.storage.getItem(KEY) ?? '{}') as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Counts) : {};
    } catch {
      return {};
    }
  }

  private write(counts: Counts): void {
    // Only today's entries are kept; older days would only grow the stored value.
    const today = quotaDayStart(this.now());
    const kept = Object.fromEntries(Object.entries(counts).filter(([, v]) => v && v.day === today));
    if (!this.storage) {
      this.memory = kept;
      return;
    }
    try {
      this.storage.setItem(KEY, JSON.stringify(kept));
    } catch {
      this.memory = kept;
    }
  }
}

/** The tab's one log, shared by the lookup's resend and the backlog run. */
export const sentLog = new SentLog();
