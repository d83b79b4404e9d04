import { useId, useState } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import { toAppError } from '@/aws/errors';
import { isOperatorUser } from '@/aws/user-actions';
import type { UserDetail } from '@/aws/user-detail';
import { usePoolGroups } from '../api/get-pool-groups';
import { useUserGroups } from '../api/get-user-groups';
import { useGroupMembership } from '../api/user-mutations';
import { LoadError } from '../components/load-error';
import { displayName } from '../display-name';
import { Loading } from '@/components/loading';
import { useConfirmDialog } from '@/components/confirm-dialog';
import { adminGrantWarning } from '../../bulk/bulk-actions';

export function GroupsTab({ user }: { user: UserDetail }) {
  const ctx = useAdminContext();
  const groups = useUserGroups(user.username);
  const membership = useGroupMembership(user);
  const self = isOperatorUser(ctx, user);
  const noteId = useId();
  const name = displayName(user);
  // Adding to the admin group makes an administrator: confirmed like a delete.
  const [openGrant, grantDialog] = useConfirmDialog({
    title: `Make ${name} an administrator?`,
    message: (
      <>
        <p>Add {name} to “{ctx.adminGroup}”.</p>
        <p>
          <strong>{adminGrantWarning(ctx.adminGroup)}</strong>
        </p>
      </>
    ),
    confirmLabel: 'Give administrator access',
    destructive: true,
    confirmationText: ctx.adminGroup,
    onConfirm: () => membership.mutate({ group: ctx.adminGroup, member: true }),
  });

  return (
    <section className="stack" aria-labelledby="groups-title">
      <h2 id="groups-title">Groups</h2>
      {groups.isPending && <Loading label="Loading groups…" />}
      {groups.isError && <LoadError what="the user’s groups" error={toAppError(groups.error)} onRetry={() => void groups.refetch()} />}
      {groups.isSuccess && groups.data.length === 0 && <p>{displayName(user)} is in no group.</p>}
      {groups.isSuccess && groups.data.length > 0 && (
        <ul className="group-list" aria-label={`Groups of ${displayName(user)}`}>
          {groups.data.map((group) => {
            const locked = self && group.name === ctx.adminGroup;
            return (
              <li key={group.name}>
                <span className="group-name">{group.name}</span>
                {group.description && <span className="muted"> — {group.description}</span>}{' '}
                <button
                  type="button"
                  className="button"
                  aria-label={`Remove from ${group.name}`}
                  disabled={locked || membership.isPending}
                  aria-describedby={locked ? noteId : undefined}
                  onClick={() => membership.mutate({ group: group.name, member: false })}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {self && (
        <p id={noteId} className="field__hint">
          You cannot remove yourself from “{ctx.adminGroup}”: you would lose access to Poolkeeper.
        </p>
      )}
      {groups.isSuccess && (
        <AddToGroup
          memberOf={groups.data.map((g) => g.name)}
          busy={membership.isPending}
          onAdd={(group) => (group === ctx.adminGroup ? openGrant() : membership.mutate({ group, member: true }))}
        />
      )}
      {grantDialog}
    </section>
  );
}

function AddToGroup({ memberOf, busy, onAdd }: { memberOf: string[]; busy: boolean; onAdd: (group: string) => void }) {
  const all = usePoolGroups();
  const selectId = useId();
  const [choice, setChoice] = useState('');
  if (all.isPending) return <Loading label="Loading the pool’s groups…" />;
  if (all.isError) return <LoadError what="the pool’s groups" error={toAppError(all.error)} onRetry={() => void all.refetch()} />;
  const available = all.data.filter((g) => !memberOf.includes(g.name));
  if (available.length === 0) return <p className="field__hint">The user is already in every group of the pool.</p>;
  const selected = available.some((g) => g.name === choice) ? choice : '';
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (selected) onAdd(selected);
      }}
    >
      <label htmlFor={selectId} className="field__label">
        Add to group
      </label>{' '}
      <select id={selectId} className="field__input" value={selected} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Choose a group…</option>
        {available.map((g) => (
          <option key={g.name} value={g.name}>
            {g.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button button--primary" disabled={busy || !selected}>
        Add
      </button>
    </form>
  );
}
