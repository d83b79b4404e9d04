import { describe, expect, it } from 'vitest';
import { HIDDEN_PASSWORD, maskSecrets } from './mask-secrets';

describe('maskSecrets', () => {
  it('hides passwords, cuts credentials to a prefix, shortens long values, keeps the rest', () => {
    const idToken = `eyJraWQiOiJ${'x'.repeat(800)}`;
    const masked = maskSecrets({
      ClientId: 'abc',
      Password: 'Secret-Passw0rd!',
      AuthParameters: { USERNAME: 'jane', PASSWORD: 'p', SRP_A: 'f'.repeat(768) },
      ChallengeResponses: { PASSWORD_CLAIM_SIGNATURE: 'sig'.repeat(20), NEW_PASSWORD: 'n' },
      AuthenticationResult: { IdToken: idToken, AccessToken: idToken, RefreshToken: idToken, ExpiresIn: 3600 },
      Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_X': idToken },
      Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretKey: 'verysecretkeyvalue123', SessionToken: idToken, Expiration: new Date(0) },
      Session: 'sess'.repeat(10),
      $metadata: { httpStatusCode: 200 },
    }) as Record<string, Record<string, unknown>>;
    expect(masked.Password).toBe(HIDDEN_PASSWORD);
    expect(masked.AuthParameters).toEqual({ USERNAME: 'jane', PASSWORD: HIDDEN_PASSWORD, SRP_A: `${'f'.repeat(32)}… (768 characters)` });
    expect(masked.ChallengeResponses!.NEW_PASSWORD).toBe(HIDDEN_PASSWORD);
    expect(masked.AuthenticationResult).toEqual({
      IdToken: `eyJraWQi… (${idToken.length} characters, hidden)`,
      AccessToken: `eyJraWQi… (${idToken.length} characters, hidden)`,
      RefreshToken: `eyJraWQi… (${idToken.length} characters, hidden)`,
      ExpiresIn: 3600,
    });
    expect(Object.values(masked.Logins!)).toEqual([`eyJraWQi… (${idToken.length} characters, hidden)`]);
    expect(masked.Credentials).toEqual({
      AccessKeyId: 'ASIAEXAMPLE',
      SecretKey: '•••• (21 characters, hidden)',
      SessionToken: `eyJraWQi… (${idToken.length} characters, hidden)`,
      Expiration: '1970-01-01T00:00:00.000Z',
    });
    expect(masked.Session).toBe('•••• (40 characters, hidden)');
    expect(masked).not.toHaveProperty('$metadata');
    expect(JSON.stringify(masked)).not.toMatch(/Secret-Passw0rd|verysecretkeyvalue123/);
  });
});
