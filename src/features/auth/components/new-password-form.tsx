import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { toAppError } from '@/aws/errors';
import { Alert } from '@/components/alert';
import { PasswordChecklist } from '@/components/password-checklist';
import { TextField } from '@/components/text-field';
import { COGNITO_DEFAULT_PASSWORD_POLICY, policyAfterRefusal, type PasswordPolicy } from '@/lib/password-policy';
import { attributeLabel } from '../attribute-labels';
import { ChallengeActions } from './challenge-actions';

/**
 * Why the checklist is advisory: before this challenge is answered the operator has no AWS
 * credentials, so the pool's real policy (DescribeUserPool) cannot be read. We show the policy the
 * deployer put in the config, or else Cognito's default — labelled as such — and let Cognito judge
 * on submit; its InvalidPasswordException names the rule that failed and appears at the field,
 * and the checklist takes it in (a 9-character password "not long enough" means at least 10), so
 * it never keeps ticking a rule Cognito has just refused. Blocking on a guessed policy could lock
 * an operator out of a pool with a laxer one.
 */
export function NewPasswordForm({
  account,
  requiredAttributes,
  configuredPolicy,
  onSubmit,
  onCancel,
}: {
  /** Lets password managers file the new password under the right account. */
  account: string;
  requiredAttributes: string[];
  configuredPolicy?: PasswordPolicy | undefined;
  onSubmit: (values: { newPassword: string; attributes: Record<string, string> }) => Promise<void>;
  onCancel: () => void;
}) {
  const checklistId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  /** What Cognito's refusals proved about the pool's policy beyond what the checklist started with. */
  const [learnedPolicy, setLearnedPolicy] = useState<PasswordPolicy | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          newPassword: z.string().min(1, { error: 'Choose a new password.' }),
          confirmPassword: z.string(),
          attributes: z.object(
            Object.fromEntries(requiredAttributes.map((name) => [name, z.string().trim().min(1, { error: `Enter ${attributeLabel(name).toLowerCase()}.` })])),
          ),
        })
        .refine((values) => values.newPassword === values.confirmPassword, {
          error: 'The two passwords differ. Type the same password twice.',
          path: ['confirmPassword'],
        }),
    [requiredAttributes],
  );
  type Values = z.infer<typeof schema>;
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { newPassword: '', confirmPassword: '', attributes: Object.fromEntries(requiredAttributes.map((name) => [name, ''])) },
  });
  const password = useWatch({ control, name: 'newPassword' }) ?? '';
  const startingPolicy = configuredPolicy ?? COGNITO_DEFAULT_PASSWORD_POLICY;
  const policy = learnedPolicy ?? startingPolicy;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit({ newPassword: values.newPassword, attributes: values.attributes as Record<string, string> });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'InvalidPasswordException' || appError.code === 'PasswordHistoryPolicyViolationException') {
        const learned = policyAfterRefusal(policy, values.newPassword, appError.message);
        if (learned !== policy) setLearnedPolicy(learned);
        setError('newPassword', { message: appError.message }, { shouldFocus: true });
      } else {
        setFailure(appError.message);
      }
    }
  });

  const attributeErrors = errors.attributes as Record<string, { message?: string } | undefined> | undefined;

  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
      {failure ? <Alert tone="error" title="The password was not changed">{failure}</Alert> : null}
      <input type="text" name="username" autoComplete="username" value={account} readOnly hidden />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        aria-describedby={checklistId}
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <PasswordChecklist
        id={checklistId}
        password={password}
        policy={policy}
        title={
          learnedPolicy
            ? "Your pool's password policy, as far as Cognito's answer shows it"
            : configuredPolicy
              ? "Your pool's password policy"
              : "Cognito's default password policy (your pool's may differ; Cognito checks it when you submit)"
        }
      />
      <TextField label="Confirm new password" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register('confirmPassword')} />
      {requiredAttributes.length > 0 ? (
        <fieldset className="form__group">
          <legend>The pool also needs these details</legend>
          {requiredAttributes.map((name) => (
            <TextField key={name} label={attributeLabel(name)} error={attributeErrors?.[name]?.message} {...register(`attributes.${name}` as const)} />
          ))}
        </fieldset>
      ) : null}
      <ChallengeActions isSubmitting={isSubmitting} submitLabel="Set password and sign in" pendingLabel="Setting password…" onCancel={onCancel} />
    </form>
  );
}
