import { useId } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { FieldError } from '../detail/attributes/attribute-input';
import type { CreateFormFields } from './create-form-state';

export function InvitationFields({ form }: { form: UseFormReturn<CreateFormFields> }) {
  const id = useId();
  const send = useWatch({ control: form.control, name: 'sendInvitation' });
  const error = form.formState.errors.mediums?.message;
  return (
    <fieldset className="form__group">
      <legend>Invitation</legend>
      <label>
        <input type="checkbox" {...form.register('sendInvitation')} /> Send an invitation with the sign-in details
      </label>
      {send ? (
        <fieldset className="choice-group" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
          <legend>Send it by</legend>
          <label>
            <input type="checkbox" value="EMAIL" {...form.register('mediums')} /> Email
          </label>
          <label>
            <input type="checkbox" value="SMS" {...form.register('mediums')} /> Text message (SMS)
          </label>
          <FieldError id={`${id}-error`} message={error} />
        </fieldset>
      ) : (
        <p className="field__hint">No message is sent (MessageAction SUPPRESS). Give the user their sign-in details yourself.</p>
      )}
    </fieldset>
  );
}
