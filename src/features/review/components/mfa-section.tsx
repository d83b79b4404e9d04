import type { Finding, MfaConfigInput, Read, UserPoolInput } from '@/lib/review/types';
import { Fact, list, Section, Unavailable } from './section';

const MODE: Record<string, string> = { OFF: 'Off: a password alone signs in', OPTIONAL: 'Optional: each user may add a second factor', ON: 'Required for every user' };

export function MfaSection({ pool, mfa, findings }: { pool: UserPoolInput; mfa: Read<MfaConfigInput>; findings: readonly Finding[] }) {
  const recovery = [...(pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])].sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0));
  return (
    <Section id="mfa" title="MFA and recovery" findings={findings}>
      {mfa.ok ? (
        <dl className="review-facts">
          <Fact label="MFA">{MODE[mfa.value.MfaConfiguration ?? 'OFF'] ?? mfa.value.MfaConfiguration}</Fact>
          <Fact label="Methods">
            {list(
              [
                mfa.value.SoftwareTokenMfaConfiguration?.Enabled && 'authenticator app (TOTP)',
                mfa.value.SmsMfaConfiguration?.SmsConfiguration && 'SMS',
                mfa.value.EmailMfaConfiguration && 'email',
                mfa.value.WebAuthnConfiguration && 'passkeys',
              ].filter(Boolean) as string[],
            )}
          </Fact>
          <Fact label="Account recovery">{recovery.length === 0 ? 'not set (Cognito picks a legacy default)' : recovery.map((r) => r.Name).join(', then ')}</Fact>
        </dl>
      ) : (
        <Unavailable read={mfa} />
      )}
    </Section>
  );
}
