import type { Finding, GroupInput, IdentityPoolInput, IdentityPoolRolesInput, Read } from '@/lib/review/types';
import { Fact, Section, Unavailable } from './section';

export function IdentitySection({
  identityPool,
  roles,
  groups,
  findings,
}: {
  identityPool: Read<IdentityPoolInput>;
  roles: Read<IdentityPoolRolesInput>;
  groups: Read<GroupInput[]>;
  findings: readonly Finding[];
}) {
  const sortedGroups = groups.ok ? [...groups.value].sort((a, b) => (a.Precedence ?? Infinity) - (b.Precedence ?? Infinity)) : [];
  return (
    <>
      <Section id="identity-pool" title="Identity pool" findings={findings}>
        {identityPool.ok ? (
          <dl className="review-facts">
            <Fact label="Name">{identityPool.value.IdentityPoolName ?? '—'}</Fact>
            <Fact label="Guest access">{identityPool.value.AllowUnauthenticatedIdentities ? 'on: anyone gets credentials for the unauthenticated role' : 'off'}</Fact>
            <Fact label="Classic (basic) flow">{identityPool.value.AllowClassicFlow ? 'on' : 'off'}</Fact>
            <Fact label="User-pool providers">
              {(identityPool.value.CognitoIdentityProviders ?? []).length === 0
                ? 'None'
                : (identityPool.value.CognitoIdentityProviders ?? [])
                    .map((p) => `${p.ProviderName} (client ${p.ClientId ?? 'any'}, server-side token check ${p.ServerSideTokenCheck ? 'on' : 'off'})`)
                    .join('; ')}
            </Fact>
            {identityPool.value.SupportedLoginProviders && Object.keys(identityPool.value.SupportedLoginProviders).length > 0 ? (
              <Fact label="Social providers">{Object.keys(identityPool.value.SupportedLoginProviders).join(', ')}</Fact>
            ) : null}
          </dl>
        ) : (
          <Unavailable read={identityPool} />
        )}
      </Section>
      <Section id="role-mappings" title="Roles and role mapping" findings={findings}>
        {roles.ok ? (
          <dl className="review-facts">
            <Fact label="Authenticated role">{roles.value.Roles?.authenticated ?? 'none'}</Fact>
            <Fact label="Unauthenticated role">{roles.value.Roles?.unauthenticated ?? 'none'}</Fact>
            {Object.entries(roles.value.RoleMappings ?? {}).map(([provider, m]) => (
              <Fact key={provider} label={`Mapping for ${provider}`}>
                {m.Type === 'Rules' ? `${m.RulesConfiguration?.Rules?.length ?? 0} rules` : 'roles from the token (cognito:roles / preferred_role)'}; when ambiguous:{' '}
                {m.AmbiguousRoleResolution === 'Deny' ? 'deny' : 'fall back to the authenticated role'}
              </Fact>
            ))}
          </dl>
        ) : (
          <Unavailable read={roles} />
        )}
      </Section>
      <Section id="groups" title="Groups and their roles" findings={findings}>
        {!groups.ok ? (
          <Unavailable read={groups} />
        ) : (
          <table className="review-table">
            <caption className="visually-hidden">Groups by precedence</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Precedence</th>
                <th scope="col">IAM role</th>
              </tr>
            </thead>
            <tbody>
              {sortedGroups.map((g) => (
                <tr key={g.GroupName}>
                  <td>{g.GroupName}</td>
                  <td>{g.Precedence ?? '—'}</td>
                  <td>{g.RoleArn ?? <span className="muted">none</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
