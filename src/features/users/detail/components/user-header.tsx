import { Link } from 'react-router';
import type { UserDetail } from '@/aws/user-detail';
import { displayName } from '../display-name';
import { userPaths } from '../paths';
import { EnabledBadge, StatusBadge } from './status-badge';
import { UserActionsBar } from './user-actions-bar';

export function UserHeader({ user }: { user: UserDetail }) {
  const name = displayName(user);
  const email = user.attributes.email;
  return (
    <header className="stack stack--tight">
      <p>
        <Link to={userPaths.list()}>All users</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 id="user-page-title" className="page-header__title">
            {name}
          </h1>
          <p className="page-header__description">
            <StatusBadge status={user.status} /> <EnabledBadge enabled={user.enabled} />
            {name !== user.username && <span> Username {user.username}</span>}
            {email && email !== name && <span> · {email}</span>}
          </p>
        </div>
        <UserActionsBar user={user} />
      </div>
    </header>
  );
}
