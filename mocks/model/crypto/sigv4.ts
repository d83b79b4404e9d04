/**
 * Verifies AWS Signature Version 4 on an incoming Fetch-style request, the way AWS front doors do,
 * so signed admin calls are really authenticated in the emulator. Both forms are accepted: the
 * Authorization header (what SDKs send) and presigned query parameters.
 *
 * Browsers and msw hide `Host` and `Content-Length` from a Request even though the SDK signed them,
 * so when those are signed but absent they are rebuilt from the URL and the body.
 */
import { ServiceError } from '../errors';
import { fromHex, hmacSha256, sha256Hex, timingSafeEqual, utf8 } from './bytes';

export interface SigV4Request {
  method: string;
  url: string;
  headers: Pick<Headers, 'get' | 'has'>;
  body: Uint8Array;
}

export interface SigV4Secret {
  secretAccessKey: string;
  sessionToken?: string;
  /** epoch ms; temporary credentials past this are refused with ExpiredTokenException */
  expiresAt?: number;
}

export interface SigV4Result {
  accessKeyId: string;
  region: string;
  service: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60 * 1000;

// AWS's wording, so SDK error handling and people reading logs see what they would see from AWS.
export const SIGV4_MESSAGES = {
  missing: 'Request is missing Authentication Token',
  invalidToken: 'The security token included in the request is invalid.',
  expiredToken: 'The security token included in the request is expired',
  mismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
} as const;

const invalidSignature = (message: string = SIGV4_MESSAGES.mismatch) => new ServiceError('InvalidSignatureException', message);
const incomplete = (message: string) => new ServiceError('IncompleteSignatureException', message);

/** True when the request carries any SigV4 material (header or presigned query), valid or not. */
export function isSigV4Signed(req: Pick<SigV4Request, 'url' | 'headers'>): boolean {
  if (req.headers.has('authorization')) return true;
  return new URL(req.url).searchParams.has('X-Amz-Algorithm');
}

interface ParsedAuth {
  algorithm: string;
  credential: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  sessionToken: string | null;
  /** presigned requests only: seconds the signature stays valid */
  expires?: number;
  presigned: boolean;
}

function parseAuthorizationHeader(header: string, headers: SigV4Request['headers']): ParsedAuth {
  const space = header.indexOf(' ');
  const algorithm = space === -1 ? header : header.slice(0, space);
  const fields = new Map<string, string>();
  for (const part of (space === -1 ? '' : header.slice(space + 1)).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const dateHeader = headers.get('x-amz-date') ?? httpDateToAmz(headers.get('date'));
  const problems: string[] = [];
  if (!fields.get('Credential')) problems.push("Authorization header requires 'Credential' parameter.");
  if (!fields.get('Signature')) problems.push("Authorization header requires 'Signature' parameter.");
  if (!fields.get('SignedHeaders')) problems.push("Authorization header requires 'SignedHeaders' parameter.");
  if (!dateHeader) problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (problems.length > 0) throw incomplete(`${problems.join(' ')} Authorization=${header}`);
  if (algorithm !== ALGORITHM) throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}'`);
  return {
    algorithm,
    credential: fields.get('Credential')!,
    signedHeaders: fields.get('SignedHeaders')!.toLowerCase().split(';'),
    signature: fields.get('Signature')!,
    amzDate: dateHeader!,
    sessionToken: headers.get('x-amz-security-token'),
    presigned: false,
  };
}

function parsePresignedQuery(query: [string, string][]): ParsedAuth {
  const get = (name: string) => query.find(([k]) => k === name)?.[1];
  const missing = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'].filter((n) => !get(n));
  if (missing.length > 0) {
    throw incomplete(missing.map((n) => `AWS query-string parameters must include '${n}'.`).join(' '));
  }
  const algorithm = get('X-Amz-Algorithm')!;
  if (algorithm !== ALGORITHM) throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}'`);
  const expiresText = get('X-Amz-Expires');
  const expires = expiresText === undefined ? undefined : Number(expiresText);
  if (expires !== undefined && (!Number.isInteger(expires) || expires < 1 || expires > 604800)) {
    throw incomplete(`X-Amz-Expires must be between 1 and 604800 seconds, got '${expiresText}'.`);
  }
  return {
    algorithm,
    credential: get('X-Amz-Credential')!,
    signedHeaders: get('X-Amz-SignedHeaders')!.toLowerCase().split(';'),
    signature: get('X-Amz-Signature')!,
    amzDate: get('X-Amz-Date')!,
    sessionToken: get('X-Amz-Security-Token') ?? null,
    ...(expires === undefined ? {} : { expires }),
    presigned: true,
  };
}

function httpDateToAmz(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : formatAmzDate(ms);
}

export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Requests signed within the same second share the answer. */
let lastAmzDate: { text: string; ms: number | null } = { text: '', ms: null };

function parseAmzDate(text: string): number | null {
  if (text === lastAmzDate.text) return lastAmzDate.ms;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  let ms: number | null = null;
  if (m) {
    const parsed = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    ms = formatAmzDate(parsed) === text ? parsed : null;
  }
  lastAmzDate = { text, ms };
  return ms;
}

/** RFC 3986 unreserved characters stay, everything else is %XX (uppercase), as SigV4 requires. */
const escapeUri = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The raw query as the client put it on the wire, decoded pair by pair ('+' is not a space in SigV4). */
function parseQuery(search: string): [string, string][] {
  const text = search.startsWith('?') ? search.slice(1) : search;
  if (!text) return [];
  return text
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? [safeDecode(pair), ''] : [safeDecode(pair.slice(0, eq)), safeDecode(pair.slice(eq + 1))];
    });
}

function canonicalQuery(query: [string, string][]): string {
  return query
    .filter(([key]) => key.toLowerCase() !== 'x-amz-signature')
    .map(([key, value]) => [escapeUri(key), escapeUri(value)] as const)
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** Dot segments and empty segments removed, then each byte escaped again (non-S3 services double-encode). */
function canonicalPath(pathname: string): string {
  const segments: string[] = [];
  for (const segment of pathname.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && pathname.endsWith('/') ? '/' : '';
  const normalized = `/${segments.join('/')}${trailing}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

const canonicalHeaderValue = (value: string) => value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim();

function headerValue(req: SigV4Request, url: URL, name: string): string {
  const value = req.headers.get(name);
  if (value !== null) return canonicalHeaderValue(value);
  if (name === 'host') return url.host;
  if (name === 'content-length') return String(req.body.length);
  return '';
}

const signingKeys = new Map<string, Promise<Uint8Array>>();
function signingKey(secret: string, date: string, region: string, service: string): Promise<Uint8Array> {
  const cacheKey = `${date}/${region}/${service}\n${secret}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    key = (async () => {
      let k = await hmacSha256(`AWS4${secret}`, date);
      for (const part of [region, service, 'aws4_request']) k = await hmacSha256(k, part);
      return k;
    })();
    signingKeys.set(cacheKey, key);
    if (signingKeys.size > 64) signingKeys.delete(signingKeys.keys().next().value!);
  }
  return key;
}

/**
 * Checks the request's signature against the secret `lookup` returns for its access key.
 * Throws ServiceError (awsJson names): MissingAuthenticationTokenException, IncompleteSignatureException,
 * UnrecognizedClientException, ExpiredTokenException, InvalidSignatureException.
 * `expected.service`, when given, must match the credential scope's service.
 * `now` is one instant, or two: AWS checks the request time against real time (the signer's clock
 * must be within 15 minutes of it) while temporary credentials expire on the emulator's clock, which
 * tests move forward.
 */
export async function verifySigV4(
  req: SigV4Request,
  lookup: (accessKeyId: string) => SigV4Secret | undefined,
  now: number | { requestMs: number; credentialsMs: number },
  expected: { service?: string } = {},
): Promise<SigV4Result> {
  const nowMs = typeof now === 'number' ? now : now.requestMs;
  const credentialsNowMs = typeof now === 'number' ? now : now.credentialsMs;
  const url = new URL(req.url);
  const query = parseQuery(url.search);
  const authorization = req.headers.get('authorization');
  let auth: ParsedAuth;
  if (authorization !== null) auth = parseAuthorizationHeader(authorization, req.headers);
  else if (query.some(([k]) => k === 'X-Amz-Algorithm')) auth = parsePresignedQuery(query);
  else throw new ServiceError('MissingAuthenticationTokenException', SIGV4_MESSAGES.missing);

  const scope = auth.credential.split('/');
  if (scope.length !== 5) {
    throw incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${auth.credential}'`);
  }
  const [accessKeyId, scopeDate, region, service, terminator] = scope as [string, string, string, string, string];
  if (terminator !== 'aws4_request') {
    throw invalidSignature(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
  }
  if (expected.service && service !== expected.service) {
    throw invalidSignature(`Credential should be scoped to correct service: '${expected.service}'. `);
  }

  const secret = lookup(accessKeyId);
  if (!secret) throw new ServiceError('UnrecognizedClientException', SIGV4_MESSAGES.invalidToken);
  if (secret.sessionToken !== undefined && auth.sessionToken !== secret.sessionToken) {
    throw new ServiceError('UnrecognizedClientException', SIGV4_MESSAGES.invalidToken);
  }
  if (secret.expiresAt !== undefined && secret.expiresAt <= credentialsNowMs) {
    throw new ServiceError('ExpiredTokenException', SIGV4_MESSAGES.expiredToken);
  }

  const dateMs = parseAmzDate(auth.amzDate);
  if (dateMs === null) {
    throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${auth.amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  }
  if (scopeDate !== auth.amzDate.slice(0, 8)) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${auth.amzDate.slice(0, 8)}', from '${auth.amzDate}'.`,
    );
  }
  if (auth.presigned && auth.expires !== undefined) {
    if (dateMs + auth.expires * 1000 < nowMs) {
      throw invalidSignature(
        `Signature expired: ${auth.amzDate} is now earlier than ${formatAmzDate(nowMs - auth.expires * 1000)} (${formatAmzDate(nowMs)} - ${auth.expires} sec.)`,
      );
    }
  } else if (dateMs < nowMs - MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${auth.amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_SKEW_MS)} (${formatAmzDate(nowMs)} - 15 min.)`,
    );
  }
  if (dateMs > nowMs + MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature not yet current: ${auth.amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} (${formatAmzDate(nowMs)} + 15 min.)`,
    );
  }
  if (!auth.signedHeaders.includes('host')) {
    throw invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  const bodyHash = await sha256Hex(req.body);
  const declaredHash = auth.presigned ? null : req.headers.get('x-amz-content-sha256');
  // A declared hash is what was signed; it must also be the body's, or the body could be swapped.
  if (declaredHash !== null && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash.toLowerCase() !== bodyHash) {
    throw invalidSignature();
  }
  const payloadHash = declaredHash ?? bodyHash;

  const signedHeaders = [...auth.signedHeaders].sort();
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalPath(url.pathname),
    canonicalQuery(query),
    ...signedHeaders.map((name) => `${name}:${headerValue(req, url, name)}`),
    '',
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const credentialScope = `${scopeDate}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, auth.amzDate, credentialScope, await sha256Hex(canonicalRequest)].join('\n');
  const key = await signingKey(secret.secretAccessKey, scopeDate, region, service);
  const expectedSignature = await hmacSha256(key, utf8(stringToSign));

  let provided: Uint8Array;
  try {
    provided = fromHex(auth.signature.toLowerCase());
  } catch {
    throw invalidSignature();
  }
  if (!timingSafeEqual(expectedSignature, provided)) throw invalidSignature();
  return { accessKeyId, region, service };
}

/**
 * awsQuery services (SES v1) name the same failures differently and answer them with HTTP 403:
 * maps a ServiceError from verifySigV4 or Iam.authorize to that form; other errors pass through.
 */
export function asQueryProtocolAuthError(error: ServiceError): ServiceError {
  const names: Record<string, string> = {
    MissingAuthenticationTokenException: 'MissingAuthenticationToken',
    IncompleteSignatureException: 'IncompleteSignature',
    UnrecognizedClientException: 'InvalidClientTokenId',
    ExpiredTokenException: 'ExpiredToken',
    InvalidSignatureException: 'SignatureDoesNotMatch',
    AccessDeniedException: 'AccessDenied',
  };
  const code = names[error.code];
  return code ? new ServiceError(code, error.message, 403) : error;
}
