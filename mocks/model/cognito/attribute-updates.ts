/**
 * Changing a user's attributes, shared by AdminUpdateUserAttributes and UpdateUserAttributes:
 * schema and mutability checks, unique sign-in names, *_verified resetting when the contact
 * changes, a verification code for auto-verified contacts, and — with
 * AttributesRequireVerificationBeforeUpdate — keeping the old value until the new one is verified.
 */
import { invalidParameter } from '../errors';
import { issueCode } from './codes';
import type { Engine } from './engine';
import { sendMessage, type CodeDeliveryDetails, type Medium } from './messages';
import { checkAttributes, missingRequired } from './schema';
import type { AttributeMap, PoolRecord, UserRecord } from './state';
import { claimAliases } from './usernames';

const CONTACTS: Medium[] = ['email', 'phone_number'];

export function updateAttributes(engine: Engine, pool: PoolRecord, user: UserRecord, attrs: AttributeMap, admin: boolean): CodeDeliveryDetails[] {
  checkAttributes(pool, attrs, 'update', { admin });
  if (attrs.email_verified !== undefined && !(attrs.email ?? user.attributes.email)) {
    throw invalidParameter('Email is required to verify/un-verify an email');
  }
  if (attrs.phone_number_verified !== undefined && !(attrs.phone_number ?? user.attributes.phone_number)) {
    throw invalidParameter('Phone Number is required to verify/un-verify a phone number');
  }
  const missing = missingRequired(pool, { ...user.attributes, ...attrs }).filter((n) => n in attrs);
  if (missing.length > 0) throw invalidParameter(`user.${missing[0]}: The attribute is required`);

  const auto = (pool.config.AutoVerifiedAttributes ?? []) as Medium[];
  const requireFirst = ((pool.config.UserAttributeUpdateSettings as { AttributesRequireVerificationBeforeUpdate?: Medium[] } | undefined)
    ?.AttributesRequireVerificationBeforeUpdate ?? []) as Medium[];
  const apply: AttributeMap = { ...attrs };
  const pending: AttributeMap = {};
  const toVerify: Medium[] = [];
  for (const medium of CONTACTS) {
    const value = attrs[medium];
    if (value === undefined || value === user.attributes[medium]) continue;
    const verifiedFlag = `${medium}_verified`;
    if (attrs[verifiedFlag] === 'true') continue;
    if (requireFirst.includes(medium) && user.attributes[medium] && user.attributes[verifiedFlag] === 'true') {
      // The verified old value stays in force until the user proves the new one.
      pending[medium] = value;
      delete apply[medium];
    } else {
      apply[verifiedFlag] = 'false';
    }
    if (auto.includes(medium) && value !== '') toVerify.push(medium);
  }
  claimAliases(pool, user, { ...user.attributes, ...apply }, false);

  const codes = toVerify.map((medium) => ({ medium, to: pending[medium] ?? apply[medium]!, code: issueCode(engine, user, `verify:${medium}`, medium) }));
  const details = codes.map(({ medium, to, code }) =>
    sendMessage(engine, { pool, user, to, medium, code, kind: 'attribute-verification', template: 'verification' }).details,
  );
  pool.users.update(user, (u) => {
    for (const [name, value] of Object.entries(apply)) u.attributes[name] = value;
    for (const medium of CONTACTS) if (apply[medium] !== undefined && u.pending) delete u.pending[medium];
    if (Object.keys(pending).length > 0) u.pending = { ...u.pending, ...pending };
    u.modifiedAt = engine.env.clock.now();
  });
  return details;
}

export function deleteAttributes(engine: Engine, pool: PoolRecord, user: UserRecord, names: string[]): void {
  for (const name of names) {
    const def = pool.schema.find((a) => a.Name === name);
    if (!def) throw invalidParameter(`user.${name}: Attribute does not exist in the schema.`);
    if (name === 'sub' || !def.Mutable) throw invalidParameter(`user.${name}: Attribute cannot be updated. (changing an immutable attribute)`);
    if (def.Required) throw invalidParameter(`user.${name}: The attribute is required`);
  }
  pool.users.update(user, (u) => {
    for (const name of names) {
      delete u.attributes[name];
      // A contact that is gone cannot stay verified.
      if (name === 'email' || name === 'phone_number') delete u.attributes[`${name}_verified`];
    }
    u.modifiedAt = engine.env.clock.now();
  });
}
