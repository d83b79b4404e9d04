import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useAdminContext } from '@/aws/admin-context';
import { lookupAttribute, lookupUsers, type EmailSetup } from '@/aws/email';
import type { AppUser } from '@/aws/user-types';
import { Alert } from '@/components/alert';
import { Card } from '@/components/card';
import { Loading } from '@/components/loading';
import { MAX_FILTER_LENGTH } from '@/lib/cognito-filter';
import { displayName, UserDiagnosis } from './user-diagnosis';
import { InlineError } from './inline-error';

const ATTRIBUTE_WORDS = { username: 'username', email: 'email address', phone_number: 'phone number' } as const;

/** Section 4: find the user who wrote in, by username, email or phone. */
export function LookupSection({ setup }: { setup: EmailSetup }) {
  const ctx = useAdminContext();
  const inputId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string>();
  const [picked, setPicked] = useState<string>();
  const found = useQuery({
    queryKey: ['pool', ctx.userPoolId, 'email-lookup', query],
    queryFn: ({ signal }) => lookupUsers(ctx, query, signal),
    enabled: query !== '',
    staleTime: 0,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (value === '') return setProblem('Type the username, email address or phone number the user gave.');
    if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return setProblem('The value cannot contain control characters such as line breaks or tabs.');
    if (value.length > MAX_FILTER_LENGTH - 20) return setProblem('That is too long to be a username, email address or phone number.');
    setProblem(undefined);
    setPicked(undefined);
    setQuery(value);
  };

  const users = found.data ?? [];
  const user: AppUser | undefined = users.length === 1 ? users[0] : users.find((u) => u.username === picked);
  return (
    <Card title="Why didn't my code arrive?" className="card--full">
      <form className="lookup-form" onSubmit={submit} noValidate>
        <div className={`field${problem ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={inputId}>
            Username, email or phone
          </label>
          <input
            id={inputId}
            className="field__input"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-describedby={hintId}
            aria-invalid={problem ? true : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder="jane@example.com or +15555550100"
          />
          <p id={hintId} className={problem ? 'field__error' : 'field__hint'}>
            {problem ?? 'Exactly as the user gave it. An address is looked up as email, +digits as phone, anything else as username.'}
          </p>
        </div>
        <button type="submit" className="button button--primary">
          Look up
        </button>
      </form>
      {query === '' ? null : found.isPending ? (
        <Loading inline label="Looking for the user…" />
      ) : found.isError ? (
        <InlineError error={found.error} onRetry={() => void found.refetch()} retrying={found.isFetching} />
      ) : users.length === 0 ? (
        <Alert tone="warning" title="No such user">
          <p>
            No user in this pool has the {ATTRIBUTE_WORDS[lookupAttribute(query)]} “{query}”. Check the spelling with the user; if they signed up
            with another address, no code was sent to this one. Cognito compares the whole value exactly.
          </p>
        </Alert>
      ) : (
        <>
          {users.length > 1 ? (
            <div role="group" aria-label="Users found" className="lookup-choices">
              <p>{users.length} users have this {ATTRIBUTE_WORDS[lookupAttribute(query)]}. Pick one:</p>
              {users.map((u) => (
                <button key={u.username} type="button" className="button button--small" aria-pressed={u === user} onClick={() => setPicked(u.username)}>
                  {u.username} ({u.status}{u.enabled ? '' : ', disabled'})
                </button>
              ))}
            </div>
          ) : null}
          {user ? (
            <UserDiagnosis key={user.username} user={user} setup={setup} onChanged={() => void found.refetch()} />
          ) : null}
          {user ? (
            <p className="muted">
              <Link to={`/users/${encodeURIComponent(user.username)}/attributes`}>Open {displayName(user)} in Users</Link>
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
