/**
 * The users table's columns as data: what each shows, how it sorts, how it exports. The React
 * column definitions (components/columns.tsx), the sorter and the exporter all read these, so a
 * column added here appears everywhere at once.
 */
import { displayName } from '../detail/display-name';
import type { UserRow } from './user-row';

export type ColumnKind = 'text' | 'mono' | 'status' | 'boolean' | 'date' | 'groups' | 'number';

export type ColumnValue = string | number | boolean | Date | readonly string[] | undefined;

export interface UserColumn {
  id: string;
  label: string;
  kind: ColumnKind;
  value: (row: UserRow) => ColumnValue;
  /** default width in px */
  width: number;
  /** narrowest it may be resized to, in px (default 80) */
  minWidth?: number;
  /** what the column orders by, when not its value (the first column shows and sorts by name, exports the username) */
  sortBy?: (row: UserRow) => ColumnValue;
  /** the attribute behind the column, if any */
  attribute?: string;
  /** shown before the operator chooses columns */
  defaultVisible: boolean;
  /** username stays: it is what a row links with */
  required?: boolean;
}

const attributeValue = (name: string) => (row: UserRow) => row.user.attributes[name];
const booleanAttribute = (name: string) => (row: UserRow) => {
  const raw = row.user.attributes[name];
  return raw === undefined ? undefined : raw === 'true';
};

export const BASE_COLUMNS: readonly UserColumn[] = [
  {
    id: 'username',
    label: 'User',
    kind: 'text',
    width: 240,
    minWidth: 140,
    // Email-sign-in pools: the email (or phone) people know; the generated username is in the tooltip and Copy.
    value: (r) => r.user.username,
    sortBy: (r) => displayName(r.user),
    defaultVisible: true,
    required: true,
  },
  { id: 'email', label: 'Email', kind: 'text', width: 240, minWidth: 140, attribute: 'email', value: attributeValue('email'), defaultVisible: true },
  {
    id: 'email_verified',
    label: 'Email verified',
    kind: 'boolean',
    width: 150,
    attribute: 'email_verified',
    value: booleanAttribute('email_verified'),
    defaultVisible: true,
  },
  { id: 'status', label: 'Status', kind: 'status', width: 200, minWidth: 120, value: (r) => r.user.status, defaultVisible: true },
  { id: 'enabled', label: 'Enabled', kind: 'boolean', width: 120, value: (r) => r.user.enabled, defaultVisible: true },
  { id: 'created', label: 'Created', kind: 'date', width: 200, minWidth: 110, value: (r) => r.user.createdAt, defaultVisible: true },
  { id: 'modified', label: 'Last modified', kind: 'date', width: 200, minWidth: 110, value: (r) => r.user.modifiedAt, defaultVisible: true },
  { id: 'sub', label: 'User ID (sub)', kind: 'mono', width: 320, minWidth: 120, value: (r) => r.user.sub, defaultVisible: false },
  { id: 'groups', label: 'Groups', kind: 'groups', width: 200, value: (r) => r.groups, defaultVisible: true },
];

/** Attributes the base columns already show. */
const SHOWN_BY_BASE = new Set(['sub', 'email', 'email_verified']);

export const ATTRIBUTE_COLUMN_PREFIX = 'attr:';

export function attributeColumnId(name: string): string {
  return `${ATTRIBUTE_COLUMN_PREFIX}${name}`;
}

export function isAttributeColumnId(id: string): boolean {
  return id.startsWith(ATTRIBUTE_COLUMN_PREFIX);
}

export function canAddAttributeColumn(name: string): boolean {
  return name !== '' && !SHOWN_BY_BASE.has(name);
}

export type AttributeType = 'String' | 'Number' | 'DateTime' | 'Boolean';

/** Cognito's standard attributes (the OpenID Connect claims) in words. */
const STANDARD_LABELS: Record<string, string> = {
  name: 'Name',
  given_name: 'Given name',
  family_name: 'Family name',
  middle_name: 'Middle name',
  nickname: 'Nickname',
  preferred_username: 'Preferred username',
  profile: 'Profile URL',
  picture: 'Picture URL',
  website: 'Website',
  email: 'Email',
  email_verified: 'Email verified',
  gender: 'Gender',
  birthdate: 'Birth date',
  zoneinfo: 'Time zone',
  locale: 'Locale',
  phone_number: 'Phone number',
  phone_number_verified: 'Phone verified',
  address: 'Address',
  updated_at: 'Updated',
};

const words = (name: string) => {
  const text = name.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A column header for an attribute: "Given name", "Plan (custom)"; the raw name stays in the tooltip. */
export function attributeLabel(name: string): string {
  const standard = STANDARD_LABELS[name];
  if (standard) return standard;
  if (name.startsWith('dev:custom:')) return `${words(name.slice('dev:custom:'.length))} (developer-only)`;
  if (name.startsWith('custom:')) return `${words(name.slice('custom:'.length))} (custom)`;
  return words(name);
}

/** A column for any attribute of the pool's schema, standard or custom. */
export function attributeColumn(name: string, type: AttributeType = 'String'): UserColumn {
  const read = attributeValue(name);
  const base = { id: attributeColumnId(name), label: attributeLabel(name), attribute: name, width: 180, defaultVisible: false };
  if (type === 'Boolean' || name.endsWith('_verified')) {
    return { ...base, kind: 'boolean', width: 120, value: booleanAttribute(name) };
  }
  if (type === 'Number') {
    return {
      ...base,
      kind: 'number',
      width: 120,
      value: (row) => {
        const raw = read(row);
        if (raw === undefined || raw.trim() === '') return undefined;
        const n = Number(raw);
        return Number.isFinite(n) ? n : raw;
      },
    };
  }
  if (name === 'updated_at') {
    // Cognito stores updated_at as epoch seconds in a string.
    return {
      ...base,
      kind: 'date',
      value: (row) => {
        const raw = read(row);
        const seconds = raw === undefined ? NaN : Number(raw);
        return Number.isFinite(seconds) ? new Date(seconds * 1000) : raw;
      },
    };
  }
  return { ...base, kind: 'text', value: read };
}

/** Plain text of a value, as exported to CSV and used for ordering mixed values. */
export function valueText(value: ColumnValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return value.join('; ');
}

/** Typed value for JSON export. */
export function valueJson(value: ColumnValue): string | number | boolean | string[] | null {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return [...(value as readonly string[])];
  return value as string | number | boolean;
}

/**
 * A key that orders the column: numbers for dates, booleans and numbers; lower-cased text for
 * the rest. undefined sorts last in either direction.
 */
export function sortKey(column: UserColumn, row: UserRow): string | number | undefined {
  const value = (column.sortBy ?? column.value)(row);
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? undefined : time;
  }
  const text = typeof value === 'string' ? value : value.join(', ');
  return text === '' ? undefined : text.toLowerCase();
}

export function columnsById(columns: readonly UserColumn[]): Map<string, UserColumn> {
  return new Map(columns.map((c) => [c.id, c]));
}
