import { describe, expect, it } from 'vitest';
import type { PoolSettings, SchemaAttribute } from '@/aws/user-detail';
import { COGNITO_DEFAULT_PASSWORD_POLICY as defaultPasswordPolicy } from '@/lib/password-policy';
import {
  createFormSchema,
  defaultCreateFields,
  fieldForCreateError,
  signInOptions,
  toCreateRows,
  toCreateUserInput,
  type CreateFormFields,
} from './create-form-state';

const attr = (name: string, extra: Partial<SchemaAttribute> = {}): SchemaAttribute => ({
  name, type: 'String', mutable: true, required: false, developerOnly: false, custom: name.startsWith('custom:'), ...extra,
});
const settings = (extra: Partial<PoolSettings> = {}): Pick<PoolSettings, 'schema' | 'usernameAttributes' | 'passwordPolicy'> => ({
  schema: [
    attr('sub', { mutable: false, required: true }), attr('identities'), attr('email', { required: true }), attr('phone_number'),
    attr('given_name'), attr('custom:tenant', { mutable: false }), attr('email_verified', { type: 'Boolean' }),
  ],
  usernameAttributes: [],
  passwordPolicy: defaultPasswordPolicy,
  ...extra,
});

const good = 'Good-Passw0rd!';

function fill(s: ReturnType<typeof settings>, values: Record<string, string>, extra: Partial<CreateFormFields> = {}) {
  const rows = toCreateRows(s);
  const fields = defaultCreateFields(s, rows, good);
  return { rows, fields: { ...fields, attributes: rows.map((r) => values[r.name] ?? ''), ...extra } };
}

const issues = (s: ReturnType<typeof settings>, rows: ReturnType<typeof toCreateRows>, fields: CreateFormFields) => {
  const result = createFormSchema(s, rows).safeParse(fields);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('create form state', () => {
  it('offers every settable attribute, required first, custom last, immutable ones included', () => {
    expect(toCreateRows(settings()).map((r) => r.name)).toEqual(['email', 'email_verified', 'given_name', 'phone_number', 'custom:tenant']);
  });

  it('asks for a username, or for email/phone when the pool signs in with them', () => {
    expect(signInOptions(settings())).toEqual(['username']);
    expect(signInOptions(settings({ usernameAttributes: ['email', 'phone_number'] }))).toEqual(['email', 'phone_number']);
    const phoneOnly = settings({ usernameAttributes: ['phone_number'] });
    expect(defaultCreateFields(phoneOnly, toCreateRows(phoneOnly), good)).toMatchObject({ signInWith: 'phone_number', mediums: ['SMS'] });
  });

  it('maps to AdminCreateUser input: only set attributes, the generated password, the invitation', () => {
    const s = settings();
    const { rows, fields } = fill(s, { email: 'a@example.com', 'custom:tenant': 'acme' }, { username: ' alice ' });
    expect(issues(s, rows, fields)).toEqual([]);
    expect(toCreateUserInput(fields, rows)).toEqual({
      username: 'alice', attributes: { email: 'a@example.com', 'custom:tenant': 'acme' }, temporaryPassword: good, sendInvitation: true, deliveryMediums: ['EMAIL'],
    });
    expect(toCreateUserInput({ ...fields, passwordMode: 'cognito', sendInvitation: false }, rows)).toMatchObject({ temporaryPassword: undefined, sendInvitation: false });
  });

  it('uses the sign-in attribute as the username in email pools', () => {
    const s = settings({ usernameAttributes: ['email'] });
    const { rows, fields } = fill(s, { email: 'b@example.com' });
    expect(issues(s, rows, fields)).toEqual([]);
    expect(toCreateUserInput(fields, rows).username).toBe('b@example.com');
  });

  it('holds an email that becomes the username to the username’s limits (a 312-character email is refused at its field)', () => {
    const s = settings({ usernameAttributes: ['email'] });
    const long = `${'a'.repeat(300)}@example.org`;
    const { rows, fields } = fill(s, { email: long });
    expect(issues(s, rows, fields)).toEqual(['attributes.0: An email address that users sign in with is also their username, which has at most 128 characters.']);
    // In a username pool the same email is just an attribute (up to 2048 characters).
    const plain = settings();
    const other = fill(plain, { email: long }, { username: 'bob' });
    expect(issues(plain, other.rows, other.fields)).toEqual([]);
  });

  it('reports each problem at its field', () => {
    const s = settings();
    const { rows, fields } = fill(s, { email: 'nope', given_name: 'x'.repeat(3000) }, {
      username: 'has space', temporaryPassword: 'weak', mediums: ['SMS'],
    });
    expect(issues(s, rows, fields)).toEqual([
      'username: A username cannot contain spaces or other whitespace.',
      'attributes.0: Enter an email address such as name@example.com.',
      'attributes.2: Must be at most 2048 characters.',
      'attributes.3: phone_number is required.',
      expect.stringMatching(/^temporaryPassword: The password does not meet/),
    ]);
    expect(issues(s, rows, { ...fields, sendInvitation: true, mediums: [], username: '' })).toContain('mediums: Choose how to send the invitation, or do not send one.');
    expect(issues(s, rows, { ...fields, username: '' })[0]).toBe('username: Enter a username.');
  });

  it('does not check the password when Cognito generates it', () => {
    const s = settings();
    const { rows, fields } = fill(s, { email: 'a@example.com' }, { username: 'a', passwordMode: 'cognito', temporaryPassword: '' });
    expect(issues(s, rows, fields)).toEqual([]);
  });

  it('puts Cognito errors at the relevant field', () => {
    const rows = toCreateRows(settings());
    expect(fieldForCreateError({ code: 'UsernameExistsException', detail: 'User account already exists' }, rows, 'username')).toBe('username');
    expect(fieldForCreateError({ code: 'UsernameExistsException', detail: '' }, rows, 'email')).toBe('attributes.0');
    expect(fieldForCreateError({ code: 'InvalidPasswordException', detail: 'Password not long enough' }, rows, 'username')).toBe('temporaryPassword');
    expect(fieldForCreateError({ code: 'InvalidParameterException', detail: 'Invalid phone number format.' }, rows, 'username')).toBe('attributes.3');
    expect(fieldForCreateError({ code: 'InvalidParameterException', detail: 'Attributes did not conform to the schema: custom:tenant: Attribute cannot be updated.' }, rows, 'username')).toBe('attributes.4');
    expect(fieldForCreateError({ code: 'InvalidParameterException', detail: 'Username should be an email.' }, rows, 'email')).toBe('attributes.0');
    expect(fieldForCreateError({ code: 'TooManyRequestsException', detail: '' }, rows, 'username')).toBeUndefined();
  });
});
