import type { AppError } from '@/aws/errors';

const fieldErrorCodes = new Set(['InvalidParameterException', 'AliasExistsException', 'CodeDeliveryFailureException']);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The attribute a Cognito error is about, when its message names one ("Attributes did not
 * conform to the schema: given_name: …", "Invalid phone number format.", "An account with the
 * given email already exists."), so the form can show it at that field.
 */
export function attributeForError(error: Pick<AppError, 'code' | 'detail'>, names: readonly string[]): string | undefined {
  if (!fieldErrorCodes.has(error.code)) return undefined;
  const text = error.detail ?? '';
  const named = names
    // "email" must not match inside "custom:email" or "email_verified"; "name: message" is fine.
    .filter((name) => new RegExp(`(?<![\\w:])${escapeRegExp(name)}(?!\\w|:\\w)`).test(text))
    .sort((a, b) => b.length - a.length);
  if (named[0]) return named[0];
  if (/e-?mail/i.test(text) && names.includes('email')) return 'email';
  if (/phone/i.test(text) && names.includes('phone_number')) return 'phone_number';
  return undefined;
}
