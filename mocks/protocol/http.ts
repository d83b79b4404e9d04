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

export function corsHeaders(request: Request): Record<string, string> {
  const requested = request.headers.get('access-control-request-headers');
  return {
    'access-control-allow-origin': request.headers.get('origin') ?? '*',
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
