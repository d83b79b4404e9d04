import type { UseFormReturn } from 'react-hook-form';
import type { GroupSummary } from '@/aws/user-detail';
import type { CreateFormFields } from './create-form-state';

export function GroupsField({ form, groups }: { form: UseFormReturn<CreateFormFields>; groups: GroupSummary[] }) {
  return (
    <fieldset className="form__group">
      <legend>Add to groups</legend>
      {groups.length === 0 && <p className="field__hint">The pool has no groups.</p>}
      {groups.map((group) => (
        <label key={group.name}>
          <input type="checkbox" value={group.name} {...form.register('groups')} /> {group.name}
          {group.description && <span className="muted"> — {group.description}</span>}
        </label>
      ))}
    </fieldset>
  );
}
