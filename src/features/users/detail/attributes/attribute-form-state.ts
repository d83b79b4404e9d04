/**
 * Pure mappers between a user's attributes, the pool schema and the attribute form
 * (keycloak's toFormFields / toRepresentation idea). Form values are kept in an array aligned
 * with `rows`, because custom attribute names may contain dots, which form libraries read as paths.
 */
import { z } from 'zod';
import type { AttributeDataType, SchemaAttribute } from '@/aws/user-detail';

export interface AttributeRow {
  name: string;
  type: AttributeDataType;
  /** false for immutable schema attributes and for attributes Cognito manages (sub, identities) */
  mutable: boolean;
  required: boolean;
  custom: boolean;
  /** the user's current value; undefined when the attribute is not set */
  value?: string;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

export interface AttributeFormFields {
  values: string[];
}

export interface AttributeChanges {
  updates: Record<string, string>;
  deletions: string[];
}

/** Attributes an administrator can never write, whatever the schema says. */
const managedByCognito = new Set(['sub', 'identities', 'cognito:user_status', 'cognito:mfa_enabled']);

/**
 * One row per schema attribute plus any attribute the user has that the schema does not list
 * (shown read-only). Required and set attributes come first, then the rest, each alphabetically.
 */
export function toAttributeRows(attributes: Record<string, string>, schema: SchemaAttribute[]): AttributeRow[] {
  const rows: AttributeRow[] = schema.map((a) => ({
    name: a.name,
    type: a.type,
    mutable: a.mutable && !managedByCognito.has(a.name),
    required: a.required,
    custom: a.custom,
    value: Object.hasOwn(attributes, a.name) ? attributes[a.name] : undefined,
    minLength: a.minLength,
    maxLength: a.maxLength,
    minValue: a.minValue,
    maxValue: a.maxValue,
  }));
  const known = new Set(schema.map((a) => a.name));
  for (const name of Object.keys(attributes)) {
    if (!known.has(name)) {
      rows.push({ name, type: 'String', mutable: false, required: false, custom: name.startsWith('custom:'), value: attributes[name] });
    }
  }
  const rank = (r: AttributeRow) => (r.required ? 0 : r.value !== undefined ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export function toFormFields(rows: AttributeRow[]): AttributeFormFields {
  return { values: rows.map((r) => r.value ?? '') };
}

/**
 * What to send: changed non-empty values of mutable attributes become updates; a mutable,
 * optional attribute that was set and is now empty becomes a deletion (Cognito has no "set to
 * empty" — AdminDeleteUserAttributes is the way to clear one).
 */
export function toAttributeChanges(rows: AttributeRow[], fields: AttributeFormFields): AttributeChanges {
  const changes: AttributeChanges = { updates: {}, deletions: [] };
  rows.forEach((row, i) => {
    if (!row.mutable) return;
    const next = fields.values[i] ?? '';
    if (next === (row.value ?? '')) return;
    if (next !== '') changes.updates[row.name] = next;
    else if (row.value !== undefined && !row.required) changes.deletions.push(row.name);
  });
  return changes;
}

export const hasChanges = (c: AttributeChanges) => Object.keys(c.updates).length > 0 || c.deletions.length > 0;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+[1-9]\d{1,14}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const numberPattern = /^-?\d+(\.\d+)?$/;

/** A message for an invalid value, or undefined when Cognito would accept it. */
export function validateAttributeValue(row: Pick<AttributeRow, 'name' | 'type' | 'required' | 'minLength' | 'maxLength' | 'minValue' | 'maxValue'>, value: string): string | undefined {
  if (value === '') return row.required ? `${row.name} is required.` : undefined;
  if (row.type === 'Boolean') return value === 'true' || value === 'false' ? undefined : 'Choose true or false.';
  if (row.type === 'Number') {
    if (!numberPattern.test(value)) return 'Enter a number.';
    const n = Number(value);
    if (row.minValue !== undefined && n < row.minValue) return `Must be at least ${row.minValue}.`;
    if (row.maxValue !== undefined && n > row.maxValue) return `Must be at most ${row.maxValue}.`;
    return undefined;
  }
  const length = [...value].length;
  // Cognito's default limit for a string attribute value is 2048 characters.
  const max = row.maxLength ?? 2048;
  if (length > max) return `Must be at most ${max} characters.`;
  if (row.minLength !== undefined && length < row.minLength) return `Must be at least ${row.minLength} characters.`;
  if (row.name === 'email' && !emailPattern.test(value)) return 'Enter an email address such as name@example.com.';
  if (row.name === 'phone_number' && !phonePattern.test(value)) {
    return 'Enter the number in E.164 format: a plus sign, the country code and the number, e.g. +14155550123.';
  }
  if (row.name === 'birthdate' && !datePattern.test(value)) return 'Enter the date as YYYY-MM-DD.';
  return undefined;
}

/** zod schema for the form: each changed, mutable value is validated against its row. */
export function attributeFormSchema(rows: AttributeRow[]) {
  return z.object({ values: z.array(z.string()) }).superRefine((data, ctx) => {
    rows.forEach((row, i) => {
      const value = data.values[i] ?? '';
      if (!row.mutable || value === (row.value ?? '')) return;
      const message = validateAttributeValue(row, value);
      if (message) ctx.addIssue({ code: 'custom', path: ['values', i], message });
    });
  });
}
