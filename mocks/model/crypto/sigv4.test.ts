import { Sha256 } from '@aws-crypto/sha256-js';
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { asQueryProtocolAuthError, formatAmzDate, isSigV4Signed, SIGV4_MESSAGES, verifySigV4, type SigV4Request, type SigV4Secret } from './sigv4';

const NOW = Date.UTC(2026, 10, 25, 14, 2, 3);
const ROOT = { accessKeyId: 'test', secretAccessKey: 'test' };
const TEMP = { accessKeyId: 'ASIAEXAMPLE000000001', secretAccessKey: 'tempSecret/abc+def', sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN==' };

const store: Record<string, SigV4Secret> = {
  test: { secretAccessKey: 'test' },
  [TEMP.accessKeyId]: { secretAccessKey: TEMP.secretAccessKey, sessionToken: TEMP.sessionToken, expiresAt: NOW + 3600_000 },
};
const lookup = (id: string) => store[id];

interface RawRequest {
  method: string;
  protocol?: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

const bodyBytes = (body: unknown) =>
  body === undefined || body === null ? new Uint8Array() : typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body as Uint8Array);

function encodeQuery(query: RawRequest['query']): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) parts.push(v === null ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** An SDK HttpRequest as a service worker would see it. `browser` drops what browsers hide. */
function toFetch(raw: RawRequest, { browser = false } = {}): SigV4Request & { headers: Headers } {
  const headers = new Headers(raw.headers);
  if (browser) {
    headers.delete('host');
    headers.delete('content-length');
  }
  const port = raw.port ? `:${raw.port}` : '';
  return { method: raw.method, url: `${raw.protocol ?? 'https:'}//${raw.hostname}${port}${raw.path}${encodeQuery(raw.query)}`, headers, body: bodyBytes(raw.body) };
}

function signer(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, service = 'cognito-idp', region = 'us-east-1') {
  return new SignatureV4({ credentials, region, service, sha256: Sha256 });
}

function cognitoRequest(body = '{"UserPoolId":"us-east-1_AbC123","Username":"alice"}'): RawRequest {
  return {
    method: 'POST',
    protocol: 'https:',
    hostname: 'cognito-idp.us-east-1.amazonaws.com',
    path: '/',
    headers: {
      host: 'cognito-idp.us-east-1.amazonaws.com',
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser',
      'content-length': String(new TextEncoder().encode(body).length),
    },
    body,
  };
}

async function signed(raw: RawRequest, creds: typeof ROOT | typeof TEMP = ROOT, at = NOW, service = 'cognito-idp') {
  return (await signer(creds, service).sign(raw as never, { signingDate: new Date(at) })) as unknown as RawRequest;
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

/** Lets a real SDK client build and sign a request, then stops it before the network. */
async function captureFromClient(send: (handler: unknown) => Promise<unknown>): Promise<RawRequest> {
  let captured: RawRequest | undefined;
  const handler = {
    handle: async (request: RawRequest) => {
      captured = request;
      throw new Error('captured');
    },
  };
  await send(handler).catch((e: unknown) => {
    if (!(e instanceof Error) || e.message !== 'captured') throw e;
  });
  return captured!;
}

describe('SigV4 verification of requests signed by the AWS SDK', () => {
  it('accepts a real CognitoIdentityProviderClient call, with and without the headers browsers hide', async () => {
    const raw = await captureFromClient((requestHandler) =>
      new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials: ROOT, requestHandler: requestHandler as never, maxAttempts: 1 }).send(
        new AdminGetUserCommand({ UserPoolId: 'eu-west-1_AbC123', Username: 'alice' }),
      ),
    );
    const now = Date.parse(new Headers(raw.headers).get('x-amz-date')!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    for (const browser of [false, true]) {
      await expect(verifySigV4(toFetch(raw, { browser }), lookup, now)).resolves.toEqual({ accessKeyId: 'test', region: 'eu-west-1', service: 'cognito-idp' });
    }
    const tampered = { ...raw, body: new TextDecoder().decode(bodyBytes(raw.body)).replace('alice', 'mallory') };
    expect((await rejection(verifySigV4(toFetch(tampered), lookup, now))).code).toBe('InvalidSignatureException');
  });

  it('accepts a real SESClient form-encoded call', async () => {
    const raw = await captureFromClient((requestHandler) =>
      new SESClient({ region: 'us-east-1', credentials: TEMP, requestHandler: requestHandler as never, maxAttempts: 1 }).send(
        new SendEmailCommand({
          Source: 'no-reply@example.com',
          Destination: { ToAddresses: ['a+b@example.com'] },
          Message: { Subject: { Data: 'Hello & welcome = 100%' }, Body: { Text: { Data: 'Line 1\nLine 2 ünïcödé' } } },
        }),
      ),
    );
    expect(new Headers(raw.headers).get('content-type')).toContain('application/x-www-form-urlencoded');
    // The SDK signs at the real time, so the temporary credentials must be valid then (not at NOW).
    const now = Date.parse(new Headers(raw.headers).get('x-amz-date')!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const liveLookup = (id: string) => (id === TEMP.accessKeyId ? { ...store[id]!, expiresAt: now + 3600_000 } : store[id]);
    await expect(verifySigV4(toFetch(raw, { browser: true }), liveLookup, now, { service: 'ses' })).resolves.toMatchObject({ service: 'ses', region: 'us-east-1' });
    const error = await rejection(verifySigV4(toFetch(raw), liveLookup, now, { service: 'cognito-idp' }));
    expect(error.message).toBe("Credential should be scoped to correct service: 'cognito-idp'. ");
  });

  it('accepts query strings with repeated keys, reserved characters and an odd path', async () => {
    const raw: RawRequest = {
      method: 'GET',
      hostname: 'email.us-east-1.amazonaws.com',
      port: 9229,
      path: '/some%20dir/a+b/./c',
      query: { Action: 'ListIdentities', 'Key With Space': "a b+c/d~e!'()*", multi: ['b', 'a'], empty: '' },
      headers: { host: 'email.us-east-1.amazonaws.com:9229' },
    };
    const req = toFetch(await signed(raw, ROOT, NOW, 'ses'));
    await expect(verifySigV4(req, lookup, NOW)).resolves.toMatchObject({ service: 'ses' });
    const changed = { ...req, url: req.url.replace('multi=a', 'multi=z') };
    expect((await rejection(verifySigV4(changed, lookup, NOW))).code).toBe('InvalidSignatureException');
  });

  it('accepts a presigned URL and refuses it once expired', async () => {
    const raw: RawRequest = { method: 'GET', hostname: 'cognito-idp.us-east-1.amazonaws.com', path: '/', query: { a: '1' }, headers: { host: 'cognito-idp.us-east-1.amazonaws.com' } };
    const presigned = (await signer(TEMP).presign(raw as never, { signingDate: new Date(NOW), expiresIn: 300 })) as unknown as RawRequest;
    const req = toFetch(presigned);
    expect(isSigV4Signed(req)).toBe(true);
    await expect(verifySigV4(req, lookup, NOW + 299_000)).resolves.toMatchObject({ accessKeyId: TEMP.accessKeyId });
    const error = await rejection(verifySigV4(req, lookup, NOW + 301_000));
    expect(error.code).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^Signature expired: 20261125T140203Z is now earlier than/);
  });
});

describe('SigV4 failures in AWS words', () => {
  it('no Authorization → MissingAuthenticationTokenException (400)', async () => {
    const req = toFetch(cognitoRequest());
    expect(isSigV4Signed(req)).toBe(false);
    const error = await rejection(verifySigV4(req, lookup, NOW));
    expect([error.code, error.message, error.status]).toEqual(['MissingAuthenticationTokenException', SIGV4_MESSAGES.missing, 400]);
  });

  it('a non-SigV4 Authorization header → IncompleteSignatureException listing what is missing', async () => {
    const req = toFetch(cognitoRequest());
    req.headers.set('authorization', 'Bearer eyJhbGciOi');
    const error = await rejection(verifySigV4(req, lookup, NOW));
    expect(error.code).toBe('IncompleteSignatureException');
    expect(error.message).toBe(
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer eyJhbGciOi",
    );
  });

  it('unknown access key → UnrecognizedClientException', async () => {
    const req = toFetch(await signed(cognitoRequest(), { ...ROOT, accessKeyId: 'AKIANOBODY' }));
    const error = await rejection(verifySigV4(req, lookup, NOW));
    expect([error.code, error.message]).toEqual(['UnrecognizedClientException', 'The security token included in the request is invalid.']);
  });

  it('wrong secret → InvalidSignatureException with AWS message', async () => {
    const req = toFetch(await signed(cognitoRequest(), { ...ROOT, secretAccessKey: 'nope' }));
    const error = await rejection(verifySigV4(req, lookup, NOW));
    expect([error.code, error.message]).toEqual(['InvalidSignatureException', SIGV4_MESSAGES.mismatch]);
  });

  it('temporary credentials: right token passes, wrong or missing token is invalid, past expiry is expired', async () => {
    const good = toFetch(await signed(cognitoRequest(), TEMP));
    await expect(verifySigV4(good, lookup, NOW)).resolves.toMatchObject({ accessKeyId: TEMP.accessKeyId });

    const wrongToken = toFetch(await signed(cognitoRequest(), { ...TEMP, sessionToken: 'other' }));
    expect((await rejection(verifySigV4(wrongToken, lookup, NOW))).code).toBe('UnrecognizedClientException');
    const noToken = toFetch(await signed(cognitoRequest(), { accessKeyId: TEMP.accessKeyId, secretAccessKey: TEMP.secretAccessKey } as typeof TEMP));
    expect((await rejection(verifySigV4(noToken, lookup, NOW))).code).toBe('UnrecognizedClientException');

    const later = NOW + 3600_000;
    const afterExpiry = toFetch(await signed(cognitoRequest(), TEMP, later));
    const error = await rejection(verifySigV4(afterExpiry, lookup, later));
    expect([error.code, error.message]).toEqual(['ExpiredTokenException', 'The security token included in the request is expired']);
  });

  it('x-amz-date more than 15 minutes off → Signature expired / not yet current', async () => {
    const req = toFetch(await signed(cognitoRequest()));
    await expect(verifySigV4(req, lookup, NOW + 14 * 60_000)).resolves.toBeTruthy();
    const late = await rejection(verifySigV4(req, lookup, NOW + 16 * 60_000));
    expect([late.code, late.message]).toEqual([
      'InvalidSignatureException',
      'Signature expired: 20261125T140203Z is now earlier than 20261125T140303Z (20261125T141803Z - 15 min.)',
    ]);
    const early = await rejection(verifySigV4(req, lookup, NOW - 16 * 60_000));
    expect(early.message).toBe('Signature not yet current: 20261125T140203Z is still later than 20261125T140103Z (20261125T134603Z + 15 min.)');
  });

  it('tampered signed header, body or signature is refused; unsigned headers may change', async () => {
    const base = await signed(cognitoRequest());
    const target = toFetch(base);
    target.headers.set('x-amz-target', 'AWSCognitoIdentityProviderService.AdminDeleteUser');
    expect((await rejection(verifySigV4(target, lookup, NOW))).code).toBe('InvalidSignatureException');

    const body = toFetch({ ...base, body: '{"UserPoolId":"us-east-1_AbC123","Username":"bob"}' }, { browser: true });
    expect((await rejection(verifySigV4(body, lookup, NOW))).code).toBe('InvalidSignatureException');

    const sig = toFetch(base);
    sig.headers.set('authorization', sig.headers.get('authorization')!.replace(/Signature=.{4}/, 'Signature=0000'));
    expect((await rejection(verifySigV4(sig, lookup, NOW))).code).toBe('InvalidSignatureException');

    const unsigned = toFetch(base);
    unsigned.headers.set('user-agent', 'something else');
    unsigned.headers.set('x-unsigned', '1');
    await expect(verifySigV4(unsigned, lookup, NOW)).resolves.toBeTruthy();
  });

  it('a declared payload hash must be the body hash', async () => {
    const raw = cognitoRequest();
    raw.headers['x-amz-content-sha256'] = '0'.repeat(64);
    const req = toFetch(await signed(raw));
    expect((await rejection(verifySigV4(req, lookup, NOW))).code).toBe('InvalidSignatureException');
  });

  it('credential scope date must match x-amz-date', async () => {
    const req = toFetch(await signed(cognitoRequest()));
    req.headers.set('authorization', req.headers.get('authorization')!.replace('/20261125/', '/20261124/'));
    const error = await rejection(verifySigV4(req, lookup, NOW));
    expect(error.message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261124' != '20261125', from '20261125T140203Z'.",
    );
  });

  it('maps to awsQuery names for SES', () => {
    const mapped = asQueryProtocolAuthError(new ServiceError('InvalidSignatureException', 'x'));
    expect([mapped.code, mapped.status]).toEqual(['SignatureDoesNotMatch', 403]);
    expect(asQueryProtocolAuthError(new ServiceError('Throttling', 'y')).code).toBe('Throttling');
    expect(formatAmzDate(NOW)).toBe('20261125T140203Z');
  });
});
