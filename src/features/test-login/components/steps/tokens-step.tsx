import { Alert } from '@/components/alert';
import { StepSection } from '../step-section';
import { CopyButton, TokenView } from '../token-view';
import type { StepProps } from './step-props';

export function TokensStep({ state, actions, busy }: StepProps) {
  const { tokens, previousTokens, verification, self } = state;
  return (
    <StepSection
      id="tokens"
      run={state.steps.tokens}
      intro="What the app receives after sign-in. The ID token says who the user is; the access token what they may do; the refresh token gets new ones. Signatures are checked with aws-jwt-verify against the pool's published keys."
    >
      {!tokens ? (
        <p>Sign the test user in (step 4) to see their tokens.</p>
      ) : (
        <>
          <Alert tone="warning" title="These tokens are credentials">
            Anyone holding them can act as the test user until they expire. They live in this page's memory only — never stored, never
            logged — and are gone when you leave this panel. Copy them only into tools you trust.
          </Alert>
          <div className="form__actions">
            <button type="button" className="button" disabled={busy} onClick={() => void actions.verifyTokens()}>
              Verify the signatures again
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void actions.getUser()}>
              GetUser with the access token
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void actions.refresh()}>
              Refresh the tokens (REFRESH_TOKEN_AUTH)
            </button>
          </div>
          {verification ? (
            <p className="tl-muted">
              Keys from <code>{verification.jwksUri}</code>
            </p>
          ) : null}
          <TokenView title="ID token" token={tokens.idToken} {...(previousTokens ? { previous: previousTokens.idToken } : {})} {...(verification ? { verdict: verification.id } : {})} />
          <TokenView title="access token" token={tokens.accessToken} {...(previousTokens ? { previous: previousTokens.accessToken } : {})} {...(verification ? { verdict: verification.access } : {})} />
          <section className="tl-token" aria-label="refresh token">
            <div className="tl-token__head">
              <h3 className="tl-token__title">refresh token</h3>
              <CopyButton value={tokens.refreshToken} label="Copy the refresh token" />
            </div>
            <p className="tl-muted">
              Opaque ({tokens.refreshToken.length} characters, encrypted by Cognito): it cannot be decoded. It lives as long as the client's refresh
              token validity and is revoked by GlobalSignOut or RevokeToken (step 8).
            </p>
          </section>
          {self ? (
            <section className="tl-token" aria-label="GetUser answer">
              <h3 className="tl-token__title">GetUser: {self.username}</h3>
              <dl className="facts tl-facts">
                {Object.entries(self.attributes).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
        </>
      )}
    </StepSection>
  );
}
