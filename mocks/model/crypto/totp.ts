/**
 * RFC 6238 time-based one-time passwords as Cognito's software-token MFA uses them: HMAC-SHA1,
 * 6 digits, 30-second steps, secrets exchanged as base32 (what authenticator apps scan).
 */
import type { Random } from '../random';
import { hmacSha1 } from './bytes';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;
const DIGITS = 6;

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Lenient like authenticator apps: any case, spaces and '=' padding ignored. Throws on other characters. */
export function base32Decode(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value === -1) throw new TypeError(`invalid base32 character '${char}'`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}

/** 20 random bytes (the SHA-1 block RFC 4226 recommends) = 32 base32 characters. */
export function newTotpSecret(random: Random): string {
  return base32Encode(random.bytes(20));
}

async function hotp(secret: Uint8Array, counter: number): Promise<string> {
  const message = new Uint8Array(8);
  // Counters stay far below 2^53, so splitting into two 32-bit halves is exact.
  new DataView(message.buffer).setUint32(0, Math.floor(counter / 2 ** 32));
  new DataView(message.buffer).setUint32(4, counter >>> 0);
  const mac = await hmacSha1(secret, message);
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

const stepAt = (nowMs: number) => Math.floor(nowMs / 1000 / STEP_SECONDS);

export function totpAt(secretBase32: string, nowMs: number): Promise<string> {
  return hotp(base32Decode(secretBase32), stepAt(nowMs));
}

/**
 * True when `code` matches the step at `nowMs` or up to `window` steps either side, tolerating the
 * clock drift of a phone (authenticator apps and Cognito allow one step by default).
 */
export async function verifyTotp(secretBase32: string, code: string, nowMs: number, window = 1): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const secret = base32Decode(secretBase32);
  const step = stepAt(nowMs);
  let matched = false;
  for (let delta = -window; delta <= window; delta++) {
    if (step + delta < 0) continue;
    // No early return: every candidate costs the same, whichever one matches.
    if ((await hotp(secret, step + delta)) === code) matched = true;
  }
  return matched;
}
