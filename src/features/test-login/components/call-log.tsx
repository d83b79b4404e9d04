import type { ApiCall } from '@/aws/test-login';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The exact calls a step's latest run made, request and response masked, as text (never HTML). */
export function CallLog({ calls }: { calls: ApiCall[] }) {
  if (calls.length === 0) return null;
  return (
    <details className="details tl-calls" open>
      <summary>
        API calls of this run ({calls.length})
      </summary>
      <ol className="tl-calls__list">
        {calls.map((call, index) => (
          <li key={index} className="tl-call">
            <p className="tl-call__head">
              <code>
                {call.service}:{call.operation}
              </code>{' '}
              <span className="tl-call__meta">
                as the {call.as} · {Math.round(call.durationMs)} ms ·{' '}
                {call.error ? <strong className="tl-call__failed">{call.error.name}</strong> : <span>OK</span>}
              </span>
            </p>
            <div className="tl-call__bodies">
              <div>
                <p className="tl-call__label">Request</p>
                <pre className="tl-pre" tabIndex={0}>{json(call.request)}</pre>
              </div>
              <div>
                <p className="tl-call__label">{call.error ? 'Error' : 'Response'}</p>
                <pre className="tl-pre" tabIndex={0}>{call.error ? json({ __type: call.error.name, message: call.error.message }) : json(call.response)}</pre>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}
