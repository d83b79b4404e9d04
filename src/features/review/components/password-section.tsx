import { useId, useState } from 'react';
import { PasswordChecklist } from '@/components/password-checklist';
import type { PasswordPolicy } from '@/lib/password-policy';
import type { Finding, UserPoolInput } from '@/lib/review/types';
import { Fact, Section } from './section';

export function toPasswordPolicy(pool: UserPoolInput): PasswordPolicy {
  const p = pool.Policies?.PasswordPolicy ?? {};
  return {
    minimumLength: p.MinimumLength ?? 8,
    requireUppercase: p.RequireUppercase ?? false,
    requireLowercase: p.RequireLowercase ?? false,
    requireNumbers: p.RequireNumbers ?? false,
    requireSymbols: p.RequireSymbols ?? false,
  };
}

/** The policy as the sentence a user meets when choosing a password. */
export function policySentence(pool: UserPoolInput): string {
  const policy = toPasswordPolicy(pool);
  const needs = [
    policy.requireUppercase && 'an uppercase letter',
    policy.requireLowercase && 'a lowercase letter',
    policy.requireNumbers && 'a number',
    policy.requireSymbols && 'a symbol',
  ].filter(Boolean) as string[];
  const classes = needs.length === 0 ? '' : needs.length === 1 ? `, with ${needs[0]}` : `, with ${needs.slice(0, -1).join(', ')} and ${needs[needs.length - 1]}`;
  return `A password needs at least ${policy.minimumLength} characters${classes}.`;
}

export function PasswordSection({ pool, findings }: { pool: UserPoolInput; findings: readonly Finding[] }) {
  const p = pool.Policies?.PasswordPolicy ?? {};
  const [trial, setTrial] = useState('');
  const inputId = useId();
  const policy = toPasswordPolicy(pool);
  const days = p.TemporaryPasswordValidityDays || 7;
  return (
    <Section id="password-policy" title="Password policy" findings={findings}>
      <p className="review-rule">{policySentence(pool)}</p>
      <dl className="review-facts">
        <Fact label="Minimum length">{policy.minimumLength} characters</Fact>
        <Fact label="Character classes">
          {[policy.requireUppercase && 'uppercase', policy.requireLowercase && 'lowercase', policy.requireNumbers && 'numbers', policy.requireSymbols && 'symbols'].filter(Boolean).join(', ') || 'none required'}
        </Fact>
        <Fact label="Temporary passwords">valid for {days} day{days === 1 ? '' : 's'}</Fact>
        <Fact label="Password history">{p.PasswordHistorySize ? `the last ${p.PasswordHistorySize} passwords cannot be reused` : 'not kept: old passwords can be reused'}</Fact>
      </dl>
      <div className="review-try">
        <label htmlFor={inputId} className="field__label">
          Try a password
        </label>
        <input
          id={inputId}
          className="field__input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={trial}
          onChange={(e) => setTrial(e.target.value)}
          aria-describedby={`${inputId}-checklist`}
        />
        <p className="field__hint">Checked in this browser against the policy above; nothing is sent anywhere.</p>
        <PasswordChecklist id={`${inputId}-checklist`} password={trial} policy={policy} title="This pool accepts it when:" />
      </div>
    </Section>
  );
}
