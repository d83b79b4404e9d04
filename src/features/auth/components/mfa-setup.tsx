import { useQuery } from '@tanstack/react-query';
import type { TotpEnrolment } from '@/aws/auth';
import { toAppError } from '@/aws/errors';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { TotpCodeForm } from './totp-code-form';

/** Groups of four make a 32-character secret possible to type without losing one's place. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * MFA_SETUP: the pool requires an authenticator app and this account has none yet. The secret is
 * asked for once per challenge session (a query keyed by it, so a re-render or React's double
 * effects in development cannot mint a second secret).
 */
export function MfaSetup({
  session,
  account,
  begin,
  complete,
  onCancel,
}: {
  session: string;
  account: string;
  begin: () => Promise<TotpEnrolment>;
  complete: (enrolment: TotpEnrolment, code: string) => Promise<void>;
  onCancel: () => void;
}) {
  const enrolment = useQuery({
    queryKey: ['auth', 'totp-enrolment', session],
    queryFn: begin,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });

  if (enrolment.isPending) return <Loading label="Asking Cognito for a new authenticator secret…" />;
  if (enrolment.isError) {
    return (
      <>
        <ErrorState title="Authenticator setup could not start" error={toAppError(enrolment.error)} />
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Back to sign in
        </button>
      </>
    );
  }
  const data = enrolment.data;
  return (
    <div className="stack">
      <ol className="steps">
        <li>
          Open an authenticator app (such as Google Authenticator, 1Password or Authy) and add an account for <strong>{account}</strong>.
        </li>
        <li>
          Enter this secret key, or <a href={data.otpauthUri}>open the setup link</a> on a device that has the app:
          <p className="secret" aria-label="Secret key">
            <code>{grouped(data.secretCode)}</code>
          </p>
          <details className="details">
            <summary>Show the setup link as text</summary>
            <p className="secret secret--uri">
              <code>{data.otpauthUri}</code>
            </p>
          </details>
        </li>
        <li>Type the 6-digit code the app now shows.</li>
      </ol>
      <TotpCodeForm submitLabel="Verify and sign in" pendingLabel="Verifying…" onSubmit={(code) => complete(data, code)} onCancel={onCancel} />
    </div>
  );
}
