// The package exports these at run time (lib/index.js) but leaves them out of its typings. The
// SRP tests use them as an independent implementation of Cognito's client-side SRP math.
import 'amazon-cognito-identity-js';

declare module 'amazon-cognito-identity-js' {
  export const AuthenticationHelper: unknown;
  export const DateHelper: unknown;
}
