import { useEffect, useState } from 'react';
import { AuthCard } from './auth-card';

/**
 * Signed in, but not in the admin group: nothing of the pool is shown, only who is signed in and
 * the way out. (IAM would refuse this account's calls anyway; this screen just says so first.)
 */
export function NotAdminScreen({ username, adminGroup, onSignOut }: { username: string; adminGroup: string; onSignOut: () => Promise<void> }) {
  const [pending, setPending] = useState(false);
  useEffect(() => {
    document.title = 'Not an administrator · Poolkeeper';
  }, []);
  return (
    <AuthCard title="Not an administrator">
      <div className="stack">
        <p>
          You are signed in as <strong>{username}</strong>, but this account is not a member of the <strong>{adminGroup}</strong> group, so
          Poolkeeper cannot show you this user pool.
        </p>
        <p>Ask an administrator of the pool to add you to the group, then sign in again.</p>
        <button
          type="button"
          className="button button--primary"
          disabled={pending}
          onClick={() => {
            setPending(true);
            void onSignOut().finally(() => setPending(false));
          }}
        >
          {pending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </AuthCard>
  );
}
