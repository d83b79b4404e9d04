/** Fetch-API helpers shared by every protocol adapter (no Node or DOM-only APIs). */

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
export function corsHeaders(request: Request, allowOrigin: (origin: string) => boolean = () => true): Record<string, string> {
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

export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

export function plainJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function requestId(): string {
  return globalThis.crypto.randomUUID();
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
