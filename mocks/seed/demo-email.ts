import type { Emulator } from '../model/emulator';
import type { DemoUser } from './demo-users';

const DAY_MS = 24 * 3600 * 1000;
const QUARTER_MS = 15 * 60 * 1000;

/**
 * The demo account's email side: the sender's identities (example.org and example.net are
 * verified too, so the sandboxed account can reach most demo customers; example.io is not, so the
 * "sandbox, unverified recipient" case shows on real data) and a fortnight of sending.
 */
export function seedDemoEmail(emulator: Emulator, region: string, now: number): void {
  for (const domain of ['example.org', 'example.net']) emulator.ses.putIdentity(region, domain, 'Success');
  emulator.ses.putSendHistoryBatch(region, sendHistory(emulator, now));
}

/**
 * Two weeks of 15-minute data points shaped like a small product's sign-ups: busy in European and
 * American daytime, quiet at night, fewer at weekends, with about 1 % bounces, a bad import five
 * days ago that bounced (the spike on the chart), two complaints and one rejected message.
 * Deterministic: drawn from the seed's Random.
 */
function sendHistory(emulator: Emulator, now: number) {
  const random = emulator.random;
  const entries: { atMs: number; deliveryAttempts: number; bounces: number; complaints: number; rejects: number }[] = [];
  const lastQuarter = Math.floor(now / QUARTER_MS) * QUARTER_MS - QUARTER_MS;
  const first = lastQuarter - 14 * DAY_MS + QUARTER_MS * 2;
  const spikeDay = Math.floor((now - 5 * DAY_MS) / DAY_MS);
  let complaints = 2;
  let rejects = 1;
  for (let at = first; at <= lastQuarter; at += QUARTER_MS) {
    const date = new Date(at);
    const hour = date.getUTCHours();
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const busy = hour >= 7 && hour < 22;
    const chance = (busy ? 45 : 8) * (weekend ? 0.6 : 1);
    if (random.int(100) >= chance) continue;
    const attempts = 1 + random.int(busy ? 3 : 2);
    let bounces = random.int(100) === 0 ? 1 : 0;
    let delivered = attempts;
    if (Math.floor(at / DAY_MS) === spikeDay && hour >= 13 && hour < 15) {
      // An imported list with stale addresses: many attempts, a quarter of them bounce.
      delivered = attempts + 8;
      bounces = 3;
    }
    let complaint = 0;
    if (complaints > 0 && busy && random.int(400) === 0) {
      complaint = 1;
      complaints--;
    }
    let reject = 0;
    if (rejects > 0 && random.int(900) === 0) {
      reject = 1;
      rejects--;
    }
    entries.push({ atMs: at, deliveryAttempts: delivered, bounces, complaints: complaint, rejects: reject });
  }
  return entries;
}

const HOUR_DAYS = 1 / 24;

/**
 * Sign-ups that never confirmed, of every age: some from the last hours (their code is still
 * valid), most older than the code's 24 hours, a few at example.io (not verified in the sandbox).
 * Ages are in days; the seed adds up to 23 hours by username length.
 */
export function backlogUsers(): DemoUser[] {
  const ages = [2 * HOUR_DAYS, 0, 0, 1, 1, 2, 3, 3, 4, 6, 8, 11, 13, 17, 22, 27];
  const names = [
    ['Nadia', 'Haddad'],
    ['Tom', 'Becker'],
    ['Ines', 'Moreau'],
    ['Kenji', 'Mori'],
    ['Ruth', 'Adeyemi'],
    ['Pavel', 'Novak'],
    ['Greta', 'Lind'],
    ['Arjun', 'Rao'],
    ['Beatriz', 'Costa'],
    ['Samir', 'Khan'],
    ['Lena', 'Vogel'],
    ['Diego', 'Ramos'],
    ['Hana', 'Sato'],
    ['Owen', 'Price'],
    ['Clara', 'Berg'],
    ['Yusuf', 'Demir'],
  ];
  return names.map(([given, family], i) => {
    const domain = i % 7 === 3 ? 'example.io' : i % 3 === 0 ? 'example.com' : i % 3 === 1 ? 'example.org' : 'example.net';
    const email = `${given!.toLowerCase()}.${family!.toLowerCase()}@${domain}`;
    return {
      username: email,
      status: 'UNCONFIRMED',
      daysAgo: ages[i]!,
      attributes: { email, email_verified: 'false', name: `${given} ${family}`, given_name: given!, family_name: family!, 'custom:plan': 'free' },
    };
  });
}
