import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { cryptoRandom, seededRandom } from '../random';
import { base32Decode, base32Encode, newTotpSecret, totpAt, verifyTotp } from './totp';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; 6-digit codes are the last 6 of the 8 shown there.
const RFC_SECRET = base32Encode(new TextEncoder().encode('12345678901234567890'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors', async () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, code] of RFC_VECTORS) expect(await totpAt(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
  });

  it('agrees with the otpauth library on random secrets and times', async () => {
    const random = seededRandom(42);
    for (let i = 0; i < 20; i++) {
      const secret = newTotpSecret(random);
      const timestamp = 1_700_000_000_000 + random.int(1_000_000_000) * 1000;
      const reference = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
      expect(await totpAt(secret, timestamp)).toBe(reference.generate({ timestamp }));
    }
  });

  it('makes 32-character base32 secrets that round-trip', () => {
    const secret = newTotpSecret(cryptoRandom);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(base32Decode('jbsw y3dp ehpk 3pxp')).toEqual(base32Decode('JBSWY3DPEHPK3PXP'));
    expect(() => base32Decode('ABC1')).toThrow(TypeError);
  });

  it('verifies within one step either side and no further', async () => {
    const secret = newTotpSecret(seededRandom(7));
    const t = 1_764_079_323_000;
    const code = await totpAt(secret, t);
    expect(await verifyTotp(secret, code, t)).toBe(true);
    expect(await verifyTotp(secret, code, t + 30_000)).toBe(true);
    expect(await verifyTotp(secret, code, t - 30_000)).toBe(true);
    expect(await verifyTotp(secret, code, t + 90_000)).toBe(false);
    expect(await verifyTotp(secret, code, t + 30_000, 0)).toBe(false);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await verifyTotp(secret, wrong, t, 0)).toBe(false);
    for (const junk of ['', '12345', '1234567', '12a456', ` ${code}`]) expect(await verifyTotp(secret, junk, t)).toBe(false);
  });
});
