import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { PasswordPolicy } from '@/aws/user-detail';
import type { AppUser } from '@/aws/user-types';
import { useSetPassword } from '../api/user-mutations';
import { FieldError } from '../attributes/attribute-input';
import { generatePassword } from '../password/password-generator';
import { PasswordInput } from '../password/password-input';
import { PasswordChecklist } from '@/components/password-checklist';
import { policyProblem } from '../password/policy-problem';

const passwordErrorCodes = new Set(['InvalidPasswordException', 'PasswordHistoryPolicyViolationException', 'InvalidParameterException']);

export function SetPasswordForm({ user, policy }: { user: AppUser; policy: PasswordPolicy }) {
  const schema = useMemo(
    () =>
      z.object({
        password: z.string().superRefine((value, ctx) => {
          const problem = policyProblem(value, policy);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
        kind: z.enum(['temporary', 'permanent']),
      }),
    [policy],
  );
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { password: '', kind: 'temporary' as const } });
  const mutation = useSetPassword(user, {
    onSuccess: () => form.reset(),
    onError: (error) => {
      if (!passwordErrorCodes.has(error.code)) return false;
      form.setError('password', { message: error.message }, { shouldFocus: true });
      return true;
    },
  });
  const id = useId();
  const password = useWatch({ control: form.control, name: 'password' });
  const error = form.formState.errors.password?.message;

  const onSubmit = form.handleSubmit((v) => mutation.mutate({ password: v.password, permanent: v.kind === 'permanent' }));
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`} className="form">
      <h3 id={`${id}-title`}>Set password</h3>
      <div className="field">
      <label htmlFor={`${id}-password`} className="field__label">New password</label>
      <PasswordInput
        id={`${id}-password`}
        registration={form.register('password')}
        value={password}
        describedBy={[`${id}-rules`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        invalid={Boolean(error)}
        onGenerate={() => form.setValue('password', generatePassword(policy), { shouldDirty: true, shouldValidate: true })}
      />
      <FieldError id={`${id}-error`} message={error} />
      <PasswordChecklist id={`${id}-rules`} password={password} policy={policy} title="The password needs" />
      </div>
      <fieldset className="choice-group">
        <legend>The user must</legend>
        <label>
          <input type="radio" value="temporary" {...form.register('kind')} /> change it at next sign-in (temporary)
        </label>
        <label>
          <input type="radio" value="permanent" {...form.register('kind')} /> keep it (permanent; the user becomes CONFIRMED)
        </label>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Setting…' : 'Set password'}
        </button>
      </div>
    </form>
  );
}
