import { PasswordChecklist } from '@/components/password-checklist';
import { TextField } from '@/components/text-field';
import { Alert } from '@/components/alert';
import { meetsPolicy } from '@/lib/password-policy';
import { emailIsUsername, signUpAttributes } from '../../use-test-login';
import { StepSection } from '../step-section';
import type { StepProps } from './step-props';

export function SignUpStep({ state, actions, busy }: StepProps) {
  const { pool, inputs } = state;
  const byEmail = emailIsUsername(state);
  const weak = pool !== undefined && inputs.password !== '' && !meetsPolicy(inputs.password, pool.passwordPolicy);
  return (
    <StepSection
      id="signUp"
      run={state.steps.signUp}
      intro="SignUp as the app sends it: the pool's required attributes and a password checked live against the pool's real policy (read with your rights). Cognito's own verdict decides."
    >
      {!pool ? (
        <p>Choose the app client first (step 1); the form follows the pool's schema and password policy.</p>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void actions.signUp();
          }}
        >
          <TextField
            label={byEmail ? 'Email (the username in this pool)' : 'Username'}
            type={byEmail ? 'email' : 'text'}
            value={inputs.username}
            onChange={(event) => actions.setInput({ username: event.target.value })}
            autoComplete="off"
            spellCheck={false}
            hint="A throwaway user; the panel offers to delete it at the end."
          />
          {signUpAttributes(state).map((name) => (
            <TextField
              key={name}
              label={name}
              value={inputs.attributes[name] ?? ''}
              onChange={(event) => actions.setAttribute(name, event.target.value)}
              hint="Required by the pool's schema."
              autoComplete="off"
            />
          ))}
          <TextField
            label="Password"
            type="password"
            value={inputs.password}
            onChange={(event) => actions.setInput({ password: event.target.value })}
            autoComplete="new-password"
            aria-describedby="tl-signup-policy"
          />
          <PasswordChecklist id="tl-signup-policy" password={inputs.password} policy={pool.passwordPolicy} title="The pool's password policy" />
          {weak ? (
            <Alert tone="warning">This password does not meet the policy. You can send it anyway to see how Cognito refuses it.</Alert>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {weak ? 'Sign up anyway' : 'Sign up'}
            </button>
          </div>
        </form>
      )}
      {state.signUp ? (
        <dl className="facts tl-facts">
          <div>
            <dt>UserSub</dt>
            <dd>
              <code>{state.signUp.userSub}</code>
            </dd>
          </div>
          <div>
            <dt>UserConfirmed</dt>
            <dd>{state.signUp.userConfirmed ? 'true' : 'false'}</dd>
          </div>
        </dl>
      ) : null}
    </StepSection>
  );
}
