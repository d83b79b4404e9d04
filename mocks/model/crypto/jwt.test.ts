import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { toBase64Url, utf8 } from './bytes';
import { decodeJwtUnverified, generateSigningKey, keyId, publicJwks, signJwt, verifyJwt, type SigningKey } from './jwt';

let key: SigningKey;
let other: SigningKey;
beforeAll(async () => {
  [key, other] = await Promise.all([generateSigningKey(seededRandom(1)), generateSigningKey(seededRandom(2))]);
});

const now = () => Math.floor(Date.now() / 1000);
const b64json = (value: unknown) => toBase64Url(utf8(JSON.stringify(value)));

describe('RS256 JWT', () => {
  it('signs with a Cognito-style header and verifies', async () => {
    const token = await signJwt(key, { sub: 'abc', token_use: 'id', 'cognito:groups': ['admins'] });
    const [header] = token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ kid: key.kid, alg: 'RS256' });
    const result = await verifyJwt(token, [other, key]);
    expect(result?.header).toEqual({ kid: key.kid, alg: 'RS256' });
    expect(result?.claims).toEqual({ sub: 'abc', token_use: 'id', 'cognito:groups': ['admins'] });
  });

  it('refuses tampered claims, signatures, unknown kids, other algorithms and garbage', async () => {
    const token = await signJwt(key, { sub: 'abc', admin: false });
    const [h, c, s] = token.split('.') as [string, string, string];
    expect(await verifyJwt(`${h}.${b64json({ sub: 'abc', admin: true })}.${s}`, [key])).toBeNull();
    const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
    expect(await verifyJwt(`${h}.${c}.${flipped}`, [key])).toBeNull();
    expect(await verifyJwt(token, [other])).toBeNull();
    expect(await verifyJwt(`${b64json({ kid: key.kid, alg: 'none' })}.${c}.`, [key])).toBeNull();
    expect(await verifyJwt(`${b64json({ kid: key.kid, alg: 'HS256' })}.${c}.${s}`, [key])).toBeNull();
    // same kid, different key material: the signature decides, not the kid
    expect(await verifyJwt(token, [{ ...other, kid: key.kid }])).toBeNull();
    for (const junk of ['', 'a.b', 'a.b.c.d', '!!.??.**', `${h}.${c}`]) expect(await verifyJwt(junk, [key])).toBeNull();
  });

  it('survives JSON (snapshots) with the same kid', async () => {
    const restored = JSON.parse(JSON.stringify(key)) as SigningKey;
    expect(restored.kid).toBe(await keyId(restored.publicJwk));
    const token = await signJwt(restored, { n: 1 });
    expect((await verifyJwt(token, [key]))?.claims).toEqual({ n: 1 });
    expect(key.kid).not.toBe(other.kid);
    expect(key.kid).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('publishes a JWKS with only public fields', () => {
    const jwks = publicJwks([key, other]);
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys[0]).toEqual({ alg: 'RS256', e: 'AQAB', kid: key.kid, kty: 'RSA', n: key.publicJwk.n, use: 'sig' });
    expect(JSON.stringify(jwks)).not.toContain(key.privateJwk.d!);
  });

  it('is accepted by aws-jwt-verify, the library the dashboard uses', async () => {
    const userPoolId = 'us-east-1_AbC123';
    const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId: 'client-1' });
    verifier.cacheJwks(publicJwks([key]) as Parameters<typeof verifier.cacheJwks>[0]);
    const claims = {
      sub: '0b6d6f2c-1111-4c8e-9a51-2b6f0e9d1c33',
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`,
      aud: 'client-1',
      token_use: 'id',
      auth_time: now(),
      iat: now(),
      exp: now() + 3600,
    };
    await expect(verifier.verify(await signJwt(key, claims))).resolves.toMatchObject({ sub: claims.sub });
    await expect(verifier.verify(await signJwt(other, claims))).rejects.toThrow();
  });

  it('decodes without verifying when asked to', async () => {
    const token = await signJwt(key, { iss: 'x' });
    expect(decodeJwtUnverified(token)?.claims).toEqual({ iss: 'x' });
    expect(decodeJwtUnverified('nope')).toBeNull();
  });
});
