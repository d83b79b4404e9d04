import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import {
  bigIntFromHex,
  concatBytes,
  fromBase64,
  fromBase64Url,
  fromHex,
  fromUtf8,
  hmacSha1,
  hmacSha256,
  modPow,
  padHex,
  sha256Hex,
  timingSafeEqual,
  toBase64,
  toBase64Url,
  toHex,
  utf8,
} from './bytes';

describe('byte helpers', () => {
  it('round-trips hex, base64, base64url and UTF-8', () => {
    const random = seededRandom(5);
    for (const length of [0, 1, 2, 3, 31, 32, 33, 70000]) {
      const bytes = random.bytes(length);
      expect(fromHex(toHex(bytes))).toEqual(new Uint8Array(bytes));
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64(toBase64(bytes))).toEqual(new Uint8Array(bytes));
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(new Uint8Array(bytes));
    }
    expect(fromUtf8(utf8('ünïcödé ✓'))).toBe('ünïcödé ✓');
    expect(concatBytes(utf8('ab'), new Uint8Array([0x63]))).toEqual(utf8('abc'));
  });

  it('rejects malformed hex and base64 instead of guessing', () => {
    for (const bad of ['abc', 'zz', '0x12']) expect(() => fromHex(bad)).toThrow(TypeError);
    for (const bad of ['a', 'ab$c', 'abc===']) expect(() => fromBase64(bad)).toThrow(TypeError);
  });

  it('hashes and MACs per the published test vectors', async () => {
    // FIPS 180-2 "abc"; RFC 4231 / RFC 2202 test case 2; HMAC with an empty key (which WebCrypto refuses raw).
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(await hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(toHex(await hmacSha1(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(toHex(await hmacSha256('', ''))).toBe('b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad');
  });

  it('compares in constant shape', () => {
    expect(timingSafeEqual(utf8('abc'), utf8('abc'))).toBe(true);
    expect(timingSafeEqual(utf8('abc'), utf8('abd'))).toBe(false);
    expect(timingSafeEqual(utf8('abc'), utf8('ab'))).toBe(false);
  });

  it('pads hex the way Cognito does', () => {
    expect(padHex(0x14n)).toBe('14');
    expect(padHex(0xecn)).toBe('00ec');
    expect(padHex(0xc8n)).toBe('00c8');
    expect(padHex(0x1abn)).toBe('01ab');
    expect(padHex(0x8abn)).toBe('08ab');
    expect(bigIntFromHex('00ff')).toBe(255n);
  });

  it('computes modPow correctly for large numbers', () => {
    const m = (1n << 521n) - 1n; // a Mersenne prime: a^(m-1) ≡ 1 (mod m)
    expect(modPow(3n, m - 1n, m)).toBe(1n);
    expect(modPow(2n, 10n, 1000n)).toBe(24n);
    expect(modPow(-2n, 3n, 7n)).toBe(6n);
    expect(modPow(5n, 0n, 7n)).toBe(1n);
    expect(modPow(5n, 3n, 1n)).toBe(0n);
  });
});
