/**
 * Counts by status of the loaded users, doubling as quick filters (status and enabled/disabled).
 * Each is a toggle button with aria-pressed.
 */
import { USER_STATUSES, type UserStatus } from '@/aws/user-types';
import type { EnabledFilter } from '../filters/filter-model';
import type { StatusCounts } from '../model/derive-view';
import { STATUS_LABELS } from './user-cells';

const ALWAYS_SHOWN: readonly UserStatus[] = ['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED'];

export function StatusFilters({
  counts,
  status,
  enabled,
  onStatus,
  onEnabled,
  complete,
  serverStatus,
  serverEnabled,
}: {
  counts: StatusCounts;
  status: UserStatus | undefined;
  enabled: EnabledFilter | undefined;
  onStatus: (status: UserStatus | undefined) => void;
  onEnabled: (enabled: EnabledFilter | undefined) => void;
  /** false while loading: counts are of the users loaded so far */
  complete: boolean;
  /** set when Cognito filtered by status or enabled: other values have no count to show */
  serverStatus?: UserStatus;
  serverEnabled?: EnabledFilter;
}) {
  const shown = USER_STATUSES.filter((s) => ALWAYS_SHOWN.includes(s) || (counts.byStatus[s] ?? 0) > 0 || s === status);
  const n = (value: number) => (complete ? value.toLocaleString() : `${value.toLocaleString()}+`);
  return (
    <div className="users-status-filters" role="group" aria-label="Quick filters by status">
      {shown.map((s) => (
        <button key={s} type="button" className="chip" aria-pressed={status === s} onClick={() => onStatus(status === s ? undefined : s)}>
          {STATUS_LABELS[s]}
          {serverStatus === undefined || serverStatus === s ? (
            <>
              {' '}
              <span className="chip__count">{n(counts.byStatus[s] ?? 0)}</span>
            </>
          ) : null}
        </button>
      ))}
      <span className="users-status-filters__divider" aria-hidden="true" />
      {(['enabled', 'disabled'] as const).map((value) => (
        <button key={value} type="button" className="chip" aria-pressed={enabled === value} onClick={() => onEnabled(enabled === value ? undefined : value)}>
          {value === 'enabled' ? 'Enabled' : 'Disabled'}
          {serverEnabled === undefined || serverEnabled === value ? (
            <>
              {' '}
              <span className="chip__count">{n(value === 'enabled' ? counts.enabled : counts.disabled)}</span>
            </>
          ) : null}
        </button>
      ))}
    </div>
  );
}
