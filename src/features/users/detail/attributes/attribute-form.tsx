import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { SchemaAttribute, UserDetail } from '@/aws/user-detail';
import { useConfirmDialog } from '@/components/confirm-dialog';
import { useLeaveGuard } from '@/components/leave-guard';
import { useSaveAttributes } from '../api/user-mutations';
import { displayName } from '../display-name';
import { useActionStatus } from '../status/action-status';
import { AttributeRowView } from './attribute-row';
import { AttributeTable } from './attribute-table';
import {
  attributeFormSchema,
  hasChanges,
  toAttributeChanges,
  toAttributeRows,
  toFormFields,
  type AttributeFormFields,
  type AttributeRow,
} from './attribute-form-state';
import { attributeForError } from './cognito-field-error';

export function AttributeForm({ user, schema }: { user: UserDetail; schema: SchemaAttribute[] }) {
  const rows = useMemo(() => toAttributeRows(user.attributes, schema), [user.attributes, schema]);
  const values = useMemo(() => toFormFields(rows), [rows]);
  const resolver = useMemo(() => zodResolver(attributeFormSchema(rows)), [rows]);
  const form = useForm<AttributeFormFields>({ values, resolver, resetOptions: { keepDirtyValues: true } });
  const { announce } = useActionStatus();
  const save = useSaveAttributes(user, {
    onError: (error) => {
      const name = attributeForError(error, rows.map((r) => r.name));
      const index = rows.findIndex((r) => r.name === name);
      if (index < 0) return false;
      form.setError(`values.${index}`, { message: error.message }, { shouldFocus: true });
      return true;
    },
  });

  const [deleting, setDeleting] = useState<string>('');
  const [openDelete, deleteDialog] = useConfirmDialog({
    title: `Delete ${deleting}?`,
    message: <p>The attribute is removed from {displayName(user)}. You can set it again later.</p>,
    confirmLabel: 'Delete attribute',
    destructive: true,
    onConfirm: () => save.mutate({ updates: {}, deletions: [deleting] }),
  });

  // Edits not saved yet are lost by leaving the page or the tab: ask first.
  const leaveDialog = useLeaveGuard({
    when: form.formState.isDirty,
    title: 'Leave without saving?',
    message: <p>Your changes to {displayName(user)}’s attributes are not saved. Leave and they are lost; stay to save them.</p>,
    leaveLabel: 'Leave without saving',
  });

  // Required and set attributes in view; the rest folded away until wanted (or invalid).
  const indexed = rows.map((row, index) => ({ row, index }));
  const setRows = indexed.filter(({ row }) => row.required || row.value !== undefined);
  const unsetRows = indexed.filter(({ row }) => !row.required && row.value === undefined);
  const [showUnset, setShowUnset] = useState(false);
  const errors = form.formState.errors.values;
  const unsetInvalid = unsetRows.some(({ index }) => errors?.[index]);
  const renderRow = ({ row, index }: { row: AttributeRow; index: number }) => (
    <AttributeRowView
      key={row.name}
      row={row}
      registration={form.register(`values.${index}`)}
      error={errors?.[index]?.message}
      busy={save.isPending}
      onDelete={() => {
        setDeleting(row.name);
        openDelete();
      }}
    />
  );

  const onSubmit = form.handleSubmit((fields) => {
    const changes = toAttributeChanges(rows, fields);
    if (!hasChanges(changes)) {
      announce({ tone: 'success', text: 'Nothing to save: no attribute was changed.' });
      return;
    }
    // Saved values are the new baseline at once: the refetch of the user may land before or after
    // this, and the form must not stay dirty (Save enabled) for what was just saved.
    save.mutate(changes, { onSuccess: () => form.reset(fields, { keepValues: true }) });
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Attributes" className="form">
      <p className="field__hint">Read-only attributes are immutable in the pool schema or managed by Cognito. Clear an optional value to delete it.</p>
      <AttributeTable caption="Attributes set" rows={setRows} render={renderRow} />
      <details className="unset-attributes" open={showUnset || unsetInvalid} onToggle={(e) => setShowUnset(e.currentTarget.open)}>
        <summary>{`Attributes not set (${unsetRows.length})`}</summary>
        <AttributeTable caption="Attributes not set" rows={unsetRows} render={renderRow} />
      </details>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending || !form.formState.isDirty}>
          {save.isPending ? 'Saving…' : 'Save attributes'}
        </button>
        <button type="button" className="button" onClick={() => form.reset(values)} disabled={save.isPending || !form.formState.isDirty}>
          Undo changes
        </button>
      </div>
      {deleteDialog}
      {leaveDialog}
    </form>
  );
}
