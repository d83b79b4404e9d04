/**
 * Step 7: call an API the way the app does — `Authorization: Bearer <token>` with fetch — and
 * explain what came back, including the failure a browser reports when the API's answer lacks
 * CORS headers (API Gateway's own 401/403 answers have none unless its gateway responses add them).
 */
import type { ApiResult, StepError } from './state';

export type UrlCheck = { ok: true; url: URL } | { ok: false; error: StepError };

/** Only http(s) URLs are sent: anything else (javascript:, file:, data:) is refused before any request. */
export function checkApiUrl(text: string): UrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: { code: 'InvalidUrl', message: 'Enter the URL of the API method to call, such as https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/hello.' } };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: { code: 'InvalidUrl', message: `"${trimmed}" is not a URL. Enter a full address starting with https:// (or http:// for a local API).` } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      error: { code: 'InvalidUrl', message: `Only http:// and https:// URLs are called; "${url.protocol}" was refused before anything was sent. Enter the API's https:// address.` },
    };
  }
  return { ok: true, url };
}

export interface ApiRequest {
  url: URL;
  method: 'GET' | 'POST';
  /** the raw JWT to send as Bearer, or undefined to send no Authorization header */
  token?: string;
  tokenKind: ApiResult['sentAuthorization'];
  body: string;
}

/** The request as the app would write it, with the token cut short (the screen shows this). */
export function describeRequest(request: ApiRequest): string {
  const lines = [`fetch('${request.url.href}', {`, `  method: '${request.method}',`, '  headers: {'];
  if (request.token) lines.push(`    Authorization: 'Bearer ${request.token.slice(0, 12)}…',  // the ${request.tokenKind === 'id' ? 'ID' : 'access'} token`);
  if (request.method === 'POST') lines.push("    'Content-Type': 'application/json',");
  lines.push('  },');
  if (request.method === 'POST' && request.body !== '') lines.push(`  body: ${JSON.stringify(request.body)},`);
  lines.push('})');
  return lines.join('\n');
}

const CORS_OR_NETWORK = (origin: string, url: URL): StepError => ({
  code: 'TypeError: Failed to fetch',
  message:
    `The browser did not let this page read the answer from ${url.origin}. Usually the API answered without CORS headers for ${origin}: ` +
    'API Gateway\'s own error answers (401 Unauthorized, 403 Missing Authentication Token) carry none unless you add ' +
    'Access-Control-Allow-Origin to its DEFAULT_4XX / UNAUTHORIZED gateway responses, and the method needs CORS (an OPTIONS answer) too. ' +
    'It can also be a wrong hostname or no network. Open the browser\'s console for the exact reason, or try the call with curl.',
});

export async function callApi(request: ApiRequest, options: { fetch?: typeof fetch; now?: () => number; origin?: string } = {}): Promise<ApiResult> {
  const fetchFn = options.fetch ?? fetch;
  const now = options.now ?? (() => performance.now());
  const headers: Record<string, string> = {};
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.method === 'POST') headers['content-type'] = 'application/json';
  const started = now();
  let response: Response;
  try {
    response = await fetchFn(request.url.href, {
      method: request.method,
      headers,
      ...(request.method === 'POST' ? { body: request.body } : {}),
      // The token goes only where the operator pointed it; no cookies of this origin ride along.
      credentials: 'omit',
      redirect: 'manual',
    });
  } catch (error) {
    if (error instanceof TypeError) throw CORS_OR_NETWORK(options.origin ?? globalThis.location?.origin ?? 'this page', request.url);
    throw { code: 'NetworkError', message: `The request could not be sent: ${error instanceof Error ? error.message : String(error)}.` } satisfies StepError;
  }
  const body = await response.text();
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body,
    durationMs: now() - started,
    sentAuthorization: request.token ? request.tokenKind : 'none',
  };
}

/** A sentence on what an answer means for a Cognito-protected API Gateway method. */
export function explainStatus(result: ApiResult): string {
  const body = result.body;
  if (result.status >= 200 && result.status < 300) return 'The API accepted the token. The body is what the backend returned.';
  if (result.status === 401 && /incoming token has expired/i.test(body)) return 'The token has expired. Refresh the tokens (step 5) and call again.';
  if (result.status === 401) {
    return result.sentAuthorization === 'none'
      ? 'No token was sent, so the authorizer refused the call, as it should.'
      : result.sentAuthorization === 'access'
        ? 'Refused. A Cognito authorizer on a method without OAuth scopes accepts only ID tokens; send the ID token, or add scopes to the method to use access tokens.'
        : 'Refused: the authorizer did not accept the token (another pool, a bad signature or a malformed header).';
  }
  if (result.status === 403 && /missing authentication token/i.test(body)) {
    return 'API Gateway has no such resource or method: check the path (including the stage) and the method. Despite its words, this is a routing error, not a token problem.';
  }
  if (result.status === 403) return 'Forbidden: the token was accepted but the method refused this user (scopes, a resource policy or the backend).';
  if (result.status === 0 || result.status >= 300 && result.status < 400) return 'The API answered with a redirect, which is not followed: tokens must not travel to a second address.';
  return 'The API answered with an error; the body says more.';
}
