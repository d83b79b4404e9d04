import type { Emulator } from '../model/emulator';

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

type Event = Parameters<Emulator['idp']['putAuthEvent']>[2];
const password = (ok: boolean) => [{ name: 'Password' as const, response: ok ? ('Success' as const) : ('Failure' as const) }];
const signIn = (ok: boolean, extra: Partial<Event> = {}): Event => ({ type: 'SignIn', response: ok ? 'Pass' : 'Fail', challenges: password(ok), ...extra });
const office = { ipAddress: '198.51.100.24', deviceName: 'Chrome, Windows 10', timezone: '+01:00', city: 'Amsterdam', country: 'Netherlands' };
const phone = { ipAddress: '203.0.113.7', deviceName: 'Safari, iOS 18', timezone: '+01:00', city: 'Rotterdam', country: 'Netherlands' };
const elsewhere = { ipAddress: '192.0.2.200', deviceName: 'Firefox, Linux', timezone: '+08:00', city: 'Singapore', country: 'Singapore' };

/** Emma Wilson uses an authenticator app: the user support resets MFA for when she loses her phone. */
export const DEMO_MFA_USER = 'emma.wilson@example.org';
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * Emma's authenticator app, then a few weeks of sign-in history for some demo users, as a pool with threat protection in audit
 * mode records it — so the user page's History tab has something real to show: routine sign-ins,
 * a forgotten password, a run of wrong passwords, and one sign-in from far away that threat
 * protection rated as a possible account takeover. Users not named here have no events yet.
 */
export function seedDemoSecurity(emulator: Emulator, poolId: string, now: number): void {
  emulator.idp.putSoftwareToken(poolId, DEMO_MFA_USER, DEMO_TOTP_SECRET);

  const at = (daysAgo: number, hour: number) => now - daysAgo * DAY_MS - hour * HOUR_MS;
  const put = (username: string, event: Event) => emulator.idp.putAuthEvent(poolId, username, event);

  for (const daysAgo of [20, 13, 9, 6, 3, 1]) put('admin@example.com', signIn(true, { at: at(daysAgo, 6), context: office }));

  put('user@example.com', signIn(true, { at: at(12, 3), context: phone }));
  put('user@example.com', signIn(false, { at: at(4, 9), context: elsewhere, risk: { decision: 'NoRisk', level: 'Medium' } }));
  put('user@example.com', signIn(false, { at: at(4, 8.95), context: elsewhere, risk: { decision: 'NoRisk', level: 'Medium' } }));
  put('user@example.com', signIn(true, { at: at(4, 8.9), context: elsewhere, risk: { decision: 'AccountTakeover', level: 'Low' } }));
  put('user@example.com', signIn(true, { at: at(2, 2), context: phone }));

  put('grace.lee@example.org', { type: 'SignUp', response: 'Pass', at: at(21, 1), context: office });
  put('grace.lee@example.org', signIn(false, { at: at(5, 4), context: office }));
  put('grace.lee@example.org', signIn(false, { at: at(5, 3.98), context: office }));
  put('grace.lee@example.org', { type: 'ForgotPassword', response: 'Pass', at: at(5, 3.95), context: office });
  put('grace.lee@example.org', { type: 'PasswordChange', response: 'Pass', at: at(5, 3.9), context: office });
  put('grace.lee@example.org', signIn(true, { at: at(5, 3.88), context: office }));

  put('liam.chen@example.org', { type: 'SignUp', response: 'Pass', at: at(0, 5), context: phone });
  put('liam.chen@example.org', { type: 'ResendCode', response: 'Pass', at: at(0, 2), context: phone });

  for (const daysAgo of [30, 16, 2]) {
    put(DEMO_MFA_USER, { ...signIn(true, { at: at(daysAgo, 7), context: phone }), challenges: [...password(true), { name: 'Mfa', response: 'Success' }] });
  }
}
