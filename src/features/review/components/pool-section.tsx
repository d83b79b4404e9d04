import type { DomainInput, Finding, Read, ReplicaInput, UserPoolInput } from '@/lib/review/types';
import { Fact, Section, Unavailable } from './section';

/** A Lambda ARN's function name (triggers are shown by name only). */
const functionName = (arn: unknown) => (typeof arn === 'string' ? (arn.split(':function:')[1]?.split(':')[0] ?? arn) : '(set)');

export function PoolSection({
  pool,
  domain,
  replicas,
  findings,
}: {
  pool: UserPoolInput;
  domain: Read<DomainInput | null>;
  replicas: Read<ReplicaInput[]>;
  findings: readonly Finding[];
}) {
  const triggers = Object.entries(pool.LambdaConfig ?? {}).filter(([, v]) => v !== null && v !== undefined);
  return (
    <Section id="pool-settings" title="Pool" findings={findings}>
      <dl className="review-facts">
        <Fact label="Feature plan">{pool.UserPoolTier ?? 'not reported'}</Fact>
        <Fact label="Deletion protection" id="deletion-protection">
          {pool.DeletionProtection === 'ACTIVE' ? 'active: DeleteUserPool fails until it is turned off' : 'inactive: one call deletes the pool and every user'}
        </Fact>
        <Fact label="Lambda triggers">
          {triggers.length === 0 ? 'None' : triggers.map(([name, value]) => `${name} → ${typeof value === 'object' ? functionName((value as { LambdaArn?: string }).LambdaArn) : functionName(value)}`).join('; ')}
        </Fact>
        <Fact label="Domain">
          {domain.ok ? (
            domain.value === null ? (
              'none (no managed login pages)'
            ) : (
              `${domain.value.Domain}${domain.value.CustomDomainConfig ? ' (custom)' : ''} · ${domain.value.Status ?? 'status unknown'}${domain.value.ManagedLoginVersion ? ` · managed login v${domain.value.ManagedLoginVersion}` : ''}`
            )
          ) : (
            <Unavailable read={domain} />
          )}
        </Fact>
        <Fact label="Replicas">
          {replicas.ok ? (replicas.value.length === 0 ? 'none' : replicas.value.map((r) => `${r.RegionName} (${r.Role}, ${r.Status})`).join('; ')) : <Unavailable read={replicas} />}
        </Fact>
        <Fact label="Estimated users">{pool.EstimatedNumberOfUsers ?? '—'}</Fact>
      </dl>
    </Section>
  );
}
