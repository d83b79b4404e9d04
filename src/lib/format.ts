/** Display formatting in the operator's locale; one place so every screen shows dates alike. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const number = new Intl.NumberFormat();

export function formatDateTime(date: Date | undefined): string {
  return date && !Number.isNaN(date.getTime()) ? dateTime.format(date) : '—';
}

export function formatNumber(value: number): string {
  return number.format(value);
}

/** "1 user", "2 users", "1,200 ListUsers calls": a count with its noun in the right number. */
export function countOf(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${number.format(n)} ${n === 1 ? singular : pluralForm}`;
}

/** "in 3 minutes" style, for countdowns in sentences. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.round(s / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}
