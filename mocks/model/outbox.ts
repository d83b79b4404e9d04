import type { Clock } from './clock';
import type { Random } from './random';
import type { OutboxMessage } from './types';

export interface OutboxFilter {
  /** recipient, compared case-insensitively (mail systems treat the domain that way) */
  to?: string;
  poolId?: string;
  username?: string;
  kind?: OutboxMessage['kind'];
  channel?: OutboxMessage['channel'];
  via?: OutboxMessage['via'];
}

/**
 * Every message the emulator "sent": verification codes, invitations and SES mail. Tests and the
 * /_emulator/messages endpoint read codes from here the way a person reads their inbox.
 */
export class Outbox {
  private messages: OutboxMessage[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  push(message: Omit<OutboxMessage, 'id' | 'sentAt'>): OutboxMessage {
    const stored: OutboxMessage = {
      ...dropUndefined(message),
      id: this.random.uuid(),
      sentAt: new Date(this.clock.now()).toISOString(),
    };
    this.messages.push(stored);
    return stored;
  }

  /** Oldest first, as they were sent. */
  list(filter: OutboxFilter = {}): OutboxMessage[] {
    const to = filter.to?.toLowerCase();
    return this.messages.filter(
      (m) =>
        (to === undefined || m.to.toLowerCase() === to) &&
        (filter.poolId === undefined || m.poolId === filter.poolId) &&
        (filter.username === undefined || m.username === filter.username) &&
        (filter.kind === undefined || m.kind === filter.kind) &&
        (filter.channel === undefined || m.channel === filter.channel) &&
        (filter.via === undefined || m.via === filter.via),
    );
  }

  /** The most recent message matching the filter — usually the code a test needs next. */
  latest(filter: OutboxFilter = {}): OutboxMessage | undefined {
    return this.list(filter).at(-1);
  }

  get size(): number {
    return this.messages.length;
  }

  clear(): void {
    this.messages = [];
  }

  toJSON(): OutboxMessage[] {
    return this.messages.map((m) => ({ ...m }));
  }

  static fromJSON(data: unknown, clock: Clock, random: Random): Outbox {
    const outbox = new Outbox(clock, random);
    if (Array.isArray(data)) outbox.messages = data.map((m) => ({ ...(m as OutboxMessage) }));
    return outbox;
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
