import { useId } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { PasswordPolicy } from '@/aws/user-detail';
import { FieldError } from '../detail/attributes/attribute-input';
import { generatePassword } from '../detail/password/password-generator';
import { PasswordChecklist } from '@/components/password-checklist';
import type { CreateFormFields } from './create-form-state';

export function PasswordFields({ form, policy }: { form: UseFormReturn<CreateFormFields>; policy: PasswordPolicy }) {
  const id = useId();
  const [mode, password, sendInvitation] = useWatch({ control: form.control, name: ['passwordMode', 'temporaryPassword', 'sendInvitation'] });
  const error = form.formState.errors.temporaryPassword?.message;
  return (
    <fieldset className="form__group">
      <legend>Temporary password</legend>
      <label>
        <input type="radio" value="generated" {...form.register('passwordMode')} /> Use this temporary password
      </label>
      <label>
        <input type="radio" value="cognito" {...form.register('passwordMode')} /> Let Cognito generate one (it is sent only in the
        invitation)
      </label>
      {mode === 'generated' && (
        <div className="field">
          <label htmlFor={`${id}-password`} className="field__label">
            Temporary password
          </label>
          <div className="input-row">
            <input
              id={`${id}-password`}
              className="field__input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={[`${id}-hint`, `${id}-rules`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
              {...form.register('temporaryPassword')}
            />
            <button
              type="button"
              className="button"
              onClick={() => form.setValue('temporaryPassword', generatePassword(policy), { shouldDirty: true, shouldValidate: true })}
            >
              Generate another
            </button>
          </div>
          <p id={`${id}-hint`} className="field__hint">
            The user must replace it at first sign-in
            {policy.temporaryPasswordValidityDays ? `, within ${policy.temporaryPasswordValidityDays} days` : ''}. Copy it now if
            you do not send an invitation: Poolkeeper does not show it again.
          </p>
          <FieldError id={`${id}-error`} message={error} />
          <PasswordChecklist id={`${id}-rules`} password={password} policy={policy} title="The password needs" />
        </div>
      )}
      {mode === 'cognito' && !sendInvitation && (
        <p className="field__hint alert alert--warning">
          Without an invitation nobody learns the password Cognito generates; you would have to set or reset it later.
        </p>
      )}
    </fieldset>
  );
}
