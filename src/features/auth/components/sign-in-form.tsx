import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { toAppError } from '@/aws/errors';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';

const schema = z.object({
  username: z.string().trim().min(1, { error: 'Enter your username or email address.' }),
  password: z.string().min(1, { error: 'Enter your password.' }),
});
export type SignInValues = z.infer<typeof schema>;

/** Username and password; Cognito's answer (or refusal) decides what comes next. */
export function SignInForm({ onSubmit }: { onSubmit: (values: SignInValues) => Promise<void> }) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(schema), defaultValues: { username: '', password: '' } });

  const submit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        await onSubmit(values);
      } catch (error) {
        setFailure(toAppError(error).message);
      }
    },
    () => setFailure(null),
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
      {failure ? <Alert tone="error" title="Sign-in failed">{failure}</Alert> : null}
      <TextField label="Username or email" autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.username?.message} {...register('username')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...register('password')} />
      <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
