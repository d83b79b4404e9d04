import { useState } from 'react';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { clientFromAwsExports } from '../../model/aws-exports';
import type { StepProps } from './step-props';
import { StepSection } from '../step-section';

/** Cognito's answer when ExplicitAuthFlows is empty: SRP, custom auth and refresh are allowed. */
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

export function ClientStep({ state, actions, busy, userPoolId }: StepProps & { userPoolId: string }) {
  const [exportsText, setExportsText] = useState('');
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const client = state.client;
  const flows = client ? (client.authFlows.length > 0 ? client.authFlows : DEFAULT_FLOWS) : [];
  const srpAllowed = flows.includes('ALLOW_USER_SRP_AUTH');

  const importClient = () => {
    const imported = clientFromAwsExports(exportsText, userPoolId);
    if (!imported.ok) {
      setImportProblem(imported.message);
      return;
    }
    setImportProblem(null);
    void actions.useClient(imported.clientId);
  };

  return (
    <StepSection
      id="client"
      run={state.steps.client}
      intro="The app client your end users' app signs in through. The test user's calls go to Cognito as that app's would: unsigned, with this client id."
    >
      <form
        className="form tl-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void actions.useClient(state.inputs.clientId);
        }}
      >
        <TextField
          label="App client id"
          value={state.inputs.clientId}
          onChange={(event) => actions.setInput({ clientId: event.target.value })}
          hint="From the config's testClientId, your app's aws-exports, or the list below."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Use this client
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void actions.listClients()}>
            List the pool's app clients
          </button>
        </div>
      </form>

      {state.clients ? (
        <ul className="tl-client-list" aria-label="App clients of the pool">
          {state.clients.map((c) => (
            <li key={c.clientId}>
              <span>
                <strong>{c.clientName || '(no name)'}</strong> <code>{c.clientId}</code>
              </span>
              <button type="button" className="button button--small" disabled={busy} onClick={() => void actions.useClient(c.clientId)}>
                Use {c.clientName || c.clientId}
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <details className="details">
        <summary>Import the client from your app's aws-exports</summary>
        <div className="form">
          <label className="field__label" htmlFor="tl-aws-exports">
            aws-exports.js / aws-exports.json / amplify_outputs.json
          </label>
          <textarea
            id="tl-aws-exports"
            className="field__input tl-textarea"
            rows={5}
            value={exportsText}
            onChange={(event) => setExportsText(event.target.value)}
            spellCheck={false}
            placeholder={'{ "aws_user_pools_id": "…", "aws_user_pools_web_client_id": "…" }'}
          />
          {importProblem ? <Alert tone="error">{importProblem}</Alert> : null}
          <div className="form__actions">
            <button type="button" className="button" disabled={busy || exportsText.trim() === ''} onClick={importClient}>
              Import aws_user_pools_web_client_id
            </button>
          </div>
        </div>
      </details>

      {client ? (
        <dl className="facts tl-facts">
          <div>
            <dt>Name</dt>
            <dd>{client.clientName || '(no name)'}</dd>
          </div>
          <div>
            <dt>Client id</dt>
            <dd>
              <code>{client.clientId}</code>
            </dd>
          </div>
          <div>
            <dt>Client secret</dt>
            <dd>{client.hasSecret ? 'Yes (not usable from a browser)' : 'None — a public client, as a browser or mobile app needs'}</dd>
          </div>
          <div className="facts__wide">
            <dt>Auth flows</dt>
            <dd>
              {flows.join(', ')}
              {client.authFlows.length === 0 ? ' (none listed: Cognito allows these by default)' : ''}
            </dd>
          </div>
          <div>
            <dt>Sign-in session lifetime</dt>
            <dd>{client.authSessionValidityMinutes} minutes (AuthSessionValidity)</dd>
          </div>
          <div>
            <dt>User existence errors</dt>
            <dd>{client.preventUserExistenceErrors ? 'Hidden (PreventUserExistenceErrors)' : 'Revealed (UserNotFoundException)'}</dd>
          </div>
        </dl>
      ) : null}

      {client?.hasSecret ? (
        <Alert tone="error" title="This client has a secret, so it cannot be used from a browser">
          Every call to Cognito through this client must carry a SECRET_HASH computed with the client secret, and anything shipped to a
          browser or a phone can be read by whoever holds it. Apps like yours use a client created without a secret; test with that one.
        </Alert>
      ) : null}
      {client && !srpAllowed ? (
        <Alert tone="warning" title="USER_SRP_AUTH is not allowed for this client">
          Its auth flows lack ALLOW_USER_SRP_AUTH, so sign-in with SRP (what Amplify and this panel use; the password never leaves the device)
          answers InvalidParameterException. Add ALLOW_USER_SRP_AUTH to the client's ExplicitAuthFlows (console: App client → Authentication
          flows), or choose another client.
        </Alert>
      ) : null}
    </StepSection>
  );
}
