import { describe, expect, it } from 'vitest';
import { sendBudget, summariseBacklog } from './backlog';
import { isExhausted } from './backlog-run';
import { binPoints, estimateRate, BOUNCE_THRESHOLDS, COMPLAINT_THRESHOLDS, totalsOf } from './health';
import { quotaDayStart, SentLog, type StorageLike } from './sent-log';
import type { AppUser } from '@/aws/user-types';

const H = 3600_000;
const now = Date.UTC(2026, 10, 30, 10, 20);

describe('binPoints', () => {
  it('covers the whole range with UTC-aligned bins and drops points outside it', () => {
    const points = [
      { at: now - 25 * H, deliveryAttempts: 9, bounces: 9, complaints: 0, rejects: 0 },
      { at: now - 23.5 * H, deliveryAttempts: 2, bounces: 1, complaints: 0, rejects: 0 },
      { at: now - 10 * 60_000, deliveryAttempts: 3, bounces: 0, complaints: 1, rejects: 1 },
    ];
    const bins = binPoints(points, '24h', now);
    expect(bins).toHaveLength(25);
    expect(bins[0]!.start).toBe(Date.UTC(2026, 10, 29, 10));
    expect(bins.at(-1)!.start).toBe(Date.UTC(2026, 10, 30, 10));
    expect(totalsOf(bins)).toEqual({ deliveryAttempts: 5, bounces: 1, complaints: 1, rejects: 1 });
  });
});

describe('estimateRate', () => {
  it('places a rate against the review and pause levels', () => {
    expect(estimateRate(0, 0, BOUNCE_THRESHOLDS)).toEqual({ level: 'none' });
    expect(estimateRate(4, 100, BOUNCE_THRESHOLDS).level).toBe('ok');
    expect(estimateRate(5, 100, BOUNCE_THRESHOLDS).level).toBe('review');
    expect(estimateRate(10, 100, BOUNCE_THRESHOLDS).level).toBe('pause');
    expect(estimateRate(1, 1000, COMPLAINT_THRESHOLDS).level).toBe('review');
    expect(estimateRate(5, 1000, COMPLAINT_THRESHOLDS).level).toBe('pause');
  });
});

describe('sendBudget', () => {
  it('is what the quota has left minus the reserve, never negative', () => {
    const quota = { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 190 };
    expect(sendBudget({ sendingAccount: 'DEVELOPER', quota, defaultSentToday: 0 }, 4)).toMatchObject({ left: 10, sendable: 6 });
    expect(sendBudget({ sendingAccount: 'DEVELOPER', quota, defaultSentToday: 0 }, 40)).toMatchObject({ left: 10, sendable: 0 });
    expect(sendBudget({ sendingAccount: 'DEVELOPER', quota: { ...quota, max24HourSend: -1 }, defaultSentToday: 0 }, 4)!.sendable).toBe(Infinity);
    expect(sendBudget({ sendingAccount: 'DEVELOPER', defaultSentToday: 0 }, 4)).toBeUndefined();
    expect(sendBudget({ sendingAccount: 'COGNITO_DEFAULT', defaultSentToday: 45 }, 2)).toMatchObject({ left: 5, sendable: 3 });
  });
});

describe('summariseBacklog', () => {
  it('finds the oldest and counts sign-ups past the 24-hour code lifetime', () => {
    const user = (name: string, hoursAgo: number) => ({ username: name, createdAt: new Date(now - hoursAgo * H) }) as AppUser;
    const summary = summariseBacklog([user('a', 2), user('b', 30), user('c', 200)], now);
    expect(summary).toMatchObject({ count: 3, expired: 2 });
    expect(summary.oldest?.username).toBe('c');
  });
});

describe('isExhausted', () => {
  it('stops a run on refusals every user would meet, not on per-user ones', () => {
    expect(isExhausted({ code: 'CodeDeliveryFailureException', message: 'x', detail: 'Daily message quota exceeded.' })).toBe(true);
    expect(isExhausted({ code: 'LimitExceededException', message: 'x', detail: 'Exceeded daily email limit for the operation or the account.' })).toBe(true);
    expect(isExhausted({ code: 'CodeDeliveryFailureException', message: 'x', detail: 'Email sending is disabled for this account.' })).toBe(true);
    expect(isExhausted({ code: 'LimitExceededException', message: 'x', detail: 'Attempt limit exceeded, please try after some time.' })).toBe(false);
    expect(isExhausted({ code: 'CodeDeliveryFailureException', message: 'x', detail: 'Email address is not verified.' })).toBe(false);
  });
});

describe('SentLog', () => {
  function memoryStorage(): StorageLike & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  }

  it('counts per pool and per quota day starting 09:00 UTC, storing a number and never a username', () => {
    let clock = Date.UTC(2026, 10, 30, 8, 30);
    const storage = memoryStorage();
    const log = new SentLog(storage, () => clock);
    log.recordSend('pool-a', 'jane@example.com');
    log.recordSend('pool-a', 'jane@example.com');
    log.recordSend('pool-b', 'joe@example.com');
    expect(log.sentToday('pool-a')).toBe(2);
    expect(log.resendsLastHour('pool-a', 'jane@example.com')).toBe(2);
    expect([...storage.data.values()].join()).not.toMatch(/jane|joe/);
    clock = Date.UTC(2026, 10, 30, 9, 0);
    expect(log.sentToday('pool-a')).toBe(0);
    expect(quotaDayStart(Date.UTC(2026, 10, 30, 8, 59))).toBe(Date.UTC(2026, 10, 29, 9));
    clock += 3601_000;
    expect(log.resendsLastHour('pool-a', 'jane@example.com')).toBe(0);
  });
});
