import { Link } from 'react-router';
import { userPaths } from '../paths';

export function UserNotFound({ username }: { username: string }) {
  return (
    <section aria-labelledby="user-not-found-title" className="state">
      <h1 id="user-not-found-title">User not found</h1>
      <p>
        There is no user <strong>{username}</strong> in this pool. They may have been deleted, perhaps in another tab or
        by another administrator.
      </p>
      <p>
        <Link to={userPaths.list()}>Back to all users</Link>
      </p>
    </section>
  );
}
