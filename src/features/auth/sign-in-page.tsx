import { Navigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { Loading } from '@/components/loading';
import { useRuntime } from '@/config/runtime-context';
import { AuthCard } from './components/auth-card';
import { MfaSetup } from './components/mfa-setup';
import { NewPasswordForm } from './components/new-password-form';
import { SignInForm } from './components/sign-in-form';
import { TotpCodeForm } from './components/totp-code-form';
import { useSessionController, useSessionState } from './session-context';

/** Only same-app paths: an attacker-supplied `next=https://…` must not turn sign-in into a redirector. */
export function safeNextPath(next: string | null): string {
  // URL parsing drops tabs and newlines and reads a backslash as '/', so '/<tab>/evil' and '/<backslash>evil'
  // both mean '//evil': a path with either is refused outright.
  const suspicious = next !== null && [...next].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (!next || suspicious || !next.startsWith('/') || next.startsWith('//')) return '/';
  return next;
}

/** /sign-in: whichever step of Cognito's sign-in the operator is at. */
export function SignInPage() {
  const state = useSessionState();
  const session = useSessionController();
  const runtime = useRuntime();
  const [params] = useSearchParams();

  if (state.status === 'restoring') {
    return (
      <AuthCard title="Sign in">
        <Loading label="Checking for an existing session…" />
      </AuthCard>
    );
  }
  if (state.status === 'signed-in') return <Navigate to={safeNextPath(params.get('next'))} replace />;

  const cancel = () => session.cancelChallenge();

  if (state.status === 'challenge') {
    const step = state.step;
    switch (step.kind) {
      case 'new-password':
        return (
          <AuthCard title="Choose a new password" description={<p>Cognito requires <strong>{state.account}</strong> to set a new password before signing in.</p>}>
            <NewPasswordForm
              account={state.account}
              requiredAttributes={step.requiredAttributes}
              configuredPolicy={runtime.config.passwordPolicy}
              onSubmit={({ newPassword, attributes }) => session.completeNewPassword(newPassword, attributes)}
              onCancel={cancel}
            />
          </AuthCard>
        );
      case 'totp':
        return (
          <AuthCard title="Enter your authenticator code" description={<p>Open your authenticator app and type the 6-digit code it shows for this account.</p>}>
            <TotpCodeForm submitLabel="Verify" pendingLabel="Verifying…" onSubmit={(code) => session.answerTotp(code)} onCancel={cancel} />
          </AuthCard>
        );
      case 'mfa-setup':
        return (
          <AuthCard title="Set up an authenticator app" description={<p>This pool requires multi-factor authentication. Link an authenticator app to finish signing in.</p>}>
            <MfaSetup
              session={step.session}
              account={state.account}
              begin={() => session.beginTotpSetup()}
              complete={(enrolment, code) => session.completeTotpSetup(enrolment, code)}
              onCancel={cancel}
            />
          </AuthCard>
        );
    }
  }

  const notice = state.status === 'signed-out' ? state.notice : undefined;
  return (
    <AuthCard
      title="Sign in"
      description={
        <p>
          Administer the user pool <code>{runtime.config.userPoolId}</code>.
        </p>
      }
    >
      {runtime.mode === 'emulated' ? (
        <Alert tone="info" title="Emulated mode">
          <p>
            This dashboard runs on the built-in emulator, not AWS.
            {runtime.emulation?.demoOperator ? (
              <>
                {' '}
                Demo operator: <code>{runtime.emulation.demoOperator.username}</code> / <code>{runtime.emulation.demoOperator.password}</code>
              </>
            ) : null}
          </p>
        </Alert>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.message}</Alert> : null}
      <SignInForm onSubmit={({ username, password }) => session.signIn(username, password)} />
    </AuthCard>
  );
}
