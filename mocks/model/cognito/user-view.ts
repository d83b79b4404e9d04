/** Users in AWS's response shapes (UserType, AdminGetUser / GetUser members). */
import { epochSeconds } from './engine';
import type { AttributeMap, UserRecord } from './state';

export const toAttributeList = (attrs: AttributeMap, only?: ReadonlySet<string>) => {
  const out: { Name: string; Value: string }[] = [];
  for (const name in attrs) {
    if (only && !only.has(name)) continue;
    out.push({ Name: name, Value: attrs[name]! });
  }
  return out;
};

export function toUserType(user: UserRecord, only?: ReadonlySet<string>) {
  return {
    Username: user.username,
    Attributes: toAttributeList(user.attributes, only),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** UserMFASettingList / PreferredMfaSetting as AdminGetUser and GetUser report them. */
export function mfaSettings(user: UserRecord): { PreferredMfaSetting?: string; UserMFASettingList?: string[] } {
  const list: string[] = [];
  if (user.mfa.smsEnabled) list.push('SMS_MFA');
  if (user.mfa.totpEnabled) list.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa.emailEnabled) list.push('EMAIL_OTP');
  const preferred = user.mfa.totpPreferred
    ? 'SOFTWARE_TOKEN_MFA'
    : user.mfa.smsPreferred
      ? 'SMS_MFA'
      : user.mfa.emailPreferred
        ? 'EMAIL_OTP'
        : undefined;
  return {
    ...(preferred ? { PreferredMfaSetting: preferred } : {}),
    ...(list.length > 0 ? { UserMFASettingList: list } : {}),
  };
}

export function toAdminGetUser(user: UserRecord) {
  return {
    Username: user.username,
    UserAttributes: toAttributeList(user.attributes),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaSettings(user),
  };
}
