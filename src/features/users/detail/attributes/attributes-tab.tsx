import { toAppError } from '@/aws/errors';
import type { UserDetail } from '@/aws/user-detail';
import { usePoolSettings } from '../api/get-pool-settings';
import { LoadError } from '../components/load-error';
import { AttributeForm } from './attribute-form';
import { Loading } from '@/components/loading';

export function AttributesTab({ user }: { user: UserDetail }) {
  const settings = usePoolSettings();
  return (
    <section className="stack" aria-labelledby="attributes-title">
      <h2 id="attributes-title">Attributes</h2>
      {settings.isPending && <Loading label="Loading the pool’s attribute schema…" />}
      {settings.isError && (
        <LoadError what="the pool’s attribute schema" error={toAppError(settings.error)} onRetry={() => void settings.refetch()} />
      )}
      {settings.isSuccess && <AttributeForm user={user} schema={settings.data.schema} />}
    </section>
  );
}
