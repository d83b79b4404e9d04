/** Creating user records and picking where their codes go. */
import type { Engine } from './engine';
import type { Medium } from './messages';
import { policyOf } from './password-policy';
import type { AttributeMap, PoolRecord, UserRecord, UserStatus } from './state';

const DAY_MS = 24 * 60 * 60 * 1000;

export function newUserRecord(
  engine: Engine,
  pool: PoolRecord,
  p: { username: string; sub: string; attributes: AttributeMap; status: UserStatus; enabled?: boolean; password?: string; createdAt?: number },
): UserRecord {
  const now = p.createdAt ?? engine.env.clock.now();
  const user: UserRecord = {
    seq: 0,
    username: p.username,
    sub: p.sub,
    // sub leads, as in Cognito's attribute lists.
    attributes: { sub: p.sub, ...p.attributes },
    status: p.status,
    enabled: p.enabled ?? true,
    createdAt: now,
    modifiedAt: now,
    groups: [],
    mfa: {},
    codes: {},
    failures: { signIn: 0, code: 0 },
  };
  if (p.password !== undefined) user.password = p.password;
  // Counted from now even for back-dated seed users, so a seeded invitation is usable out of the box.
  if (p.status === 'FORCE_CHANGE_PASSWORD') user.passwordExpiresAt = temporaryPasswordExpiry(pool, engine.env.clock.now());
  return user;
}

/** When a temporary password set now stops working (TemporaryPasswordValidityDays). */
export function temporaryPasswordExpiry(pool: PoolRecord, now: number): number {
  const days = policyOf(pool.config).TemporaryPasswordValidityDays;
  return now + Math.max(days, 1) * DAY_MS;
}

/** Where sign-up and attribute codes go: the auto-verified attributes the user has (phone first, as Cognito). */
export function verificationTarget(pool: PoolRecord, attrs: AttributeMap): { medium: Medium; to: string } | undefined {
  const auto = (pool.config.AutoVerifiedAttributes ?? []) as Medium[];
  for (const medium of ['phone_number', 'email'] as const) {
    if (auto.includes(medium) && attrs[medium]) return { medium, to: attrs[medium]! };
  }
  return undefined;
}

/** Where password-reset codes go: the first verified contact in AccountRecoverySetting's order. */
export function recoveryTarget(pool: PoolRecord, user: UserRecord): { medium: Medium; to: string } | 'admin_only' | undefined {
  const setting = pool.config.AccountRecoverySetting as { RecoveryMechanisms?: { Priority: number; Name: string }[] } | undefined;
  const mechanisms = [...(setting?.RecoveryMechanisms ?? [])].sort((a, b) => a.Priority - b.Priority);
  if (mechanisms.length === 1 && mechanisms[0]!.Name === 'admin_only') return 'admin_only';
  for (const m of mechanisms) {
    const medium: Medium | undefined = m.Name === 'verified_email' ? 'email' : m.Name === 'verified_phone_number' ? 'phone_number' : undefined;
    if (medium && user.attributes[medium] && user.attributes[`${medium}_verified`] === 'true') return { medium, to: user.attributes[medium]! };
  }
  return undefined;
}
