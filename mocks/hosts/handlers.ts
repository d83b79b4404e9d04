import { http, type HttpHandler } from 'msw';
import { createRouter, type RoutableEmulator, type RouterOptions } from '../protocol/router';

/** The AWS hostnames the emulator answers for (any Region). */
export const AWS_HOST_PATTERNS = [
  'https://cognito-idp.:region.amazonaws.com/*',
  'https://cognito-identity.:region.amazonaws.com/*',
  'https://email.:region.amazonaws.com/*',
  'https://iam.amazonaws.com/*',
  'https://sts.amazonaws.com/*',
  'https://sts.:region.amazonaws.com/*',
  // Emulated REST APIs (mocks/model/apigateway.ts); other APIs get API Gateway's 403, as AWS answers an unknown API.
  'https://:api.execute-api.:region.amazonaws.com/*',
] as const;

/**
 * msw handlers that send every request for Cognito, Cognito Identity, SES, IAM and STS to the emulator.
 * Shared by the browser worker and the Node server; add failure cases per test with `server.use()`.
 */
export function handlers(emulator: RoutableEmulator, options: RouterOptions = {}): HttpHandler[] {
  const route = createRouter(emulator, options);
  return AWS_HOST_PATTERNS.map((pattern) => http.all(pattern, ({ request }) => route(request)));
}
