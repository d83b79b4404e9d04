import type { Finding, Read, RiskConfigurationInput, UserPoolInput } from '@/lib/review/types';
import { Fact, Section, Unavailable } from './section';

export function ThreatSection({ pool, risk, findings }: { pool: UserPoolInput; risk: Read<RiskConfigurationInput>; findings: readonly Finding[] }) {
  const addOns = pool.UserPoolAddOns;
  const takeover = risk.ok ? risk.value.AccountTakeoverRiskConfiguration?.Actions : undefined;
  const compromised = risk.ok ? risk.value.CompromisedCredentialsRiskConfiguration : undefined;
  return (
    <Section id="threat-protection" title="Threat protection" findings={findings}>
      <dl className="review-facts">
        <Fact label="Mode">{addOns?.AdvancedSecurityMode ?? 'OFF'}</Fact>
        <Fact label="Custom-auth flows">{addOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode ?? 'not set'}</Fact>
        {risk.ok ? (
          <>
            <Fact label="Compromised credentials">
              {compromised ? `${compromised.Actions?.EventAction ?? '?'} on ${(compromised.EventFilter ?? []).join(', ') || 'no events'}` : 'not configured'}
            </Fact>
            <Fact label="Risky sign-ins (low / medium / high)">
              {takeover ? [takeover.LowAction, takeover.MediumAction, takeover.HighAction].map((a) => a?.EventAction ?? '—').join(' / ') : 'not configured'}
            </Fact>
          </>
        ) : null}
      </dl>
      {risk.ok ? null : <Unavailable read={risk} />}
      {addOns?.AdvancedSecurityMode !== 'ENFORCED' && risk.ok && (compromised || takeover) ? (
        <p className="muted">These actions apply only while the mode is ENFORCED.</p>
      ) : null}
    </Section>
  );
}
