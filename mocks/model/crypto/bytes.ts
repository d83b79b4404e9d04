/**
 * Byte and number helpers for the emulator's crypto, on Web standards only (TextEncoder, atob/btoa,
 * crypto.subtle, BigInt) so the same code runs in the service worker, Node tests and the server.
 */

export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export const utf8 = (text: string): Bytes => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/** WebCrypto's typings want an ArrayBuffer-backed view; Random and callers may hand us any view. */
export function bufferSource(bytes: Uint8Array): Bytes {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Bytes) : new Uint8Array(bytes);
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const HEX_DIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX_DIGITS[b];
  return out;
}

/** Strict: throws on odd length or a non-hex character, because a silently-truncated key or hash
 * would turn into a confusing signature mismatch much later. */
export function fromHex(hex: string): Bytes {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError('invalid hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so large inputs do not blow the argument limit of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Accepts standard and URL-safe alphabets, with or without padding. Throws on anything else. */
export function fromBase64(text: string): Bytes {
  let normalized = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) throw new TypeError('invalid base64 string');
  normalized = normalized.replace(/=+$/, '');
  if (normalized.length % 4 === 1) throw new TypeError('invalid base64 string');
  normalized += '='.repeat((4 - (normalized.length % 4)) % 4);
  const binary = atob(normalized);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export const toBase64Url = (bytes: Uint8Array): string =>
  toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const fromBase64Url = fromBase64;

/**
 * Synchronous digests a host may supply (node:crypto in Node). WebCrypto's are asynchronous and hop
 * to a thread pool, which costs far more than hashing one small request: SigV4 verification on the
 * standalone server spent most of its time there. The browser keeps WebCrypto.
 */
export interface SyncDigests {
  sha256(data: Uint8Array): Uint8Array;
  hmac(hash: 'SHA-256' | 'SHA-1', key: Uint8Array, data: Uint8Array): Uint8Array;
}

let syncDigests: SyncDigests | undefined;

export function setSyncDigests(digests: SyncDigests | undefined): void {
  syncDigests = digests;
}

export async function sha256(data: Uint8Array | string): Promise<Bytes> {
  const input = typeof data === 'string' ? utf8(data) : bufferSource(data);
  if (syncDigests) return new Uint8Array(syncDigests.sha256(input));
  return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
}

export const sha256Hex = async (data: Uint8Array | string): Promise<string> => toHex(await sha256(data));

async function hmac(hash: 'SHA-256' | 'SHA-1', key: Uint8Array | string, data: Uint8Array | string): Promise<Bytes> {
  const keyBytes = typeof key === 'string' ? utf8(key) : bufferSource(key);
  if (syncDigests) return new Uint8Array(syncDigests.hmac(hash, keyBytes, typeof data === 'string' ? utf8(data) : data));
  // An empty HMAC key is legal (RFC 2104) but WebCrypto refuses zero-length raw keys; a block of
  // zeros is the same key after HMAC's own padding.
  const material = keyBytes.length === 0 ? new Uint8Array(64) : keyBytes;
  const cryptoKey = await crypto.subtle.importKey('raw', material, { name: 'HMAC', hash }, false, ['sign']);
  const input = typeof data === 'string' ? utf8(data) : bufferSource(data);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, input));
}

export const hmacSha256 = (key: Uint8Array | string, data: Uint8Array | string) => hmac('SHA-256', key, data);
export const hmacSha1 = (key: Uint8Array | string, data: Uint8Array | string) => hmac('SHA-1', key, data);

/** Compares without an early exit, so a forged signature cannot be found byte by byte from timings. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function bigIntFromHex(hex: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new TypeError('invalid hex number');
  return BigInt(`0x${hex}`);
}

export const bigIntFromBytes = (bytes: Uint8Array): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`));

/**
 * Hex of a non-negative integer the way Cognito (and Java's BigInteger.toByteArray) encodes it:
 * even length, plus a leading 00 when the high bit is set so it never reads as negative. SRP hashes
 * these strings' bytes, so one nibble of difference breaks interoperability.
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex expects a non-negative integer');
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return hex;
}

export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/**
 * base^exponent mod modulus with a fixed 4-bit window: 3072-bit SRP needs this on every sign-in,
 * and the window saves about a quarter of the multiplications over plain square-and-multiply.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 0n) throw new RangeError('modulus must be positive');
  if (exponent < 0n) throw new RangeError('negative exponents are not supported');
  if (modulus === 1n) return 0n;
  const b = mod(base, modulus);
  const table: bigint[] = [1n];
  for (let i = 1; i < 16; i++) table.push((table[i - 1]! * b) % modulus);
  let result = 1n;
  for (const digit of exponent.toString(16)) {
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    result = (result * result) % modulus;
    const d = parseInt(digit, 16);
    if (d !== 0) result = (result * table[d]!) % modulus;
  }
  return result;
}
