/**
 * The user pool schema: Cognito's standard attributes (with their Mutable/Required flags and
 * constraints, as DescribeUserPool lists them) plus the pool's custom attributes, and the checks
 * Cognito applies when attributes are written.
 */
import { invalidParameter } from '../errors';
import type { AttributeMap, PoolRecord, SchemaAttribute } from './state';

const str = (name: string, min = '0', max = '2048', mutable = true): SchemaAttribute => ({
  Name: name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable: mutable,
  Required: false,
  StringAttributeConstraints: { MinLength: min, MaxLength: max },
});
const bool = (name: string): SchemaAttribute => ({
  Name: name,
  AttributeDataType: 'Boolean',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
});

export function standardSchema(): SchemaAttribute[] {
  return [
    { ...str('sub', '1', '2048', false), Required: true },
    str('name'),
    str('given_name'),
    str('family_name'),
    str('middle_name'),
    str('nickname'),
    str('preferred_username'),
    str('profile'),
    str('picture'),
    str('website'),
    str('email'),
    bool('email_verified'),
    str('gender'),
    str('birthdate', '10', '10'),
    str('zoneinfo'),
    str('locale'),
    str('phone_number'),
    bool('phone_number_verified'),
    str('address'),
    {
      Name: 'updated_at',
      AttributeDataType: 'Number',
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
      NumberAttributeConstraints: { MinValue: '0' },
    },
    { Name: 'identities', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: {} },
  ];
}

/**
 * Builds the pool schema from CreateUserPool's Schema: standard attributes may be made required or
 * immutable; other names become `custom:<name>` (or `dev:custom:<name>` when developer-only).
 */
export function buildSchema(input: unknown): SchemaAttribute[] {
  const schema = standardSchema();
  if (!Array.isArray(input)) return schema;
  for (const raw of input as Record<string, unknown>[]) {
    const name = typeof raw.Name === 'string' ? raw.Name : '';
    if (!name) throw invalidParameter('1 validation error detected: Value null at \'schema.member.name\' failed to satisfy constraint: Member must not be null');
    const standard = schema.find((a) => a.Name === name);
    if (standard) {
      if (typeof raw.Required === 'boolean') standard.Required = raw.Required;
      if (typeof raw.Mutable === 'boolean') standard.Mutable = raw.Mutable;
      if (raw.StringAttributeConstraints) standard.StringAttributeConstraints = raw.StringAttributeConstraints as SchemaAttribute['StringAttributeConstraints'];
      continue;
    }
    const bare = name.replace(/^(dev:)?custom:/, '');
    if (bare.length < 1 || bare.length > 20) {
      throw invalidParameter(`Invalid custom attribute name: ${name}. Custom attribute names must be 1 to 20 characters.`);
    }
    if (raw.Required === true) throw invalidParameter('Required custom attributes are not supported currently.');
    const developerOnly = raw.DeveloperOnlyAttribute === true;
    const full = `${developerOnly ? 'dev:' : ''}custom:${bare}`;
    if (schema.some((a) => a.Name === full)) throw invalidParameter(`Existing attribute already has name ${full}.`);
    const type = (raw.AttributeDataType as SchemaAttribute['AttributeDataType']) ?? 'String';
    if (!['String', 'Number', 'DateTime', 'Boolean'].includes(type)) {
      throw invalidParameter(`Invalid AttributeDataType input, consider using the provided AttributeDataType enum.`);
    }
    const attribute: SchemaAttribute = {
      Name: full,
      AttributeDataType: type,
      DeveloperOnlyAttribute: developerOnly,
      Mutable: raw.Mutable !== false,
      Required: false,
    };
    if (type === 'String') attribute.StringAttributeConstraints = (raw.StringAttributeConstraints as SchemaAttribute['StringAttributeConstraints']) ?? {};
    if (type === 'Number') attribute.NumberAttributeConstraints = (raw.NumberAttributeConstraints as SchemaAttribute['NumberAttributeConstraints']) ?? {};
    schema.push(attribute);
  }
  return schema;
}

/** Parses AttributeType lists ([{Name, Value}]) into a map, rejecting malformed entries. */
export function attributeList(input: unknown, member = 'userAttributes'): AttributeMap {
  const out: AttributeMap = {};
  if (input === undefined || input === null) return out;
  if (!Array.isArray(input)) throw invalidParameter(`1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a list`);
  input.forEach((entry: unknown, i) => {
    const e = entry as { Name?: unknown; Value?: unknown } | null;
    if (!e || typeof e.Name !== 'string' || e.Name.length < 1 || e.Name.length > 32) {
      throw invalidParameter(`1 validation error detected: Value null at '${member}.${i + 1}.member.name' failed to satisfy constraint: Member must not be null`);
    }
    const value = e.Value === undefined || e.Value === null ? '' : e.Value;
    if (typeof value !== 'string') throw invalidParameter(`1 validation error detected: Value at '${member}.${i + 1}.member.value' failed to satisfy constraint: Member must be a string`);
    if (value.length > 2048) {
      throw invalidParameter(`1 validation error detected: Value at '${member}.${i + 1}.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048`);
    }
    out[e.Name] = value;
  });
  return out;
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_RE = /^\+[0-9]{4,15}$/;

export type WriteMode = 'create' | 'update';

const byName = new WeakMap<SchemaAttribute[], Map<string, SchemaAttribute>>();

/** The schema attribute called `name` (schemas never change after creation, so the map is cached). */
export function schemaAttribute(pool: PoolRecord, name: string): SchemaAttribute | undefined {
  let map = byName.get(pool.schema);
  if (!map) {
    map = new Map(pool.schema.map((a) => [a.Name, a]));
    byName.set(pool.schema, map);
  }
  return map.get(name);
}

/**
 * Checks attribute names, types and constraints against the pool schema. `create` reports with the
 * "Attributes did not conform to the schema" prefix Cognito uses on AdminCreateUser/SignUp; `update`
 * with the `user.<name>:` form of the attribute-update operations.
 */
export function checkAttributes(pool: PoolRecord, attrs: AttributeMap, mode: WriteMode, opts: { admin: boolean; seeding?: boolean }): void {
  const problems: string[] = [];
  for (const name in attrs) {
    const value = attrs[name]!;
    const def = schemaAttribute(pool, name);
    if (!def) {
      problems.push(mode === 'create' ? `Type for attribute {${name}} could not be determined` : `user.${name}: Attribute does not exist in the schema.`);
      continue;
    }
    if (name === 'sub') {
      // Seeds may bring their own sub (putUser); nobody else may set it.
      if (opts.seeding) continue;
      problems.push(mode === 'create' ? 'sub: Attribute cannot be set' : `user.sub: Attribute cannot be updated. (changing an immutable attribute)`);
      continue;
    }
    if (def.DeveloperOnlyAttribute && !opts.admin) {
      problems.push(`${mode === 'create' ? '' : 'user.'}${name}: Attribute is developer-only and can only be written with developer credentials.`);
      continue;
    }
    if (mode === 'update' && !def.Mutable) {
      problems.push(`user.${name}: Attribute cannot be updated. (changing an immutable attribute)`);
      continue;
    }
    const c = def.StringAttributeConstraints;
    if (def.AttributeDataType === 'String' && c) {
      const len = [...value].length;
      if (c.MaxLength !== undefined && len > Number(c.MaxLength)) problems.push(`${name}: String must be no longer than ${c.MaxLength} characters`);
      if (c.MinLength !== undefined && len < Number(c.MinLength) && value !== '') problems.push(`${name}: String must be at least ${c.MinLength} characters`);
    }
    if (def.AttributeDataType === 'Number' && value !== '' && !/^-?\d+(\.\d+)?$/.test(value)) problems.push(`${name}: Number expected`);
    if (def.AttributeDataType === 'Boolean' && value !== 'true' && value !== 'false') problems.push(`${name}: Boolean expected`);
  }
  if (problems.length > 0) {
    throw invalidParameter(mode === 'create' ? `Attributes did not conform to the schema: ${problems.join('\n')}` : problems.join('\n'));
  }
  if (attrs.email !== undefined && attrs.email !== '' && !EMAIL_RE.test(attrs.email)) throw invalidParameter('Invalid email address format.');
  if (attrs.phone_number !== undefined && attrs.phone_number !== '' && !PHONE_RE.test(attrs.phone_number)) {
    throw invalidParameter('Invalid phone number format.');
  }
}

/** Required attributes missing from `attrs`, e.g. for "email: The attribute is required". */
export function missingRequired(pool: PoolRecord, attrs: AttributeMap): string[] {
  return pool.schema.filter((a) => a.Required && a.Name !== 'sub' && !attrs[a.Name]).map((a) => a.Name);
}

export function requireAttributes(pool: PoolRecord, attrs: AttributeMap): void {
  const missing = missingRequired(pool, attrs);
  if (missing.length > 0) {
    throw invalidParameter(`Attributes did not conform to the schema: ${missing.map((n) => `${n}: The attribute is required`).join('\n')}`);
  }
}
