import { TextField } from '@/components/text-field';
import { checkApiUrl, describeRequest, explainStatus } from '../../model/api-call';
import { StepSection } from '../step-section';
import type { StepProps } from './step-props';

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function ApiStep({ state, actions, busy }: StepProps) {
  const { inputs, apiResult, tokens } = state;
  const checked = checkApiUrl(inputs.apiUrl);
  const token = inputs.apiToken === 'id' ? tokens?.idToken : inputs.apiToken === 'access' ? tokens?.accessToken : undefined;
  return (
    <StepSection
      id="api"
      run={state.steps.api}
      intro="Calls your API the way the app does: fetch with Authorization: Bearer <token>. An API Gateway method with a Cognito authorizer and no OAuth scopes takes the ID token."
    >
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void actions.callApi();
        }}
      >
        <TextField label="API URL" type="url" value={inputs.apiUrl} onChange={(e) => actions.setInput({ apiUrl: e.target.value })} spellCheck={false} autoComplete="off" />
        <div className="tl-options">
          <label className="field">
            <span className="field__label">Method</span>
            <select className="field__input" value={inputs.apiMethod} onChange={(e) => actions.setInput({ apiMethod: e.target.value === 'POST' ? 'POST' : 'GET' })}>
              <option value="GET">GET</option>
              <option value="POST">POST</option>
            </select>
          </label>
          <fieldset className="tl-radios">
            <legend className="field__label">Token to send</legend>
            {(
              [
                ['id', 'ID token'],
                ['access', 'Access token'],
                ['none', 'No token'],
              ] as const
            ).map(([value, label]) => (
              <label key={value}>
                <input type="radio" name="tl-api-token" value={value} checked={inputs.apiToken === value} onChange={() => actions.setInput({ apiToken: value })} /> {label}
              </label>
            ))}
          </fieldset>
        </div>
        {inputs.apiMethod === 'POST' ? (
          <div className="field">
            <label className="field__label" htmlFor="tl-api-body">
              Body (JSON)
            </label>
            <textarea id="tl-api-body" className="field__input tl-textarea" rows={3} value={inputs.apiBody} onChange={(e) => actions.setInput({ apiBody: e.target.value })} />
          </div>
        ) : null}
        {checked.ok ? <pre className="tl-pre" tabIndex={0} aria-label="The request">{describeRequest({ url: checked.url, method: inputs.apiMethod, ...(token ? { token } : {}), tokenKind: inputs.apiToken, body: inputs.apiBody })}</pre> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Send the request
          </button>
        </div>
      </form>
      {apiResult && state.steps.api.status === 'done' ? (
        <section className="stack" aria-label="The response">
          <p>
            <strong className={apiResult.status >= 200 && apiResult.status < 300 ? 'tl-ok' : 'tl-bad'}>
              HTTP {apiResult.status} {apiResult.statusText}
            </strong>{' '}
            <span className="tl-muted">in {Math.round(apiResult.durationMs)} ms</span>
          </p>
          <p>{explainStatus(apiResult)}</p>
          <details className="details">
            <summary>Response headers ({apiResult.headers.length})</summary>
            <pre className="tl-pre" tabIndex={0}>{apiResult.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>
          </details>
          <p className="tl-call__label">Body</p>
          <pre className="tl-pre" tabIndex={0}>{pretty(apiResult.body)}</pre>
        </section>
      ) : null}
    </StepSection>
  );
}
