/**
 * Sending health from GetSendStatistics: the 15-minute points summed into the bins the chart and
 * its table show, totals over the chosen range, and bounce and complaint rates beside the levels
 * at which AWS reviews (5 % / 0.1 %) or may pause (10 % / 0.5 %) an account. The rates are only an
 * estimate: AWS computes its own from hard bounces to unverified recipients over a representative
 * volume (CloudWatch Reputation.BounceRate / ComplaintRate), which GetSendStatistics cannot give.
 */
import type { SendPoint } from '@/aws/email';

const HOUR = 3600_000;

export type HealthRange = '24h' | '7d' | '14d';

export const RANGES: Readonly<Record<HealthRange, { label: string; spanMs: number; binMs: number; binLabel: string }>> = {
  '24h': { label: '24 hours', spanMs: 24 * HOUR, binMs: HOUR, binLabel: 'per hour' },
  '7d': { label: '7 days', spanMs: 7 * 24 * HOUR, binMs: 6 * HOUR, binLabel: 'per 6 hours' },
  '14d': { label: '14 days', spanMs: 14 * 24 * HOUR, binMs: 12 * HOUR, binLabel: 'per 12 hours' },
};

export interface HealthBin {
  start: number;
  end: number;
  deliveryAttempts: number;
  bounces: number;
  complaints: number;
  rejects: number;
}

export type Totals = Omit<HealthBin, 'start' | 'end'>;

/**
 * The range cut into equal bins aligned to UTC: the first holds `now - span` (so a point of the
 * whole range is never left out), the last holds `now`; the two ends are partial.
 */
export function binPoints(points: readonly SendPoint[], range: HealthRange, now: number): HealthBin[] {
  const { spanMs, binMs } = RANGES[range];
  const first = Math.floor((now - spanMs) / binMs) * binMs;
  const count = Math.floor((now - first) / binMs) + 1;
  const bins: HealthBin[] = Array.from({ length: count }, (_, i) => ({
    start: first + i * binMs,
    end: first + (i + 1) * binMs,
    deliveryAttempts: 0,
    bounces: 0,
    complaints: 0,
    rejects: 0,
  }));
  for (const p of points) {
    const index = Math.floor((p.at - first) / binMs);
    const bin = bins[index];
    if (!bin) continue;
    bin.deliveryAttempts += p.deliveryAttempts;
    bin.bounces += p.bounces;
    bin.complaints += p.complaints;
    bin.rejects += p.rejects;
  }
  return bins;
}

export function totalsOf(bins: readonly Totals[]): Totals {
  const t: Totals = { deliveryAttempts: 0, bounces: 0, complaints: 0, rejects: 0 };
  for (const b of bins) {
    t.deliveryAttempts += b.deliveryAttempts;
    t.bounces += b.bounces;
    t.complaints += b.complaints;
    t.rejects += b.rejects;
  }
  return t;
}

export interface Thresholds {
  review: number;
  pause: number;
}

export const BOUNCE_THRESHOLDS: Thresholds = { review: 0.05, pause: 0.1 };
export const COMPLAINT_THRESHOLDS: Thresholds = { review: 0.001, pause: 0.005 };

export type RateLevel = 'ok' | 'review' | 'pause' | 'none';

export interface RateEstimate {
  /** undefined when nothing was sent in the range */
  rate?: number;
  level: RateLevel;
}

export function estimateRate(count: number, attempts: number, thresholds: Thresholds): RateEstimate {
  if (attempts <= 0) return { level: 'none' };
  const rate = count / attempts;
  return { rate, level: rate >= thresholds.pause ? 'pause' : rate >= thresholds.review ? 'review' : 'ok' };
}

export function formatPercent(rate: number): string {
  const percent = rate * 100;
  return `${percent < 1 && percent > 0 ? percent.toFixed(2) : percent.toFixed(1)} %`;
}
