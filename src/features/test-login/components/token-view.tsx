import { useEffect, useState } from 'react';
import { Badge } from '@/components/badge';
import { changedClaims, countdown, decodeJwt, explainClaim } from '../model/jwt';
import type { StepError } from '../model/state';

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Counts down to `exp` every second (ID and access tokens live 5 minutes to a day). */
export function ExpiryCountdown({ exp }: { exp: number }) {
  const now = useNow();
  return <span className="tl-countdown">{countdown(exp, now)}</span>;
}

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {label}
      </button>
      {copied ? (
        <span role="status" className="tl-muted">
          {copied === 'yes' ? 'Copied.' : 'The browser refused the clipboard.'}
        </span>
      ) : null}
    </>
  );
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One JWT: signature verdict, expiry countdown, copy, then header and claims with a line per standard claim. */
export function TokenView({ title, token, previous, verdict }: { title: string; token: string; previous?: string; verdict?: 'verified' | StepError }) {
  const decoded = decodeJwt(token);
  if (!decoded) return <p>{title}: not a JWT.</p>;
  const before = previous ? decodeJwt(previous) : undefined;
  const changed = new Set(before ? changedClaims(before.claims, decoded.claims) : []);
  const exp = typeof decoded.claims.exp === 'number' ? decoded.claims.exp : undefined;
  return (
    <section className="tl-token" aria-label={title}>
      <div className="tl-token__head">
        <h3 className="tl-token__title">{title}</h3>
        {verdict === 'verified' ? <Badge tone="success">Signature verified</Badge> : verdict ? <Badge tone="danger">Not verified</Badge> : <Badge>Checking…</Badge>}
        {exp !== undefined ? (
          <span className="tl-muted">
            Expires in <ExpiryCountdown exp={exp} />
          </span>
        ) : null}
        <CopyButton value={token} label={`Copy the ${title}`} />
      </div>
      {verdict && verdict !== 'verified' ? (
        <p className="field__error">
          {verdict.code}: {verdict.message}
        </p>
      ) : null}
      <p className="tl-call__label">Header</p>
      <pre className="tl-pre" tabIndex={0}>{JSON.stringify(decoded.header, null, 2)}</pre>
      <table className="tl-claims">
        <caption className="visually-hidden">Claims of the {title}</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Value</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(decoded.claims).map(([name, value]) => (
            <tr key={name} className={changed.has(name) ? 'tl-claims__changed' : undefined}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>
                <code className="tl-claims__value">{show(value)}</code>
                {changed.has(name) ? <Badge tone="info">changed by the refresh</Badge> : null}
                {(name === 'exp' || name === 'iat' || name === 'auth_time') && typeof value === 'number' ? (
                  <span className="tl-muted"> {new Date(value * 1000).toISOString()}</span>
                ) : null}
              </td>
              <td className="tl-muted">{explainClaim(name) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
