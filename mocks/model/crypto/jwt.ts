/**
 * RS256 JSON Web Tokens and JWKS as Cognito issues them: RSA 2048 keys, a `kid` in every header,
 * the public half published at the issuer's /.well-known/jwks.json. WebCrypto only, so tokens are
 * minted the same way in the service worker, in Node tests and in the standalone server.
 */
import type { Random } from '../random';
import { fromBase64Url, fromUtf8, sha256, toBase64, toBase64Url, utf8 } from './bytes';

/** JSON-serialisable, so pool keys survive snapshots and IndexedDB. */
export interface SigningKey {
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/**
 * WebCrypto cannot take a seed, so keys are random even under a seeded Random (the parameter stays
 * for the contract and for a future deterministic generator). The kid is derived from the modulus,
 * so a restored key keeps its kid: standard base64 of SHA-256(n), which looks like Cognito's kids.
 */
export async function generateSigningKey(_random: Random): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey(
    { ...ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const exported = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicJwk: JsonWebKey = { kty: 'RSA', n: exported.n, e: exported.e };
  return { kid: await keyId(publicJwk), privateJwk, publicJwk };
}

export async function keyId(publicJwk: JsonWebKey): Promise<string> {
  return toBase64(await sha256(publicJwk.n ?? ''));
}

// Importing a JWK costs more than a signature; keep the CryptoKey beside the object it came from.
const imported = new WeakMap<JsonWebKey, Promise<CryptoKey>>();
function importKey(jwk: JsonWebKey, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  let key = imported.get(jwk);
  if (!key) {
    // key_ops/alg from the export are dropped: the usage is fixed here, and a stale alg must not fail the import.
    const { kty, n, e, d, p, q, dp, dq, qi } = jwk;
    const clean: JsonWebKey = usage === 'sign' ? { kty, n, e, d, p, q, dp, dq, qi } : { kty, n, e };
    key = crypto.subtle.importKey('jwk', clean, ALGORITHM, false, [usage]);
    key.catch(() => imported.delete(jwk));
    imported.set(jwk, key);
  }
  return key;
}

const encodeJson = (value: unknown) => toBase64Url(utf8(JSON.stringify(value)));

export async function signJwt(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  const signingInput = `${encodeJson({ kid: key.kid, alg: 'RS256' })}.${encodeJson(claims)}`;
  const signature = await crypto.subtle.sign(ALGORITHM.name, await importKey(key.privateJwk, 'sign'), utf8(signingInput));
  return `${signingInput}.${toBase64Url(new Uint8Array(signature))}`;
}

function decodeJsonObject(segment: string): Record<string, unknown> | null {
  const value: unknown = JSON.parse(fromUtf8(fromBase64Url(segment)));
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Checks the signature only (expiry, issuer, token_use and revocation are the caller's business).
 * Anything malformed, an algorithm other than RS256, or an unknown kid gives null, never a throw.
 */
export async function verifyJwt(
  token: string,
  keys: SigningKey[],
): Promise<{ header: Record<string, unknown>; claims: Record<string, unknown> } | null> {
  try {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return null;
    const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
    const header = decodeJsonObject(headerPart);
    if (!header || header.alg !== 'RS256' || typeof header.kid !== 'string') return null;
    const key = keys.find((k) => k.kid === header.kid);
    if (!key) return null;
    const valid = await crypto.subtle.verify(
      ALGORITHM.name,
      await importKey(key.publicJwk, 'verify'),
      fromBase64Url(signaturePart),
      utf8(`${headerPart}.${claimsPart}`),
    );
    if (!valid) return null;
    const claims = decodeJsonObject(claimsPart);
    return claims ? { header, claims } : null;
  } catch {
    return null;
  }
}

/** The document served at <issuer>/.well-known/jwks.json, fields in Cognito's order. */
export function publicJwks(keys: SigningKey[]): { keys: object[] } {
  return {
    keys: keys.map((key) => ({ alg: 'RS256', e: key.publicJwk.e, kid: key.kid, kty: 'RSA', n: key.publicJwk.n, use: 'sig' })),
  };
}

/** Reads a token's parts without checking anything, e.g. to find which pool issued it. */
export function decodeJwtUnverified(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | null {
  try {
    const [headerPart, claimsPart] = token.split('.');
    if (!headerPart || !claimsPart) return null;
    const header = decodeJsonObject(headerPart);
    const claims = decodeJsonObject(claimsPart);
    return header && claims ? { header, claims } : null;
  } catch {
    return null;
  }
}
