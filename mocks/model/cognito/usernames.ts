/**
 * How a pool names its users: plain usernames, email/phone as the username (UsernameAttributes,
 * where Cognito keeps a UUID as the real username), or sign-in aliases (AliasAttributes), each
 * with Cognito's format and uniqueness rules; and case sensitivity (UsernameConfiguration).
 */
import { ServiceError, invalidParameter } from '../errors';
import { EMAIL_RE, PHONE_RE } from './schema';
import type { AttributeMap, PoolRecord, UserRecord } from './state';
import type { LoginAlias } from './user-store';

export interface NamingRules {
  usernameAttributes: ('email' | 'phone_number')[];
  aliasAttributes: LoginAlias[];
  caseSensitive: boolean;
}

export function namingRules(config: Record<string, unknown>): NamingRules {
  const usernameConfiguration = config.UsernameConfiguration as { CaseSensitive?: boolean } | undefined;
  return {
    usernameAttributes: (config.UsernameAttributes as NamingRules['usernameAttributes'] | undefined) ?? [],
    aliasAttributes: (config.AliasAttributes as LoginAlias[] | undefined) ?? [],
    // The API's default (no UsernameConfiguration) is case-sensitive usernames.
    caseSensitive: usernameConfiguration?.CaseSensitive ?? true,
  };
}

export const rulesOf = (pool: PoolRecord) => namingRules(pool.config);

export function loginAliases(rules: NamingRules): LoginAlias[] {
  return [...new Set<LoginAlias>([...rules.usernameAttributes, ...rules.aliasAttributes])];
}

const isVerified = (user: UserRecord, attr: 'email' | 'phone_number') => user.attributes[`${attr}_verified`] === 'true';

/** The user a sign-in name refers to: the username itself, or an alias the pool allows. */
export function findUser(pool: PoolRecord, name: string): UserRecord | undefined {
  const direct = pool.users.byUsername(name);
  if (direct) return direct;
  const rules = rulesOf(pool);
  for (const attr of rules.usernameAttributes) {
    const match = pool.users.byAlias(attr, name)[0];
    if (match) return match;
  }
  for (const attr of rules.aliasAttributes) {
    const candidates = pool.users.byAlias(attr, name);
    // Email and phone aliases only sign in once verified; preferred_username always does.
    const match = attr === 'preferred_username' ? candidates[0] : candidates.find((u) => isVerified(u, attr));
    if (match) return match;
  }
  return undefined;
}

/**
 * The stored username for a new user named `given`, and the attributes that naming implies
 * (email/phone as username become attributes; the username is then the user's sub).
 */
export function assignUsername(pool: PoolRecord, given: string, attrs: AttributeMap, sub: string): { username: string; attrs: AttributeMap } {
  const rules = rulesOf(pool);
  if (rules.usernameAttributes.length > 0) {
    const asEmail = rules.usernameAttributes.includes('email') && EMAIL_RE.test(given);
    const asPhone = rules.usernameAttributes.includes('phone_number') && PHONE_RE.test(given);
    if (!asEmail && !asPhone) {
      const both = rules.usernameAttributes.length > 1;
      throw invalidParameter(
        both ? 'Username should be either an email or a phone number.' : rules.usernameAttributes[0] === 'email' ? 'Username should be an email.' : 'Username should be a phone number.',
      );
    }
    const attr = asEmail ? 'email' : 'phone_number';
    return { username: sub, attrs: { ...attrs, [attr]: attrs[attr] ?? given } };
  }
  if (rules.aliasAttributes.includes('email') && EMAIL_RE.test(given)) {
    throw invalidParameter('Username cannot be of email format, since user pool is configured for email alias.');
  }
  if (rules.aliasAttributes.includes('phone_number') && PHONE_RE.test(given)) {
    throw invalidParameter('Username cannot be of phone number format, since user pool is configured for phone number alias.');
  }
  return { username: given, attrs };
}

/**
 * Refuses a new user whose name or unique attributes another user already holds. AWS words a taken
 * username differently per operation: SignUp 'User already exists', AdminCreateUser 'User account already exists'.
 */
export function checkNewUserUnique(pool: PoolRecord, username: string, attrs: AttributeMap, takenMessage = 'User already exists'): void {
  if (pool.users.byUsername(username)) throw new ServiceError('UsernameExistsException', takenMessage);
  const rules = rulesOf(pool);
  for (const attr of rules.usernameAttributes) {
    const value = attrs[attr];
    if (value !== undefined && pool.users.byAlias(attr, value).length > 0) {
      throw new ServiceError('UsernameExistsException', `An account with the given ${attr} already exists.`);
    }
  }
  const preferred = attrs.preferred_username;
  if (rules.aliasAttributes.includes('preferred_username') && preferred !== undefined) {
    if (pool.users.byAlias('preferred_username', preferred).length > 0 || pool.users.byUsername(preferred)) {
      throw new ServiceError('AliasExistsException', 'An account with the given preferred_username already exists.');
    }
  }
}

/**
 * Before `user` gets `attrs` (verified where marked so): refuses values another user holds as a
 * unique sign-in name, or — with `force` (ForceAliasCreation) — takes a verified alias over.
 */
export function claimAliases(pool: PoolRecord, user: UserRecord | undefined, attrs: AttributeMap, force: boolean): void {
  const rules = rulesOf(pool);
  for (const attr of ['email', 'phone_number'] as const) {
    const value = attrs[attr];
    if (value === undefined || value === '') continue;
    const others = pool.users.byAlias(attr, value).filter((u) => u !== user);
    if (rules.usernameAttributes.includes(attr)) {
      if (others.length > 0) throw new ServiceError('AliasExistsException', `An account with the given ${attr} already exists.`);
      continue;
    }
    if (!rules.aliasAttributes.includes(attr) || attrs[`${attr}_verified`] !== 'true') continue;
    const holder = others.find((u) => isVerified(u, attr));
    if (!holder) continue;
    if (!force) throw new ServiceError('AliasExistsException', `An account with the given ${attr} already exists.`);
    pool.users.update(holder, (u) => {
      u.attributes[`${attr}_verified`] = 'false';
    });
  }
  const preferred = attrs.preferred_username;
  if (rules.aliasAttributes.includes('preferred_username') && preferred) {
    const holder = pool.users.byAlias('preferred_username', preferred).find((u) => u !== user);
    if (holder) throw new ServiceError('AliasExistsException', 'An account with the given preferred_username already exists.');
  }
}
