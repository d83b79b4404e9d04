import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import type { DeletedUser } from '../../api/deleted-users';
import { userPaths } from '../paths';

/** No such user — or one this session deleted, said as such (e.g. after browser Back). */
export function UserNotFound({ username, deleted, reason }: { username: string; deleted?: DeletedUser; reason?: string }) {
  return (
    <section aria-labelledby="user-not-found-title" className="state">
      <h1 id="user-not-found-title">{deleted ? `${deleted.name} was deleted` : 'User not found'}</h1>
      {deleted ? (
        <p>
          You deleted this user at <time dateTime={new Date(deleted.at).toISOString()}>{formatDateTime(new Date(deleted.at))}</time>. Their
          attributes and group memberships are gone from the pool; nothing here can be changed any more.
        </p>
      ) : (
        <p>
          There is no user <strong>{username}</strong> in this pool.{' '}
          {reason ?? 'They may have been deleted, perhaps in another tab or by another administrator.'}
        </p>
      )}
      <p>
        <Link to={userPaths.list()}>Back to all users</Link>
      </p>
    </section>
  );
}
