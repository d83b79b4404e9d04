/**
 * Self-service account operations: SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword,
 * ConfirmForgotPassword. Unknown users answer "Username/client id combination not found." unless
 * the client sets PreventUserExistenceErrors, which makes them look like known ones.
 */
import { ServiceError, invalidParameter, notAuthorized } from '../errors';
import type { CallContext } from '../types';
import { preventsExistenceErrors, writableAttributes } from './clients';
import { attemptLimit, codeMismatch, consumeCode, issueCode } from './codes';
import { recordAuthEvent } from './auth-events';
import { getClientAnywhere, type Engine, type Input } from './engine';
import { deliveryDetails, sendMessage, type CodeDeliveryDetails } from './messages';
import { checkPassword, policyOf } from './password-policy';
import { attributeList, checkAttributes, EMAIL_RE, requireAttributes } from './schema';
import { checkSecretHash } from './secret-hash';
import type { ClientRecord, PoolRecord, UserRecord } from './state';
import { newUserRecord, recoveryTarget, verificationTarget } from './user-records';
import { assignUsername, checkNewUserUnique, claimAliases, findUser } from './usernames';

const notFoundForClient = () => new ServiceError('UserNotFoundException', 'Username/client id combination not found.');

export const unauthorizedAttribute = () => notAuthorized('A client attempted to write unauthorized attribute');

/** What PreventUserExistenceErrors answers for an unknown user: a plausible, masked destination. */
function decoyDelivery(name: string): CodeDeliveryDetails {
  return EMAIL_RE.test(name) ? deliveryDetails('email', name) : deliveryDetails('phone_number', '+10000000000');
}

async function lookup(engine: Engine, pool: PoolRecord, client: ClientRecord, input: Input): Promise<UserRecord | undefined> {
  const name = input.Username as string;
  const user = findUser(pool, name);
  await checkSecretHash(client, input.SecretHash, [name, user?.username]);
  return user;
}

export async function signUp(engine: Engine, input: Input, ctx: CallContext) {
  const { pool, client } = getClientAnywhere(engine, input.ClientId, ctx);
  await checkSecretHash(client, input.SecretHash, [input.Username as string]);
  if ((pool.config.AdminCreateUserConfig as { AllowAdminCreateUserOnly?: boolean }).AllowAdminCreateUserOnly) {
    throw notAuthorized('SignUp is not permitted for this user pool');
  }
  const password = input.Password;
  if (typeof password !== 'string' || password === '') throw invalidParameter('Password cannot be empty');
  const given = attributeList(input.UserAttributes);
  // Only verification (or an administrator) may mark a contact verified.
  delete given.email_verified;
  delete given.phone_number_verified;
  checkAttributes(pool, given, 'create', { admin: false });
  const writable = writableAttributes(client);
  if (writable && Object.keys(given).some((n) => !writable.has(n))) throw unauthorizedAttribute();
  const sub = engine.env.random.uuid();
  const { username, attrs } = assignUsername(pool, input.Username as string, given, sub);
  checkNewUserUnique(pool, username, attrs);
  requireAttributes(pool, attrs);
  checkPassword(password, policyOf(pool.config));

  const user = newUserRecord(engine, pool, { username, sub, attributes: attrs, status: 'UNCONFIRMED', password });
  const target = verificationTarget(pool, attrs);
  let details: CodeDeliveryDetails | undefined;
  if (target) {
    const code = issueCode(engine, user, 'signUp', target.medium);
    // Sent before the user is stored: when the mailer refuses (daily cap), nothing was created.
    details = sendMessage(engine, { pool, user, to: target.to, medium: target.medium, code, kind: 'sign-up', template: 'verification' }).details;
  }
  pool.users.insert(user);
  recordAuthEvent(engine, pool, user, { type: 'SignUp', response: 'Pass' });
  return { UserConfirmed: false, ...(details ? { CodeDeliveryDetails: details } : {}), UserSub: sub };
}

export async function confirmSignUp(engine: Engine, input: Input, ctx: CallContext) {
  const { pool, client } = getClientAnywhere(engine, input.ClientId, ctx);
  const user = await lookup(engine, pool, client, input);
  if (!user) throw preventsExistenceErrors(client) ? codeMismatch() : notFoundForClient();
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  const record = consumeCode(engine, user, 'signUp', input.ConfirmationCode as string);
  const verified = record.attribute ? { [`${record.attribute}_verified`]: 'true' } : {};
  claimAliases(pool, user, { ...user.attributes, ...verified }, input.ForceAliasCreation === true);
  pool.users.update(user, (u) => {
    Object.assign(u.attributes, verified);
    u.status = 'CONFIRMED';
    u.modifiedAt = engine.env.clock.now();
  });
  return {};
}

export async function resendConfirmationCode(engine: Engine, input: Input, ctx: CallContext) {
  const { pool, client } = getClientAnywhere(engine, input.ClientId, ctx);
  const user = await lookup(engine, pool, client, input);
  if (!user) {
    if (preventsExistenceErrors(client)) return { CodeDeliveryDetails: decoyDelivery(input.Username as string) };
    throw notFoundForClient();
  }
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
  const target = verificationTarget(pool, user.attributes);
  if (!target) throw invalidParameter('Cannot resend codes. Auto verification not turned on.');
  const now = engine.env.clock.now();
  const recent = (user.resends ?? []).filter((at) => at > now - HOUR_MS);
  if (recent.length >= RESENDS_PER_HOUR) throw attemptLimit();
  const code = issueCode(engine, user, 'signUp', target.medium);
  const { details } = sendMessage(engine, { pool, user, to: target.to, medium: target.medium, code, kind: 'resend-code', template: 'verification' });
  // Counted once the code left: a refused delivery (daily cap, SES) does not use up the user's hour.
  pool.users.update(user, (u) => {
    u.resends = [...recent, now];
  });
  recordAuthEvent(engine, pool, user, { type: 'ResendCode', response: 'Pass' });
  return { CodeDeliveryDetails: details };
}

/** Quotas page: ResendConfirmationCode, 5 requests per user per hour (not adjustable). */
export const RESENDS_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

/** Shared by ForgotPassword and AdminResetUserPassword: issue and send a reset code. */
export function sendResetCode(engine: Engine, pool: PoolRecord, user: UserRecord, kind: 'forgot-password' | 'admin-reset-password'): CodeDeliveryDetails {
  const target = recoveryTarget(pool, user);
  if (target === 'admin_only') throw notAuthorized('Contact administrator to reset password.');
  if (!target) throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  const code = issueCode(engine, user, 'forgotPassword', target.medium);
  return sendMessage(engine, { pool, user, to: target.to, medium: target.medium, code, kind, template: 'verification' }).details;
}

export async function forgotPassword(engine: Engine, input: Input, ctx: CallContext) {
  const { pool, client } = getClientAnywhere(engine, input.ClientId, ctx);
  const user = await lookup(engine, pool, client, input);
  if (!user) {
    if (preventsExistenceErrors(client)) return { CodeDeliveryDetails: decoyDelivery(input.Username as string) };
    throw notFoundForClient();
  }
  if (!user.enabled) throw notAuthorized('User is disabled.');
  const details = sendResetCode(engine, pool, user, 'forgot-password');
  recordAuthEvent(engine, pool, user, { type: 'ForgotPassword', response: 'Pass' });
  return { CodeDeliveryDetails: details };
}

export async function confirmForgotPassword(engine: Engine, input: Input, ctx: CallContext) {
  const { pool, client } = getClientAnywhere(engine, input.ClientId, ctx);
  const user = await lookup(engine, pool, client, input);
  if (!user) throw preventsExistenceErrors(client) ? codeMismatch() : notFoundForClient();
  const password = input.Password as string;
  checkPassword(password, policyOf(pool.config));
  consumeCode(engine, user, 'forgotPassword', input.ConfirmationCode as string);
  pool.users.update(user, (u) => {
    u.password = password;
    u.passwordExpiresAt = undefined;
    if (u.status !== 'UNCONFIRMED') u.status = 'CONFIRMED';
    u.failures.signIn = 0;
    u.failures.signInLockedUntil = undefined;
    u.modifiedAt = engine.env.clock.now();
  });
  recordAuthEvent(engine, pool, user, { type: 'PasswordChange', response: 'Pass' });
  return {};
}
