import { describe, expect, it } from 'vitest';
import type { SchemaAttribute } from '@/aws/user-detail';
import {
  attributeFormSchema,
  hasChanges,
  toAttributeChanges,
  toAttributeRows,
  toFormFields,
  validateAttributeValue,
} from './attribute-form-state';
import { attributeForError } from './cognito-field-error';

const attr = (name: string, extra: Partial<SchemaAttribute> = {}): SchemaAttribute => ({
  name, type: 'String', mutable: true, required: false, developerOnly: false, custom: name.startsWith('custom:'), ...extra,
});

const schema: SchemaAttribute[] = [
  attr('sub', { mutable: false, required: true }),
  attr('email', { required: true }),
  attr('email_verified', { type: 'Boolean' }),
  attr('given_name'),
  attr('phone_number'),
  attr('custom:tenant', { mutable: false }),
  attr('custom:tier.level', { type: 'Number', minValue: 1, maxValue: 5 }),
];

const attributes = { sub: 'abc', email: 'a@example.com', email_verified: 'false', given_name: 'Ann', 'custom:tenant': 't1', legacy: 'x' };

describe('toAttributeRows', () => {
  const rows = toAttributeRows(attributes, schema);

  it('types every attribute from the schema and keeps unknown ones read-only', () => {
    expect(rows.map((r) => [r.name, r.type, r.mutable, r.value])).toEqual([
      ['email', 'String', true, 'a@example.com'],
      ['sub', 'String', false, 'abc'],
      ['custom:tenant', 'String', false, 't1'],
      ['email_verified', 'Boolean', true, 'false'],
      ['given_name', 'String', true, 'Ann'],
      ['legacy', 'String', false, 'x'],
      ['custom:tier.level', 'Number', true, undefined],
      ['phone_number', 'String', true, undefined],
    ]);
  });

  it('never lets sub be edited even if a schema claims it mutable', () => {
    expect(toAttributeRows({ sub: 's' }, [attr('sub')])[0]?.mutable).toBe(false);
  });

  it('does not pick up Object.prototype members as attributes', () => {
    expect(toAttributeRows({}, [attr('constructor')])[0]?.value).toBeUndefined();
  });
});

describe('toFormFields / toAttributeChanges', () => {
  const rows = toAttributeRows(attributes, schema);
  const fields = toFormFields(rows);
  const set = (name: string, value: string) => {
    const values = [...fields.values];
    values[rows.findIndex((r) => r.name === name)] = value;
    return { values };
  };

  it('round-trips to no changes', () => {
    expect(fields.values[0]).toBe('a@example.com');
    expect(hasChanges(toAttributeChanges(rows, fields))).toBe(false);
  });

  it('turns changed values into updates, names with dots included', () => {
    expect(toAttributeChanges(rows, set('custom:tier.level', '3'))).toEqual({ updates: { 'custom:tier.level': '3' }, deletions: [] });
    expect(toAttributeChanges(rows, set('given_name', 'Anna'))).toEqual({ updates: { given_name: 'Anna' }, deletions: [] });
  });

  it('turns a cleared optional attribute into a deletion, never a required one', () => {
    expect(toAttributeChanges(rows, set('given_name', ''))).toEqual({ updates: {}, deletions: ['given_name'] });
    expect(toAttributeChanges(rows, set('email', ''))).toEqual({ updates: {}, deletions: [] });
  });

  it('ignores edits to immutable attributes', () => {
    expect(hasChanges(toAttributeChanges(rows, set('custom:tenant', 'other')))).toBe(false);
    expect(hasChanges(toAttributeChanges(rows, set('legacy', 'y')))).toBe(false);
  });
});

describe('validation', () => {
  const row = (name: string, extra: Partial<SchemaAttribute> = {}) => ({ ...attr(name, extra) });

  it('checks types, formats and constraints', () => {
    expect(validateAttributeValue(row('email', { required: true }), '')).toBe('email is required.');
    expect(validateAttributeValue(row('email'), 'nope')).toMatch(/email address/);
    expect(validateAttributeValue(row('email'), 'ok@example.com')).toBeUndefined();
    expect(validateAttributeValue(row('phone_number'), '0123')).toMatch(/E\.164/);
    expect(validateAttributeValue(row('phone_number'), '+14155550123')).toBeUndefined();
    expect(validateAttributeValue(row('birthdate'), '1/2/2000')).toMatch(/YYYY-MM-DD/);
    expect(validateAttributeValue(row('x', { type: 'Boolean' }), 'yes')).toMatch(/true or false/);
    expect(validateAttributeValue(row('n', { type: 'Number', minValue: 1, maxValue: 5 }), '9')).toBe('Must be at most 5.');
    expect(validateAttributeValue(row('n', { type: 'Number' }), 'abc')).toBe('Enter a number.');
    expect(validateAttributeValue(row('s', { maxLength: 3 }), 'abcd')).toBe('Must be at most 3 characters.');
    expect(validateAttributeValue(row('s'), 'x'.repeat(2049))).toMatch(/2048/);
  });

  it('the form schema reports errors at the changed field only', () => {
    const rows = toAttributeRows({ email: 'legacy-invalid' }, [attr('email'), attr('custom:n', { type: 'Number' })]);
    const result = attributeFormSchema(rows).safeParse({ values: ['legacy-invalid', 'abc'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['values.1', 'Enter a number.']]);
  });
});

describe('attributeForError', () => {
  const names = ['email', 'email_verified', 'custom:email', 'phone_number'];
  const at = (detail: string, code = 'InvalidParameterException') => attributeForError({ code, detail }, names);

  it('finds the attribute a Cognito message names, exactly', () => {
    expect(at('Attributes did not conform to the schema: custom:email: too long')).toBe('custom:email');
    expect(at('Attributes did not conform to the schema: email_verified: bad')).toBe('email_verified');
    expect(at('Invalid phone number format.')).toBe('phone_number');
    expect(at('An account with the given email already exists.', 'AliasExistsException')).toBe('email');
  });

  it('ignores errors that are not about a value', () => {
    expect(at('email', 'TooManyRequestsException')).toBeUndefined();
    expect(at('Something else')).toBeUndefined();
  });
});
