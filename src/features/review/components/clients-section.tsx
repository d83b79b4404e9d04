import { clientAnchor } from '@/lib/review/check-kit';
import type { ClientEntry, ClientInput, Finding, Read } from '@/lib/review/types';
import { Fact, list, Section, Unavailable } from './section';

const SECRET_WHY = 'Whether a client has a secret is fixed at creation; switching between public and confidential needs a new client.';

function validity(value: number | undefined, unit: string | undefined, fallback: string) {
  return value ? `${value} ${unit ?? (fallback.endsWith('days') ? 'days' : 'hours')}` : fallback;
}

function ClientFacts({ client }: { client: ClientInput }) {
  const units = client.TokenValidityUnits ?? {};
  return (
    <dl className="review-facts">
      <Fact label="Type" fixed={SECRET_WHY}>
        {client.ClientSecret ? 'confidential (has a secret)' : 'public (no secret)'}
      </Fact>
      <Fact label="Auth flows">{list(client.ExplicitAuthFlows, 'not set: SRP, refresh and custom auth')}</Fact>
      <Fact label="Tokens (access / ID / refresh)">
        {validity(client.AccessTokenValidity, units.AccessToken, '1 hour')} / {validity(client.IdTokenValidity, units.IdToken, '1 hour')} /{' '}
        {validity(client.RefreshTokenValidity, units.RefreshToken ?? 'days', '30 days')}
      </Fact>
      <Fact label="Token revocation">{client.EnableTokenRevocation ? 'on' : 'off'}</Fact>
      <Fact label="Refresh-token rotation">{client.RefreshTokenRotation?.Feature ?? 'DISABLED'}</Fact>
      <Fact label="User-existence errors">{client.PreventUserExistenceErrors === 'ENABLED' ? 'hidden (ENABLED)' : 'revealed (LEGACY)'}</Fact>
      <Fact label="OAuth flows">{client.AllowedOAuthFlowsUserPoolClient ? list(client.AllowedOAuthFlows) : 'OAuth off'}</Fact>
      {client.AllowedOAuthFlowsUserPoolClient ? <Fact label="Scopes">{list(client.AllowedOAuthScopes)}</Fact> : null}
      <Fact label="Callback URLs">{list(client.CallbackURLs)}</Fact>
      <Fact label="Sign-out URLs">{list(client.LogoutURLs)}</Fact>
      <Fact label="Identity providers">{list(client.SupportedIdentityProviders)}</Fact>
      <Fact label="Read / write attributes">
        {list(client.ReadAttributes, 'all')} / {list(client.WriteAttributes, 'all writable')}
      </Fact>
    </dl>
  );
}

export function ClientsSection({ clients, findings, pending }: { clients: Read<ClientEntry[]>; findings: readonly Finding[]; pending?: { done: number; total: number } | undefined }) {
  return (
    <Section id="app-clients" title="App clients" findings={findings}>
      {pending ? (
        <p className="review-unavailable">
          Reading app clients: {pending.done} of {pending.total || '…'}.
        </p>
      ) : !clients.ok ? (
        <Unavailable read={clients} />
      ) : clients.value.length === 0 ? (
        <p className="review-unavailable">This pool has no app clients.</p>
      ) : (
        <div className="review-clients">
          {clients.value.map((entry) => {
            const mine = findings.filter((f) => f.setting === clientAnchor(entry.ClientId));
            return (
              <article key={entry.ClientId} id={clientAnchor(entry.ClientId)} className="review-client" tabIndex={-1} aria-labelledby={`${clientAnchor(entry.ClientId)}-name`}>
                <h3 id={`${clientAnchor(entry.ClientId)}-name`} className="review-client__name">
                  {entry.ClientName || '(no name)'} <code>{entry.ClientId}</code>
                  {mine.length > 0 ? <span className="review-client__count"> · {mine.length} finding{mine.length === 1 ? '' : 's'}</span> : null}
                </h3>
                {entry.detail.ok ? (
                  <ClientFacts client={entry.detail.value} />
                ) : entry.detail.code === 'ResourceNotFoundException' ? (
                  <p className="review-unavailable">This app client was deleted after the list was read. Refresh the review to see the current clients.</p>
                ) : (
                  <Unavailable read={entry.detail as Extract<Read<ClientInput>, { ok: false }>} />
                )}
              </article>
            );
          })}
        </div>
      )}
    </Section>
  );
}
