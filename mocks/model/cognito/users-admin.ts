/**
 * Users as an administrator: AdminCreateUser (temporary password, MessageAction RESEND/SUPPRESS,
 * DesiredDeliveryMediums), AdminGetUser, AdminDeleteUser, AdminDisableUser, AdminEnableUser,
 * AdminConfirmSignUp, AdminResetUserPassword, AdminSetUserPassword, AdminUpdateUserAttributes,
 * AdminDeleteUserAttributes, AdminUserGlobalSignOut.
 */
import { ServiceError, notAuthorized } from '../errors';
import type { CallContext } from '../types';
import { deleteAttributes, updateAttributes } from './attribute-updates';
import { getPool, getUser, userNotFound, type Engine, type Input } from './engine';
import { sendMessage, type Medium } from './messages';
import { checkPassword, generatePassword, policyOf } from './password-policy';
import { attributeList, checkAttributes } from './schema';
import { sendResetCode } from './sign-up';
import type { PoolRecord, UserRecord } from './state';
import { forgetUser, revokeUser } from './tokens';
import { newUserRecord, temporaryPasswordExpiry } from './user-records';
import { assignUsername, checkNewUserUnique, claimAliases, findUser } from './usernames';
import { toAdminGetUser, toUserType } from './user-view';

/**
 * Sends the invitation by the requested media (SMS by default, as AWS documents). When the user
 * has none of the requested contacts, the other one is used rather than sending nothing.
 */
function sendInvitation(engine: Engine, pool: PoolRecord, user: UserRecord, password: string, requested: unknown): void {
  const asked = (Array.isArray(requested) && requested.length > 0 ? requested : ['SMS']) as ('SMS' | 'EMAIL')[];
  const media: Medium[] = asked.map((m) => (m === 'EMAIL' ? 'email' : 'phone_number'));
  let targets = media.filter((m) => user.attributes[m]);
  if (targets.length === 0) targets = (['email', 'phone_number'] as const).filter((m) => user.attributes[m]);
  for (const medium of targets) {
    sendMessage(engine, { pool, user, to: user.attributes[medium]!, medium, code: password, kind: 'invitation', template: 'invitation' });
  }
}

export function adminCreateUser(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const policy = policyOf(pool.config);
  const given = typeof input.TemporaryPassword === 'string' && input.TemporaryPassword !== '' ? input.TemporaryPassword : undefined;
  if (given !== undefined) checkPassword(given, policy);
  const password = given ?? generatePassword(policy, engine.env.random);
  const now = engine.env.clock.now();

  if (input.MessageAction === 'RESEND') {
    const user = findUser(pool, input.Username as string);
    if (!user) throw userNotFound();
    if (user.status !== 'FORCE_CHANGE_PASSWORD') {
      throw new ServiceError('UnsupportedUserStateException', `Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD`);
    }
    sendInvitation(engine, pool, user, password, input.DesiredDeliveryMediums);
    user.password = password;
    user.passwordExpiresAt = temporaryPasswordExpiry(pool, now);
    user.modifiedAt = now;
    return { User: toUserType(user) };
  }

  const attrs = attributeList(input.UserAttributes);
  checkAttributes(pool, attrs, 'create', { admin: true });
  const sub = engine.env.random.uuid();
  const named = assignUsername(pool, input.Username as string, attrs, sub);
  checkNewUserUnique(pool, named.username, named.attrs, 'User account already exists');
  // Required attributes are not enforced here: the user supplies missing ones in NEW_PASSWORD_REQUIRED.
  claimAliases(pool, undefined, named.attrs, input.ForceAliasCreation === true);
  const user = newUserRecord(engine, pool, { username: named.username, sub, attributes: named.attrs, status: 'FORCE_CHANGE_PASSWORD', password });
  // Sent before the user is stored: when the mailer refuses (daily cap), nothing was created.
  if (input.MessageAction !== 'SUPPRESS') sendInvitation(engine, pool, user, password, input.DesiredDeliveryMediums);
  pool.users.insert(user);
  return { User: toUserType(user) };
}

export function adminGetUser(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  return toAdminGetUser(getUser(pool, input.Username));
}

export function adminDeleteUser(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  removeUser(engine, pool, user);
  return {};
}

export function removeUser(engine: Engine, pool: PoolRecord, user: UserRecord): void {
  pool.users.remove(user);
  forgetUser(engine, pool, user);
}

function setEnabled(engine: Engine, input: Input, ctx: CallContext, enabled: boolean) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  pool.users.update(user, (u) => {
    u.enabled = enabled;
    u.modifiedAt = engine.env.clock.now();
  });
  // Disabling signs the user out everywhere, as AWS documents.
  if (!enabled) revokeUser(engine, pool, user);
  return {};
}

export const adminDisableUser = (engine: Engine, input: Input, ctx: CallContext) => setEnabled(engine, input, ctx, false);
export const adminEnableUser = (engine: Engine, input: Input, ctx: CallContext) => setEnabled(engine, input, ctx, true);

export function adminConfirmSignUp(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  // Unlike ConfirmSignUp no code was delivered, so no contact becomes verified (AWS behaves so).
  pool.users.update(user, (u) => {
    u.status = 'CONFIRMED';
    delete u.codes.signUp;
    u.modifiedAt = engine.env.clock.now();
  });
  return {};
}

export function adminResetUserPassword(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  if (user.status === 'UNCONFIRMED' || user.status === 'EXTERNAL_PROVIDER') {
    throw notAuthorized('User password cannot be reset in the current state.');
  }
  sendResetCode(engine, pool, user, 'admin-reset-password');
  pool.users.update(user, (u) => {
    u.status = 'RESET_REQUIRED';
    u.passwordExpiresAt = undefined;
    u.modifiedAt = engine.env.clock.now();
  });
  return {};
}

export function adminSetUserPassword(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  const password = input.Password as string;
  checkPassword(password, policyOf(pool.config));
  const now = engine.env.clock.now();
  pool.users.update(user, (u) => {
    u.password = password;
    if (input.Permanent === true) {
      u.status = 'CONFIRMED';
      u.passwordExpiresAt = undefined;
    } else {
      u.status = 'FORCE_CHANGE_PASSWORD';
      u.passwordExpiresAt = temporaryPasswordExpiry(pool, now);
    }
    u.failures.signIn = 0;
    u.failures.signInLockedUntil = undefined;
    delete u.codes.forgotPassword;
    u.modifiedAt = now;
  });
  return {};
}

export function adminUpdateUserAttributes(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  updateAttributes(engine, pool, user, attributeList(input.UserAttributes), true);
  return {};
}

export function adminDeleteUserAttributes(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  deleteAttributes(engine, pool, user, input.UserAttributeNames as string[]);
  return {};
}

export function adminUserGlobalSignOut(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  revokeUser(engine, pool, getUser(pool, input.Username));
  return {};
}
