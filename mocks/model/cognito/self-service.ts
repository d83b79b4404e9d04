/**
 * What a signed-in user does with their access token: GetUser, ChangePassword,
 * UpdateUserAttributes, GetUserAttributeVerificationCode, VerifyUserAttribute, GlobalSignOut,
 * DeleteUser; and RevokeToken with a refresh token.
 */
import { ServiceError, invalidParameter, notAuthorized } from '../errors';
import type { CallContext } from '../types';
import { updateAttributes } from './attribute-updates';
import { readableAttributes, writableAttributes } from './clients';
import { attemptLimit, consumeCode, issueCode } from './codes';
import { recordAuthEvent } from './auth-events';
import { getClientAnywhere, type Engine, type Input } from './engine';
import { sendMessage, type Medium } from './messages';
import { checkPassword, policyOf } from './password-policy';
import { attributeList } from './schema';
import { FREE_SIGN_IN_FAILURES } from './sign-in';
import { unauthorizedAttribute } from './sign-up';
import { revokeSession, revokeUser, verifyAccessToken } from './tokens';
import { removeUser } from './users-admin';
import { claimAliases } from './usernames';
import { mfaSettings, toAttributeList } from './user-view';

export async function getUser(engine: Engine, input: Input) {
  const { client, user } = await verifyAccessToken(engine, input.AccessToken);
  const readable = readableAttributes(client);
  return {
    Username: user.username,
    UserAttributes: toAttributeList(user.attributes, readable).filter((a) => !a.Name.startsWith('dev:')),
    ...mfaSettings(user),
  };
}

export async function changePassword(engine: Engine, input: Input) {
  const { pool, user } = await verifyAccessToken(engine, input.AccessToken);
  const now = engine.env.clock.now();
  if (user.failures.signInLockedUntil !== undefined && now < user.failures.signInLockedUntil) throw attemptLimit();
  if (user.password !== undefined && input.PreviousPassword !== user.password) {
    recordAuthEvent(engine, pool, user, { type: 'PasswordChange', response: 'Fail' });
    user.failures.signIn++;
    if (user.failures.signIn >= FREE_SIGN_IN_FAILURES) {
      user.failures.signInLockedUntil = now + 15 * 60 * 1000;
      throw attemptLimit();
    }
    throw notAuthorized('Incorrect username or password.');
  }
  const proposed = input.ProposedPassword as string;
  checkPassword(proposed, policyOf(pool.config));
  user.password = proposed;
  user.failures.signIn = 0;
  user.modifiedAt = now;
  recordAuthEvent(engine, pool, user, { type: 'PasswordChange', response: 'Pass' });
  return {};
}

export async function updateUserAttributes(engine: Engine, input: Input) {
  const { pool, client, user } = await verifyAccessToken(engine, input.AccessToken);
  const attrs = attributeList(input.UserAttributes);
  const writable = writableAttributes(client);
  for (const name of Object.keys(attrs)) {
    // Users prove contacts with VerifyUserAttribute; they cannot just declare them verified.
    if (name === 'email_verified' || name === 'phone_number_verified' || (writable && !writable.has(name))) throw unauthorizedAttribute();
  }
  const details = updateAttributes(engine, pool, user, attrs, false);
  return { CodeDeliveryDetailsList: details };
}

function contact(name: unknown): Medium {
  if (name !== 'email' && name !== 'phone_number') throw invalidParameter(`Invalid attribute name: ${String(name)}. Only email and phone_number can be verified.`);
  return name;
}

export async function getUserAttributeVerificationCode(engine: Engine, input: Input) {
  const { pool, user } = await verifyAccessToken(engine, input.AccessToken);
  const medium = contact(input.AttributeName);
  const to = user.pending?.[medium] ?? user.attributes[medium];
  if (!to) throw invalidParameter(`Attribute ${medium} does not exist for the user.`);
  const code = issueCode(engine, user, `verify:${medium}`, medium);
  const { details } = sendMessage(engine, { pool, user, to, medium, code, kind: 'attribute-verification', template: 'verification' });
  return { CodeDeliveryDetails: details };
}

export async function verifyUserAttribute(engine: Engine, input: Input) {
  const { pool, user } = await verifyAccessToken(engine, input.AccessToken);
  const medium = contact(input.AttributeName);
  consumeCode(engine, user, `verify:${medium}`, input.Code as string);
  const value = user.pending?.[medium] ?? user.attributes[medium];
  const change = { [medium]: value ?? '', [`${medium}_verified`]: 'true' };
  claimAliases(pool, user, { ...user.attributes, ...change }, false);
  pool.users.update(user, (u) => {
    Object.assign(u.attributes, change);
    if (u.pending) delete u.pending[medium];
    u.modifiedAt = engine.env.clock.now();
  });
  return {};
}

export async function globalSignOut(engine: Engine, input: Input) {
  const { pool, user } = await verifyAccessToken(engine, input.AccessToken);
  revokeUser(engine, pool, user);
  return {};
}

export async function deleteUser(engine: Engine, input: Input) {
  const { pool, user } = await verifyAccessToken(engine, input.AccessToken);
  removeUser(engine, pool, user);
  return {};
}

export function revokeToken(engine: Engine, input: Input, ctx: CallContext) {
  const { client } = getClientAnywhere(engine, input.ClientId, ctx);
  if (client.clientSecret && input.ClientSecret !== client.clientSecret) {
    throw new ServiceError('UnauthorizedException', 'Invalid client secret.');
  }
  if (client.config.EnableTokenRevocation === false) {
    throw new ServiceError('UnsupportedOperationException', 'Token revocation is not enabled for this app client.');
  }
  const token = input.Token as string;
  if (token.split('.').length === 3) throw new ServiceError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
  const record = engine.refresh.byRefreshToken(token);
  // Revoking a token that is unknown or already revoked succeeds, as OAuth token revocation does.
  if (!record) return {};
  if (record.clientId !== client.clientId) throw new ServiceError('UnauthorizedException', 'The token was not issued to this client.');
  revokeSession(record);
  return {};
}
