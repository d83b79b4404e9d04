/**
 * One streaming load of the users matching a server filter, as an external store the table
 * subscribes to. Pages are batched into the table at an interval that grows with the row count,
 * so 100 000 users arrive without re-rendering 1 667 times. It can be cancelled and resumed (from
 * the loader's checkpoint: no user lost or repeated), and patched in place when an action changes
 * a user, so a bulk run or the user page never forces a reload of the whole pool.
 */
import { toAppError, type AppError } from '@/aws/errors';
import { ListInterruptedError, type ListCheckpoint, type ListProgress, type ListResult } from '@/aws/partitioned-list';
import type { ListUsersOptions } from '@/aws/users';
import { userKey, type AppUser, type UserStatus } from '@/aws/user-types';
import type { StatusCounts } from '../model/derive-view';
import { toUserRow, type UserRow } from '../model/user-row';

export type LoadStatus = 'loading' | 'done' | 'failed' | 'cancelled';

export interface UsersLoadSnapshot {
  rows: readonly UserRow[];
  status: LoadStatus;
  progress?: ListProgress;
  error?: AppError;
  /** true once group membership is joined into the rows */
  groupsKnown: boolean;
  /** changes when rows are changed or replaced in place; unchanged while rows are only appended */
  revision: number;
  /** by status and enabled, kept up to date as rows arrive and change (no 100 000-row recount) */
  counts: StatusCounts;
}

const emptyCounts = (): StatusCounts => ({ total: 0, byStatus: {}, enabled: 0, disabled: 0 });

function count(counts: StatusCounts, user: AppUser, delta: 1 | -1): void {
  counts.total += delta;
  counts.byStatus[user.status] = (counts.byStatus[user.status] ?? 0) + delta;
  if (user.enabled) counts.enabled += delta;
  else counts.disabled += delta;
}

export type UserChange =
  | {
      type: 'patch';
      enabled?: boolean;
      status?: UserStatus;
      addGroup?: string;
      removeGroup?: string;
      /** the user as freshly read (e.g. by the user page) */
      user?: AppUser;
      /** the user's groups as freshly read */
      groups?: readonly string[];
    }
  | { type: 'deleted' };

export interface UsersLoadDeps {
  /** starts the listing (src/aws/users.ts listUsers bound to a context) */
  list: (options: ListUsersOptions) => Promise<ListResult>;
  filter?: string;
  /** EstimatedNumberOfUsers, fetched before the first page (decides partitioning) */
  estimate?: () => Promise<number | undefined>;
  /** ms between batches for a table of `rows` rows */
  flushInterval?: (rows: number) => number;
}

// Each batch re-renders the view of every loaded row: rarer as the table grows.
const defaultInterval = (rows: number) => (rows < 5_000 ? 100 : rows < 20_000 ? 300 : rows < 50_000 ? 600 : 1000);

export class UsersLoad {
  private rows: UserRow[] = [];
  private readonly index = new Map<string, number>();
  private pending: AppUser[] = [];
  private membership: Map<string, string[]> | undefined;
  private snapshot: UsersLoadSnapshot = { rows: [], status: 'loading', groupsKnown: false, revision: 0, counts: emptyCounts() };
  private counts = emptyCounts();
  private revision = 0;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;
  private checkpoint: ListCheckpoint | undefined;
  private progress: ListProgress | undefined;
  private status: LoadStatus = 'loading';
  private error: AppError | undefined;
  private disposed = false;
  private estimated: number | undefined;
  private run: Promise<void> | undefined;
  private paused = false;
  private restartWhenStopped = false;

  constructor(private readonly deps: UsersLoadDeps) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): UsersLoadSnapshot => this.snapshot;

  get filter(): string | undefined {
    return this.deps.filter;
  }

  /** Starts (or, after a cancel or failure, resumes) the listing. Resolves when it stops. */
  start(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.run && this.status === 'loading') return this.run;
    this.status = 'loading';
    this.error = undefined;
    this.publish();
    const controller = new AbortController();
    this.controller = controller;
    this.run = this.execute(controller).finally(() => {
      if (this.controller === controller) this.controller = undefined;
    });
    return this.run;
  }

  private async execute(controller: AbortController): Promise<void> {
    try {
      if (this.estimated === undefined && this.deps.estimate) {
        this.estimated = await this.deps.estimate().catch(() => undefined);
      }
      await this.deps.list({
        filter: this.deps.filter,
        estimatedTotal: this.estimated,
        resume: this.checkpoint,
        signal: controller.signal,
        onUsers: (users) => this.enqueue(users),
        onProgress: (progress) => {
          this.progress = progress;
          this.schedule();
        },
      });
      this.checkpoint = undefined;
      this.status = 'done';
    } catch (error) {
      if (error instanceof ListInterruptedError) {
        this.checkpoint = error.checkpoint;
        this.progress = error.checkpoint.progress;
        this.status = error.reason === 'cancelled' ? 'cancelled' : 'failed';
        if (error.reason === 'failed') this.error = toAppError(error.cause);
      } else {
        this.status = controller.signal.aborted ? 'cancelled' : 'failed';
        if (!controller.signal.aborted) this.error = toAppError(error);
      }
    }
    if (!this.disposed) this.flush();
    if (this.restartWhenStopped && !this.disposed) {
      this.restartWhenStopped = false;
      queueMicrotask(() => void this.start());
    }
  }

  /**
   * Stops loading while nobody looks at this list (another search is on screen), so a background
   * load does not spend the quota the visible one needs. `resumeIfPaused` carries on.
   */
  pause(): void {
    if (this.status !== 'loading' || !this.controller) return;
    this.paused = true;
    this.controller.abort();
  }

  resumeIfPaused(): void {
    if (!this.paused) return;
    this.paused = false;
    // The pause may not have landed yet: restart once the aborted run has stopped.
    if (this.status === 'loading' && this.run) this.restartWhenStopped = true;
    else void this.start();
  }

  /** Stops loading; what arrived stays, and `start()` carries on from there. */
  cancel(): void {
    this.controller?.abort();
  }

  /** Stops everything for good (the cache dropped this load). */
  dispose(): void {
    this.disposed = true;
    this.controller?.abort();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.listeners.clear();
  }

  /** The row key of a username in this load, if loaded. */
  findKey(username: string): string | undefined {
    for (const row of this.rows) if (row.user.username === username) return row.key;
    return undefined;
  }

  /** Joins group membership (username → groups) into every row, and into rows still to come. */
  setMembership(membership: Map<string, string[]> | undefined): void {
    if (membership === this.membership) return;
    this.membership = membership;
    this.rows = this.rows.map((row) => toUserRow(row.user, this.groupsOf(row.user.username)));
    this.revision += 1;
    this.publish();
  }

  /** Applies what actions changed, in one batch. */
  applyChanges(changes: Iterable<readonly [key: string, change: UserChange]>): void {
    let rows = this.rows;
    let deleted = false;
    let copied = false;
    for (const [key, change] of changes) {
      const at = this.index.get(key);
      if (at === undefined) continue;
      if (!copied) {
        rows = rows.slice();
        copied = true;
      }
      const row = rows[at];
      if (!row) continue;
      if (change.type === 'deleted') {
        count(this.counts, row.user, -1);
        // Marked now, removed below in one pass.
        rows[at] = undefined as unknown as UserRow;
        this.index.delete(key);
        deleted = true;
        continue;
      }
      const base = change.user ?? row.user;
      const user: AppUser = {
        ...base,
        ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
        ...(change.status !== undefined ? { status: change.status } : {}),
      };
      let groups = change.groups ? [...change.groups] : row.groups;
      if (change.addGroup && groups && !groups.includes(change.addGroup)) groups = [...groups, change.addGroup].sort((a, b) => a.localeCompare(b));
      if (change.removeGroup && groups) groups = groups.filter((g) => g !== change.removeGroup);
      if (change.addGroup || change.removeGroup || change.groups) this.updateMembership(user.username, groups);
      count(this.counts, row.user, -1);
      count(this.counts, user, 1);
      rows[at] = toUserRow(user, groups);
    }
    if (!copied) return;
    if (deleted) {
      rows = rows.filter((row) => row !== undefined);
      this.reindex(rows);
    }
    this.rows = rows;
    this.revision += 1;
    this.publish();
  }

  private updateMembership(username: string, groups: readonly string[] | undefined) {
    if (!this.membership || !groups) return;
    this.membership.set(username, [...groups]);
  }

  private enqueue(users: AppUser[]): void {
    for (const user of users) this.pending.push(user);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.disposed) return;
    // The first users go on screen at once; then batches at an interval that grows with the table.
    const delay = this.rows.length === 0 && this.pending.length > 0 ? 0 : (this.deps.flushInterval ?? defaultInterval)(this.rows.length);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, delay);
  }

  private flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.length > 0) {
      const incoming = this.pending;
      this.pending = [];
      const rows = this.rows.slice();
      for (const user of incoming) {
        const key = userKey(user);
        const existing = this.index.get(key);
        const row = toUserRow(user, this.groupsOf(user.username));
        if (existing !== undefined) {
          count(this.counts, rows[existing]!.user, -1);
          rows[existing] = row;
          this.revision += 1;
        } else {
          this.index.set(key, rows.length);
          rows.push(row);
        }
        count(this.counts, user, 1);
      }
      this.rows = rows;
    }
    this.publish();
  }

  /** Once membership is known, a user in no group has none (not "unknown"). */
  private groupsOf(username: string): readonly string[] | undefined {
    return this.membership ? (this.membership.get(username) ?? []) : undefined;
  }

  private reindex(rows: readonly UserRow[]) {
    this.index.clear();
    rows.forEach((row, i) => this.index.set(row.key, i));
  }

  private publish(): void {
    this.snapshot = {
      rows: this.rows,
      status: this.status,
      progress: this.progress,
      error: this.error,
      groupsKnown: this.membership !== undefined,
      revision: this.revision,
      counts: { ...this.counts, byStatus: { ...this.counts.byStatus } },
    };
    for (const listener of this.listeners) listener();
  }
}
