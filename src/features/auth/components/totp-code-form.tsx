import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { toAppError } from '@/aws/errors';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { ChallengeActions } from './challenge-actions';

const schema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app.' })),
});

/** A six-digit code from an authenticator app; used by SOFTWARE_TOKEN_MFA and by MFA setup. */
export function TotpCodeForm({
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
}: {
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (code: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { code: '' } });

  const submit = handleSubmit(async ({ code }) => {
    setFailure(null);
    try {
      await onSubmit(code);
    } catch (error) {
      setFailure(toAppError(error).message);
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
      {failure ? <Alert tone="error" title="The code was not accepted">{failure}</Alert> : null}
      <TextField
        label="6-digit code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="field--code"
        error={errors.code?.message}
        {...register('code')}
      />
      <ChallengeActions isSubmitting={isSubmitting} submitLabel={submitLabel} pendingLabel={pendingLabel} onCancel={onCancel} />
    </form>
  );
}
