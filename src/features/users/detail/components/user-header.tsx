import { Link } from 'react-router';
import type { UserDetail } from '@/aws/user-detail';
import { userPaths } from '../paths';
import { EnabledBadge, StatusBadge } from './status-badge';
import { UserActionsBar } from './user-actions-bar';

export function UserHeader({ user }: { user: UserDetail }) {
  const email = user.attributes.email;
  return (
    <header className="page-header">
      <p>
        <Link to={userPaths.list()}>All users</Link>
      </p>
      <h1 id="user-page-title" className="page-header__title">{user.username}</h1>
      <p className="page-header__description">
        <StatusBadge status={user.status} /> <EnabledBadge enabled={user.enabled} />
        {email && email !== user.username && <span className="muted"> {email}</span>}
      </p>
      <UserActionsBar user={user} />
    </header>
  );
}
