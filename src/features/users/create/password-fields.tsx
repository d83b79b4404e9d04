import { useId } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { PasswordPolicy } from '@/aws/user-detail';
import { FieldError } from '../detail/attributes/attribute-input';
import { generatePassword } from '../detail/password/password-generator';
import { PasswordInput } from '../detail/password/password-input';
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
          <PasswordInput
            id={`${id}-password`}
            registration={form.register('temporaryPassword')}
            value={password}
            describedBy={[`${id}-hint`, `${id}-rules`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            invalid={Boolean(error)}
            concealable={false}
            autoComplete="off"
            generateLabel="Generate another"
            onGenerate={() => form.setValue('temporaryPassword', generatePassword(policy), { shouldDirty: true, shouldValidate: true })}
          />
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
