import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { decodeJwt } from '../../model/jwt';
import { explainRole } from '../../model/role-explanation';
import { StepSection } from '../step-section';
import { ExpiryCountdown } from '../token-view';
import type { StepProps } from './step-props';

export function IdentityStep({ state, actions, busy, providerName }: StepProps & { providerName: string }) {
  const { tokens, identity, roles, rolesError } = state;
  const claims = tokens ? decodeJwt(tokens.idToken)?.claims : undefined;
  const explained = roles && claims ? explainRole(roles, providerName, claims) : undefined;
  const failed = state.steps.identity.status === 'error';
  return (
    <StepSection
      id="identity"
      run={state.steps.identity}
      intro="GetId and GetCredentialsForIdentity with the ID token in Logins, as Amplify's fetchAuthSession does: this answers “what can a normal user do in AWS?”."
    >
      <form
        className="form tl-inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void actions.identity();
        }}
      >
        <TextField
          label="Identity pool id"
          value={state.inputs.identityPoolId}
          onChange={(e) => actions.setInput({ identityPoolId: e.target.value })}
          hint={
            <>
              Logins key: <code>{providerName}</code>
            </>
          }
          spellCheck={false}
          autoComplete="off"
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !tokens}>
            Get AWS credentials for the test user
          </button>
        </div>
      </form>
      {!tokens ? <p>Sign the test user in (step 4) first.</p> : null}
      {identity && !failed ? (
        <dl className="facts tl-facts">
          <div className="facts__wide">
            <dt>Identity id</dt>
            <dd>
              <code>{identity.identityId}</code>
            </dd>
          </div>
          <div className="facts__wide">
            <dt>Role</dt>
            <dd>
              {explained?.roleArn ? <code>{explained.roleArn}</code> : 'Not reported by Cognito Identity (see the role mapping below)'}
            </dd>
          </div>
          <div>
            <dt>Access key id</dt>
            <dd>
              <code>{identity.accessKeyId}</code>
            </dd>
          </div>
          <div>
            <dt>Secret key and session token</dt>
            <dd>Never shown</dd>
          </div>
          {identity.expiration ? (
            <div className="facts__wide">
              <dt>Credentials expire</dt>
              <dd>
                {identity.expiration.toISOString()} (in <ExpiryCountdown exp={identity.expiration.getTime() / 1000} />)
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {explained ? (
        <Alert tone={explained.roleArn && !failed ? 'info' : 'warning'} title={explained.mappingKey ? `Role mapping: ${explained.mappingKey}` : 'Role mapping'}>
          {explained.reason}
        </Alert>
      ) : null}
      {rolesError ? (
        <p className="tl-muted">
          The identity pool's role mapping could not be read with your rights (GetIdentityPoolRoles: {rolesError.code}), so only Cognito Identity's
          answer is shown.
        </p>
      ) : null}
    </StepSection>
  );
}
