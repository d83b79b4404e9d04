/** Display formatting in the operator's locale; one place so every screen shows dates alike. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const number = new Intl.NumberFormat();

export function formatDateTime(date: Date | undefined): string {
  return date && !Number.isNaN(date.getTime()) ? dateTime.format(date) : '—';
}

export function formatNumber(value: number): string {
  return number.format(value);
}

/** "in 3 minutes" style, for countdowns in sentences. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.round(s / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}
