/**
 * How each kind of value shows in a cell. Values are rendered as React text, never as HTML, so
 * an attribute holding markup shows as the characters it is.
 */
import { Link } from 'react-router';
import type { UserStatus } from '@/aws/user-types';
import { Badge, type BadgeTone } from '@/components/badge';
import { formatDateTime } from '@/lib/format';
import { displayName, hasGeneratedUsername } from '../detail/display-name';
import { userPaths } from '../detail/paths';
import type { ColumnValue, UserColumn } from '../model/column-model';
import type { UserRow } from '../model/user-row';

export const STATUS_LABELS: Record<UserStatus, string> = {
  CONFIRMED: 'Confirmed',
  UNCONFIRMED: 'Unconfirmed',
  FORCE_CHANGE_PASSWORD: 'Must change password',
  RESET_REQUIRED: 'Reset required',
  EXTERNAL_PROVIDER: 'External provider',
  ARCHIVED: 'Archived',
  COMPROMISED: 'Compromised',
  UNKNOWN: 'Unknown',
};

const STATUS_TONES: Record<UserStatus, BadgeTone> = {
  CONFIRMED: 'success',
  UNCONFIRMED: 'warning',
  FORCE_CHANGE_PASSWORD: 'info',
  RESET_REQUIRED: 'danger',
  EXTERNAL_PROVIDER: 'accent',
  ARCHIVED: 'neutral',
  COMPROMISED: 'danger',
  UNKNOWN: 'neutral',
};

export function StatusBadge({ status }: { status: UserStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} title={status}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

function BooleanValue({ value, yes, no }: { value: boolean | undefined; yes: string; no: string }) {
  if (value === undefined) return <span className="users-cell__empty">—</span>;
  return <span className={value ? 'users-cell__yes' : 'users-cell__no'}>{value ? yes : no}</span>;
}

/** Text clipped with an ellipsis when the column is narrow; the whole value on hover. */
function Clipped({ text }: { text: string }) {
  return (
    <span className="users-cell__text" title={text}>
      {text}
    </span>
  );
}

function Plain({ value }: { value: ColumnValue }) {
  if (value === undefined || value === '') return <span className="users-cell__empty">—</span>;
  if (value instanceof Date) return <time dateTime={Number.isNaN(value.getTime()) ? undefined : value.toISOString()}>{formatDateTime(value)}</time>;
  if (typeof value === 'boolean') return <>{value ? 'true' : 'false'}</>;
  if (Array.isArray(value)) return <Clipped text={value.join(', ')} />;
  return <Clipped text={String(value)} />;
}

export function UserCell({ column, row, groupsKnown }: { column: UserColumn; row: UserRow; groupsKnown: boolean }) {
  const value = column.value(row);
  switch (column.id) {
    case 'username': {
      // Email-sign-in pools: the address people know, the generated username on hover (and Copy).
      const generated = hasGeneratedUsername(row.user);
      return (
        <Link
          className="users-cell__link"
          to={userPaths.user(row.user.username)}
          tabIndex={-1}
          title={generated ? `Username ${row.user.username}` : row.user.username}
        >
          {generated ? displayName(row.user) : row.user.username}
        </Link>
      );
    }
    case 'status':
      return <StatusBadge status={row.user.status} />;
    case 'enabled':
      return <BooleanValue value={row.user.enabled} yes="Enabled" no="Disabled" />;
    case 'groups':
      if (!groupsKnown) return <span className="users-cell__empty" title="Group membership is loading">…</span>;
      return row.groups && row.groups.length > 0 ? <Clipped text={row.groups.join(', ')} /> : <span className="users-cell__empty">—</span>;
    default:
      if (column.kind === 'boolean') return <BooleanValue value={value as boolean | undefined} yes="Yes" no="No" />;
      return <Plain value={value} />;
  }
}
