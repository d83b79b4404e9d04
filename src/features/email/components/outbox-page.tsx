import { useId, useState } from 'react';
import { Navigate } from 'react-router';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { EmptyState } from '@/components/empty-state';
import { Loading } from '@/components/loading';
import { formatDateTime } from '@/lib/format';
import { useEmulatorBase, useOutbox } from '../api/email-queries';
import { InlineError } from './inline-error';

/** Section 6: every message the emulator sent, newest first; only when the backend is the emulator. */
export function OutboxPage() {
  const { base, checking } = useEmulatorBase();
  if (checking) return <Loading label="Checking for the emulator…" />;
  if (!base) return <Navigate to="/email" replace />;
  return <Outbox base={base} />;
}

function Outbox({ base }: { base: string }) {
  const inputId = useId();
  const [to, setTo] = useState('');
  const outbox = useOutbox(base, to.trim());
  return (
    <section className="outbox" aria-labelledby={`${inputId}-title`}>
      <Alert tone="info" title="The emulator's outbox">
        <p>
          Every email and text message the emulator “sent”, so you can read a code without a mailbox. Nothing here left this machine; against
          AWS there is no outbox and this tab does not exist.
        </p>
      </Alert>
      <h2 id={`${inputId}-title`} className="visually-hidden">
        Emulator outbox
      </h2>
      <div className="outbox-toolbar">
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            Filter by address
          </label>
          <input id={inputId} className="field__input" value={to} onChange={(e) => setTo(e.target.value)} placeholder="jane@example.com" autoComplete="off" spellCheck={false} />
        </div>
        <button type="button" className="button" onClick={() => void outbox.refetch()} disabled={outbox.isFetching}>
          {outbox.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {outbox.isPending ? (
        <Loading inline label="Reading the outbox…" />
      ) : outbox.isError ? (
        <InlineError error={{ message: outbox.error.message, code: 'EmulatorOutbox' }} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.length === 0 ? (
        <EmptyState title={to.trim() ? `Nothing sent to ${to.trim()}` : 'Nothing sent yet'}>
          <p>The filter matches the whole address, in any letter case.</p>
        </EmptyState>
      ) : (
        <div className="outbox-table">
          <table>
            <caption className="visually-hidden">Messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">To</th>
                <th scope="col">Kind</th>
                <th scope="col">Subject</th>
                <th scope="col">Code</th>
                <th scope="col">Via</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(new Date(m.sentAt))}</td>
                  <td className="break">{m.to}</td>
                  <td>{m.kind}</td>
                  <td className="break">{m.subject || <span className="muted">(text message)</span>}</td>
                  <td>{m.code ? <code className="outbox-code">{m.code}</code> : <span className="muted">—</span>}</td>
                  <td>
                    <Badge tone={m.via === 'ses' ? 'info' : 'neutral'}>{m.via === 'cognito-default' ? 'Cognito default' : m.via === 'ses' ? 'SES' : m.via.toUpperCase()}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
