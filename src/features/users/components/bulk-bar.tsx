/**
 * Appears once users are selected: pick an action (and a group where it needs one), confirm,
 * run. Destructive runs ask the operator to type the count ("delete 120 users" for a delete), so
 * a slip of the mouse cannot remove a pool's worth of accounts.
 */
import { useId, useState } from 'react';
import { useConfirmDialog } from '@/components/confirm-dialog';
import type { PoolGroup } from '@/aws/users';
import { adminGrantWarning, BULK_ACTIONS, isPrivilegeGrant, plural, type BulkActionKind } from '../bulk/bulk-actions';

const CONFIRM_VERBS: Partial<Record<BulkActionKind, string>> = { disable: 'disable', 'remove-from-group': 'remove', 'sign-out': 'sign out', delete: 'delete' };

/** What a destructive run asks to have typed: always "<verb> <count> user(s)", e.g. "sign out 1200 users" (no digit grouping to type). */
export function confirmationPhrase(kind: BulkActionKind, count: number): string {
  return `${CONFIRM_VERBS[kind] ?? kind} ${count} user${count === 1 ? '' : 's'}`;
}

export function BulkBar({
  selectedCount,
  viewCount,
  allSelected,
  loading,
  groups,
  adminGroup,
  busy,
  onSelectAll,
  onClear,
  onRun,
}: {
  selectedCount: number;
  /** users in the current view */
  viewCount: number;
  /** "everything matching this view" is selected */
  allSelected: boolean;
  /** the list is still loading: "everything" means everything loaded so far */
  loading: boolean;
  groups: readonly PoolGroup[];
  /** the group whose members administer the pool: adding to it is confirmed like a delete */
  adminGroup: string;
  busy: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onRun: (kind: BulkActionKind, group: string | undefined) => void;
}) {
  const [kind, setKind] = useState<BulkActionKind>('resend-code');
  const [group, setGroup] = useState('');
  const actionId = useId();
  const groupId = useId();
  const action = BULK_ACTIONS.find((a) => a.kind === kind)!;
  const count = selectedCount;
  const ready = count > 0 && !busy && (!action.needsGroup || group !== '');

  const grant = isPrivilegeGrant(kind, group || undefined, adminGroup);
  const [openConfirm, confirmDialog] = useConfirmDialog({
    title: grant ? `Make ${plural(count)} administrators?` : `${action.label}: ${plural(count)}?`,
    message: (
      <>
        <p>{action.describe(count, group || undefined)}</p>
        {grant ? (
          <p>
            <strong>{adminGrantWarning(group)}</strong>
          </p>
        ) : null}
        <p>Users for whom it does not apply are skipped and listed with the reason. You can cancel while it runs.</p>
      </>
    ),
    confirmLabel: grant ? `Give ${plural(count)} administrator access` : `${action.label} ${plural(count)}`,
    destructive: action.destructive || grant,
    ...(grant ? { confirmationText: group } : action.destructive ? { confirmationText: confirmationPhrase(kind, count) } : {}),
    onConfirm: () => onRun(kind, action.needsGroup ? group : undefined),
  });

  if (count === 0) return null;
  return (
    <div className="users-bulk" role="region" aria-label="Bulk actions">
      <span className="users-bulk__count" aria-live="polite">
        {allSelected ? `All ${plural(count)} in this view selected` : `${plural(count)} selected`}
        {loading && allSelected ? ' (loaded so far)' : ''}
      </span>
      {!allSelected && viewCount > count ? (
        <button type="button" className="button button--small" onClick={onSelectAll}>
          Select all {plural(viewCount)} in this view
        </button>
      ) : null}
      <button type="button" className="button button--small" onClick={onClear}>
        Clear selection
      </button>
      <label htmlFor={actionId}>Action</label>
      <select id={actionId} value={kind} onChange={(e) => setKind(e.target.value as BulkActionKind)} disabled={busy}>
        {BULK_ACTIONS.map((a) => (
          <option key={a.kind} value={a.kind}>
            {a.label}
          </option>
        ))}
      </select>
      {action.needsGroup ? (
        <>
          <label htmlFor={groupId}>Group</label>
          <select id={groupId} value={group} onChange={(e) => setGroup(e.target.value)} disabled={busy}>
            <option value="">Choose a group…</option>
            {groups.map((g) => (
              <option key={g.name} value={g.name}>
                {g.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="button" className={action.destructive || grant ? 'button button--danger' : 'button button--primary'} disabled={!ready} onClick={openConfirm}>
        {action.label}…
      </button>
      {confirmDialog}
    </div>
  );
}
