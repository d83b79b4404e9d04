import { PasswordChecklist } from '@/components/password-checklist';
import { TextField } from '@/components/text-field';
import type { OutboxMessage } from '../../api/emulator-outbox';
import { ReadCodeButton } from '../read-code-button';
import { StepSection } from '../step-section';
import { TotpQr } from '../totp-qr';
import type { StepProps } from './step-props';

const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

function ChallengeForm({ state, actions, busy }: StepProps) {
  const { challenge, enrolment, inputs, pool } = state;
  if (!challenge) return null;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void actions.answerChallenge();
  };
  if (challenge.kind === 'new-password') {
    return (
      <form className="form tl-challenge" noValidate onSubmit={submit} aria-label="New password required">
        <p>
          <strong>NEW_PASSWORD_REQUIRED</strong>: Cognito asks this user for a new password before it issues tokens.
        </p>
        <TextField label="New password" type="password" autoComplete="new-password" value={inputs.newPassword} onChange={(e) => actions.setInput({ newPassword: e.target.value })} />
        {pool ? <PasswordChecklist password={inputs.newPassword} policy={pool.passwordPolicy} title="The pool's password policy" /> : null}
        {challenge.requiredAttributes.map((name) => (
          <TextField key={name} label={name} value={inputs.attributes[name] ?? ''} onChange={(e) => actions.setAttribute(name, e.target.value)} hint="Cognito requires it now." />
        ))}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Set the password and continue
          </button>
        </div>
      </form>
    );
  }
  const code = (
    <TextField
      label="6-digit code"
      inputMode="numeric"
      autoComplete="one-time-code"
      className="field--code"
      value={inputs.totpCode}
      onChange={(e) => actions.setInput({ totpCode: e.target.value })}
    />
  );
  if (challenge.kind === 'totp') {
    return (
      <form className="form tl-challenge" noValidate onSubmit={submit} aria-label="Authenticator code">
        <p>
          <strong>SOFTWARE_TOKEN_MFA</strong>: enter the code the test user's authenticator app shows.
        </p>
        {code}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Verify the code
          </button>
        </div>
      </form>
    );
  }
  return (
    <form className="form tl-challenge" noValidate onSubmit={submit} aria-label="Authenticator setup">
      <p>
        <strong>MFA_SETUP</strong>: the pool requires an authenticator app and this user has none. Scan the code with the app (AssociateSoftwareToken
        gave the secret), then enter the code it shows (VerifySoftwareToken).
      </p>
      {enrolment ? (
        <div className="tl-qr-row">
          <TotpQr uri={enrolment.otpauthUri} label={`QR code to add ${inputs.username} to an authenticator app`} />
          <p>
            Or type the secret: <code className="secret">{grouped(enrolment.secretCode)}</code>
          </p>
        </div>
      ) : null}
      {code}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Verify and finish signing in
        </button>
      </div>
    </form>
  );
}

export function SignInStep(props: StepProps & { readCode?: () => Promise<OutboxMessage | undefined> }) {
  const { state, actions, busy, readCode } = props;
  const { inputs, reset } = state;
  const error = state.steps.signIn.error;
  return (
    <StepSection
      id="signIn"
      run={state.steps.signIn}
      intro="InitiateAuth with USER_SRP_AUTH and the answer to PASSWORD_VERIFIER, computed by the dashboard's own SRP client: the password never leaves the browser. Challenges are answered here."
    >
      <form
        className="form tl-inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void actions.signIn();
        }}
      >
        <TextField label="Username for sign-in" value={inputs.username} onChange={(e) => actions.setInput({ username: e.target.value })} autoComplete="off" spellCheck={false} />
        <TextField label="Password for sign-in" type="password" value={inputs.password} onChange={(e) => actions.setInput({ password: e.target.value })} autoComplete="off" />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !state.client}>
            Sign in with USER_SRP_AUTH
          </button>
        </div>
      </form>
      {error?.code === 'UserNotConfirmedException' ? (
        <p>
          <a href="#step-confirm">Go to step 3 to confirm the sign-up</a>
        </p>
      ) : null}
      <ChallengeForm {...props} />
      <details className="details" open={reset !== undefined || error?.code === 'PasswordResetRequiredException'}>
        <summary>Forgot password (ForgotPassword → ConfirmForgotPassword)</summary>
        <div className="form">
          <p className="tl-muted">Cognito sends a code to the user's verified email or phone; the code and a new password set it.</p>
          <div className="form__actions">
            <button type="button" className="button" disabled={busy || inputs.username.trim() === '' || !state.client} onClick={() => void actions.forgotPassword()}>
              Send a reset code
            </button>
          </div>
          {reset ? (
            <form
              className="form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void actions.confirmForgotPassword();
              }}
            >
              {reset.delivery ? (
                <p>
                  The code went by {reset.delivery.medium} to {reset.delivery.destination}.
                </p>
              ) : null}
              <TextField label="Reset code" value={inputs.resetCode} onChange={(e) => actions.setInput({ resetCode: e.target.value })} inputMode="numeric" className="field--code" autoComplete="one-time-code" />
              <TextField label="New password for the reset" type="password" value={inputs.resetPassword} onChange={(e) => actions.setInput({ resetPassword: e.target.value })} autoComplete="new-password" />
              {state.pool ? <PasswordChecklist password={inputs.resetPassword} policy={state.pool.passwordPolicy} title="The pool's password policy" /> : null}
              <div className="form__actions">
                <button type="submit" className="button button--primary" disabled={busy}>
                  Set the new password
                </button>
                {readCode ? <ReadCodeButton readCode={readCode} onCode={(code) => actions.setInput({ resetCode: code })} disabled={busy} /> : null}
              </div>
            </form>
          ) : null}
        </div>
      </details>
    </StepSection>
  );
}
