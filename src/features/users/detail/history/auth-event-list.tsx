import { toAppError } from '@/aws/errors';
import { Badge } from '@/components/badge';
import { Loading } from '@/components/loading';
import { LoadError } from '../components/load-error';
import { eventChallenges, eventName, eventOrigin, eventResult, eventRisk } from './auth-event-text';
import { useAuthEvents } from './get-auth-events';
import './history.css';

const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * The user's auth events as Cognito records them (AdminListUserAuthEvents), newest first, a page
 * at a time. Pools without threat protection record none; then the screen says why and how to
 * turn it on instead of showing an error.
 */
export function AuthEventList({ username, name }: { username: string; name: string }) {
  const query = useAuthEvents(username);

  const { data, error } = query;
  if (query.isPending) return <Loading label="Loading sign-in activity…" />;
  if (!data) {
    const failure = toAppError(error);
    if (failure.code === 'UserPoolAddOnNotEnabledException') return <NotRecorded />;
    return <LoadError what="sign-in activity" error={failure} onRetry={() => void query.refetch()} />;
  }
  const events = data.pages.flatMap((page) => page.events);
  if (events.length === 0) {
    return <p>No sign-in activity recorded for {name} yet. Cognito records events from when threat protection was turned on.</p>;
  }
  return (
    <>
      <div className="auth-events__scroll">
        <table className="attribute-table auth-events">
          <caption className="visually-hidden">Sign-in activity of {name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Result</th>
              <th scope="col">Steps</th>
              <th scope="col">Risk</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => {
              const result = eventResult(event);
              const risk = eventRisk(event);
              return (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.at.toISOString()}>{formatter.format(event.at)}</time>
                  </td>
                  <td>{eventName(event.type)}</td>
                  <td>
                    <Badge tone={result.tone}>{result.text}</Badge>
                  </td>
                  <td>{eventChallenges(event) || '—'}</td>
                  <td>
                    <Badge tone={risk.tone}>{risk.text}</Badge>
                    {event.feedback ? <span className="field__hint"> Marked {event.feedback.value === 'Valid' ? 'genuine' : 'not genuine'}</span> : null}
                  </td>
                  <td className="auth-events__origin">{eventOrigin(event) || 'Not recorded'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {query.hasNextPage ? (
        <p>
          <button type="button" className="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading older events…' : 'Show older events'}
          </button>
        </p>
      ) : null}
      {query.isFetchNextPageError ? <LoadError what="older events" error={toAppError(error)} onRetry={() => void query.fetchNextPage()} /> : null}
    </>
  );
}

function NotRecorded() {
  return (
    <div className="alert alert--info" role="note">
      <p>
        <strong>This pool does not record sign-in activity.</strong> Cognito keeps each user’s sign-ins, failed attempts and their risk only
        when the pool has threat protection: the Plus feature plan, with threat protection in audit-only or full-function mode
        (<code>UserPoolAddOns.AdvancedSecurityMode</code> <code>AUDIT</code> or <code>ENFORCED</code>).
      </p>
      <p>
        Turn it on in the Cognito console (Threat protection), or with{' '}
        <code>aws cognito-idp update-user-pool … --user-pool-add-ons AdvancedSecurityMode=AUDIT</code> (that call resets settings you leave out).
        Events are recorded from then on; earlier sign-ins cannot be recovered.
      </p>
    </div>
  );
}
