/**
 * Opaque pagination tokens bound to their query. A token carries the operation, a fingerprint of
 * the parameters that define the result set (pool, filter, group …) and the cursor; presenting it
 * with different parameters is refused, as a shifted result set would silently skip or repeat users.
 * Tokens are self-contained, so they survive a snapshot/restore of the emulator.
 */
import { invalidParameter } from '../errors';

interface TokenBody<C> {
  o: string;
  q: string;
  c: C;
}

const MISMATCH = 'The pagination token does not match this request: it was issued for different parameters.';
const INVALID = 'Invalid pagination token.';

/** FNV-1a, 32 bit: a compact fingerprint (tokens are not a security boundary). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
  const b64 = token.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodePageToken<C>(operation: string, query: string, cursor: C): string {
  const body: TokenBody<C> = { o: operation, q: fingerprint(query), c: cursor };
  return toBase64Url(JSON.stringify(body));
}

/** The cursor inside `token`, or undefined when there is no token. Throws InvalidParameterException. */
export function decodePageToken<C>(operation: string, query: string, token: unknown, isCursor: (c: unknown) => c is C): C | undefined {
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'string' || token === '') throw invalidParameter(INVALID);
  let body: Partial<TokenBody<unknown>>;
  try {
    body = JSON.parse(fromBase64Url(token)) as Partial<TokenBody<unknown>>;
  } catch {
    throw invalidParameter(INVALID);
  }
  if (typeof body !== 'object' || body === null || typeof body.o !== 'string' || !isCursor(body.c)) {
    throw invalidParameter(INVALID);
  }
  if (body.o !== operation || body.q !== fingerprint(query)) throw invalidParameter(MISMATCH);
  return body.c;
}

export const isSeqCursor = (c: unknown): c is { s: number } =>
  typeof c === 'object' && c !== null && typeof (c as { s?: unknown }).s === 'number';

export const isNameCursor = (c: unknown): c is { n: string } =>
  typeof c === 'object' && c !== null && typeof (c as { n?: unknown }).n === 'string';
