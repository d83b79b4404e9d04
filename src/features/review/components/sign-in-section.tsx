import type { Finding, UserPoolInput } from '@/lib/review/types';
import { Fact, list, Section } from './section';

const WHY = {
  identifiers: 'Sign-in identifiers are chosen when the pool is created; changing them means a new pool and moving every user.',
  caseSensitivity: 'Fixed at creation; it also decides whether email and preferred_username aliases match regardless of case.',
  required: 'Chosen at creation only: every user must have them, and no attribute can become required later.',
  custom: 'Custom attributes can be added (up to 50) but never removed or renamed.',
};

export function SignInSection({ pool, findings }: { pool: UserPoolInput; findings: readonly Finding[] }) {
  const schema = pool.SchemaAttributes ?? [];
  const required = schema.filter((a) => a.Required && a.Name !== 'sub').map((a) => a.Name ?? '');
  const custom = schema.filter((a) => a.Name?.startsWith('custom:'));
  const caseSensitive = pool.UsernameConfiguration?.CaseSensitive ?? true;
  return (
    <Section id="sign-in" title="Sign-in and attributes" findings={findings}>
      <dl className="review-facts">
        <Fact label="Users sign in with" fixed={WHY.identifiers}>
          {pool.UsernameAttributes && pool.UsernameAttributes.length > 0
            ? `${pool.UsernameAttributes.join(' or ')} as the username`
            : pool.AliasAttributes && pool.AliasAttributes.length > 0
              ? `a username, or ${pool.AliasAttributes.join(' / ')} as an alias`
              : 'a username only'}
        </Fact>
        <Fact label="Username case" fixed={WHY.caseSensitivity}>
          {caseSensitive ? 'case-sensitive ("Alice" and "alice" are different users)' : 'case-insensitive'}
        </Fact>
        <Fact label="Required attributes" fixed={WHY.required}>
          {list(required)}
        </Fact>
        <Fact label="Custom attributes" fixed={WHY.custom}>
          {custom.length === 0
            ? 'None'
            : custom.map((a) => `${a.Name} (${a.AttributeDataType ?? 'String'}, ${a.Mutable ? 'mutable' : 'immutable: set only at creation'})`).join('; ')}
        </Fact>
        <Fact label="Self sign-up" id="sign-up">{pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly ? 'off: only administrators create users' : 'on: anyone with a client id can sign up'}</Fact>
      </dl>
    </Section>
  );
}
