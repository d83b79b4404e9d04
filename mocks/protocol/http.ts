/** Wire types and helpers shared by every protocol adapter (no Node or DOM-only APIs). */

/** The headers of a request, read-only; Fetch's Headers is one. */
export type HeaderReader = Pick<Headers, 'get' | 'has'>;

/**
 * What the router needs of a request. A Fetch Request gives it (fromFetchRequest), and so does the
 * node:http host without building one: Request and Response objects cost more per call than
 * everything else the standalone server does for AdminCreateUser.
 */
export interface WireRequest {
  method: string;
  url: string;
  headers: HeaderReader;
  /** the body's bytes, empty when there is none; read at most once */
  bytes(): Promise<Uint8Array>;
}

/** An answer before any host turns it into its own form; header names are lower case. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export function fromFetchRequest(request: Request): WireRequest {
  return { method: request.method, url: request.url, headers: request.headers, bytes: async () => new Uint8Array(await request.arrayBuffer()) };
}

export function toFetchResponse(response: WireResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}

/** Headers the AWS SDKs send from a browser; listed so a preflight from any SDK version passes. */
export const CORS_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'x-amz-date',
  'x-amz-target',
  'x-amz-security-token',
  'x-amz-user-agent',
  'x-amz-content-sha256',
  'x-amz-api-version',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'x-amzn-trace-id',
].join(', ');

export const CORS_EXPOSE_HEADERS = ['x-amzn-requestid', 'x-amzn-errortype', 'x-amz-request-id', 'x-amzn-query-error', 'date'].join(', ');

/** http(s)://localhost, 127.x.x.x or [::1], any port: pages served from this machine. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const { protocol, hostname } = new URL(origin);
    return (protocol === 'http:' || protocol === 'https:') && (hostname === 'localhost' || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]');
  } catch {
    return false;
  }
}

/**
 * CORS for browser callers. A web origin the host does not allow gets no allow-origin header, so
 * the browser keeps the answer from it (the emulator hands out codes, tokens and root access).
 */
export function corsHeaders(request: WireRequest, allowOrigin: (origin: string) => boolean = () => true): Record<string, string> {
  const requested = request.headers.get('access-control-request-headers');
  const origin = request.headers.get('origin');
  if (origin !== null && !allowOrigin(origin)) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': requested ? `${CORS_ALLOW_HEADERS}, ${requested}` : CORS_ALLOW_HEADERS,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    'access-control-max-age': '86400',
    vary: 'Origin',
  };
}

export function withHeaders(response: WireResponse, headers: Record<string, string>): WireResponse {
  return { ...response, headers: { ...response.headers, ...headers } };
}

export function plainJson(body: unknown, status = 200, headers: Record<string, string> = {}): WireResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function requestId(): string {
  return globalThis.crypto.randomUUID();
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
