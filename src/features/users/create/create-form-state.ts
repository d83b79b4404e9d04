/**
 * The create form's pure parts: which fields the pool asks for, the zod schema, and the mappers to
 * AdminCreateUser's input and from Cognito's errors back to a field.
 */
import { z } from 'zod';
import type { AppError } from '@/aws/errors';
import type { CreateUserInput } from '@/aws/user-actions';
import type { PoolSettings } from '@/aws/user-detail';
import type { AttributeRow } from '../detail/attributes/attribute-form-state';
import { validateAttributeValue } from '../detail/attributes/attribute-form-state';
import { attributeForError } from '../detail/attributes/cognito-field-error';
import { policyProblem } from '../detail/password/policy-problem';

export type SignInWith = 'username' | 'email' | 'phone_number';
export type DeliveryMedium = 'EMAIL' | 'SMS';

export interface CreateFormFields {
  signInWith: SignInWith;
  username: string;
  /** aligned with the rows from toCreateRows */
  attributes: string[];
  passwordMode: 'generated' | 'cognito';
  temporaryPassword: string;
  sendInvitation: boolean;
  mediums: DeliveryMedium[];
  groups: string[];
}

/** Pools with UsernameAttributes sign users in by email and/or phone: there is no username to choose. */
export function signInOptions(settings: Pick<PoolSettings, 'usernameAttributes'>): SignInWith[] {
  return settings.usernameAttributes.length > 0 ? [...settings.usernameAttributes] : ['username'];
}

// Set by Cognito itself, never by an administrator.
const notSettable = new Set(['sub', 'identities']);

/** Every attribute an administrator may set at creation (immutable ones included: they can only be set now). */
export function toCreateRows(settings: Pick<PoolSettings, 'schema'>): AttributeRow[] {
  const rank = (r: AttributeRow) => (r.required ? 0 : r.custom ? 2 : 1);
  return settings.schema
    .filter((a) => !notSettable.has(a.name))
    .map((a) => ({
      name: a.name,
      type: a.type,
      mutable: true,
      required: a.required,
      custom: a.custom,
      minLength: a.minLength,
      maxLength: a.maxLength,
      minValue: a.minValue,
      maxValue: a.maxValue,
    }))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export function defaultCreateFields(settings: Pick<PoolSettings, 'usernameAttributes'>, rows: AttributeRow[], generated: string): CreateFormFields {
  const signInWith = signInOptions(settings)[0] ?? 'username';
  return {
    signInWith,
    username: '',
    attributes: rows.map(() => ''),
    passwordMode: 'generated',
    temporaryPassword: generated,
    sendInvitation: true,
    mediums: [signInWith === 'phone_number' ? 'SMS' : 'EMAIL'],
    groups: [],
  };
}

const valueOf = (rows: AttributeRow[], fields: Pick<CreateFormFields, 'attributes'>, name: string) =>
  fields.attributes[rows.findIndex((r) => r.name === name)] ?? '';

// AdminCreateUser's Username in the API reference: 1–128 characters of letters, marks, symbols,
// numbers and punctuation (no whitespace).
const USERNAME_MAX = 128;
const usernamePattern = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/** In email or phone sign-in pools the address is sent as the username, so it meets the username's limits too. */
function signInValueProblem(name: SignInWith, value: string): string | undefined {
  const what = name === 'email' ? 'An email address' : 'A phone number';
  if ([...value].length > USERNAME_MAX) return `${what} that users sign in with is also their username, which has at most ${USERNAME_MAX} characters.`;
  if (value !== '' && !usernamePattern.test(value)) return `${what} that users sign in with cannot contain spaces.`;
  return undefined;
}

export function createFormSchema(settings: Pick<PoolSettings, 'passwordPolicy'>, rows: AttributeRow[]) {
  return z
    .object({
      signInWith: z.enum(['username', 'email', 'phone_number']),
      username: z.string(),
      attributes: z.array(z.string()),
      passwordMode: z.enum(['generated', 'cognito']),
      temporaryPassword: z.string(),
      sendInvitation: z.boolean(),
      mediums: z.array(z.enum(['EMAIL', 'SMS'])),
      groups: z.array(z.string()),
    })
    .superRefine((f, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (f.signInWith === 'username') {
        const name = f.username.trim();
        if (name === '') issue(['username'], 'Enter a username.');
        else if ([...name].length > USERNAME_MAX) issue(['username'], `A username has at most ${USERNAME_MAX} characters.`);
        else if (!usernamePattern.test(name)) issue(['username'], 'A username cannot contain spaces or other whitespace.');
      }
      const needed = new Set<string>();
      if (f.signInWith !== 'username') needed.add(f.signInWith);
      if (f.sendInvitation && f.mediums.includes('EMAIL')) needed.add('email');
      if (f.sendInvitation && f.mediums.includes('SMS')) needed.add('phone_number');
      rows.forEach((row, i) => {
        const value = f.attributes[i] ?? '';
        const message =
          validateAttributeValue({ ...row, required: row.required || needed.has(row.name) }, value) ??
          (row.name === f.signInWith ? signInValueProblem(row.name, value) : undefined);
        if (message) issue(['attributes', i], message);
      });
      if (f.sendInvitation && f.mediums.length === 0) issue(['mediums'], 'Choose how to send the invitation, or do not send one.');
      if (f.passwordMode === 'generated') {
        const problem = policyProblem(f.temporaryPassword, settings.passwordPolicy);
        if (problem) issue(['temporaryPassword'], problem);
      }
    });
}

export function toCreateUserInput(fields: CreateFormFields, rows: AttributeRow[]): CreateUserInput {
  const attributes: Record<string, string> = {};
  rows.forEach((row, i) => {
    const value = fields.attributes[i] ?? '';
    if (value !== '') attributes[row.name] = value;
  });
  return {
    username: fields.signInWith === 'username' ? fields.username.trim() : valueOf(rows, fields, fields.signInWith),
    attributes,
    temporaryPassword: fields.passwordMode === 'generated' ? fields.temporaryPassword : undefined,
    sendInvitation: fields.sendInvitation,
    deliveryMediums: fields.mediums,
  };
}

export type CreateFieldPath = 'username' | 'temporaryPassword' | 'mediums' | `attributes.${number}`;

/** The field a Cognito error belongs at, or undefined to show it above the form. */
export function fieldForCreateError(error: Pick<AppError, 'code' | 'detail'>, rows: AttributeRow[], signInWith: SignInWith): CreateFieldPath | undefined {
  const at = (name: string): CreateFieldPath | undefined => {
    const i = rows.findIndex((r) => r.name === name);
    return i < 0 ? undefined : `attributes.${i}`;
  };
  const identity = () => (signInWith === 'username' ? 'username' : at(signInWith));
  switch (error.code) {
    case 'UsernameExistsException':
      return identity();
    case 'InvalidPasswordException':
      return 'temporaryPassword';
    default: {
      const name = attributeForError(error, rows.map((r) => r.name));
      if (name) return at(name);
      if (error.code === 'InvalidParameterException' && /username/i.test(error.detail ?? '')) return identity();
      return undefined;
    }
  }
}
