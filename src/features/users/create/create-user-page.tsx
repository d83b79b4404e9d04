import { Link } from 'react-router';
import '../detail/user-detail.css';
import { toAppError } from '@/aws/errors';
import { usePoolGroups } from '../detail/api/get-pool-groups';
import { usePoolSettings } from '../detail/api/get-pool-settings';
import { LoadError } from '../detail/components/load-error';
import { userPaths } from '../detail/paths';
import { CreateUserForm } from './create-user-form';
import { Loading } from '@/components/loading';

/** /users/new — a form shaped by the pool: its username attributes, schema and password policy. */
export function CreateUserPage() {
  const settings = usePoolSettings();
  const groups = usePoolGroups();
  return (
    <section aria-labelledby="create-user-title" className="create-user-page">
      <p>
        <Link to={userPaths.list()}>All users</Link>
      </p>
      <h1 id="create-user-title">Create user</h1>
      {(settings.isPending || groups.isPending) && <Loading label="Loading the pool’s settings…" />}
      {settings.isError && (
        <LoadError what="the pool’s settings" error={toAppError(settings.error)} onRetry={() => void settings.refetch()} />
      )}
      {groups.isError && <LoadError what="the pool’s groups" error={toAppError(groups.error)} onRetry={() => void groups.refetch()} />}
      {settings.isSuccess && groups.isSuccess && <CreateUserForm settings={settings.data} groups={groups.data} />}
    </section>
  );
}
