import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { NonRetryableFetchError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { AppConfig } from '@/config/app-config';
import { AppError, toAppError } from './errors';

/** What the dashboard reads from a verified ID token. */
export interface IdTokenClaims {
  sub: string;
  username: string;
  email?: string;
  groups: string[];
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

export interface IdTokenVerifier {
  /** Checks signature (JWKS), issuer, audience (the app client), token_use and expiry; throws AppError. */
  verify(idToken: string): Promise<IdTokenClaims>;
}

/** Where a pool's tokens come from: AWS's issuer, or `${endpoint}/${poolId}` for a custom endpoint (the standalone emulator issues that). */
export function issuerOf(config: Pick<AppConfig, 'region' | 'userPoolId' | 'endpoint'>): string {
  return config.endpoint ? `${config.endpoint}/${config.userPoolId}` : `https://cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
}

/**
 * JWKS over the platform's fetch in every runtime: the library's Node fetcher only speaks https
 * (the standalone emulator is http) and bypasses what tests intercept; in browsers it is fetch anyway.
 */
export const jwksFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new NonRetryableFetchError(uri, `the server answered HTTP ${response.status}`);
    return response.arrayBuffer();
  },
};

export function createIdTokenVerifier(config: Pick<AppConfig, 'region' | 'userPoolId' | 'clientId' | 'endpoint'>): IdTokenVerifier {
  const verifyRaw: (token: string) => Promise<Record<string, unknown>> = config.endpoint
    ? (() => {
        const issuer = issuerOf(config);
        const verifier = JwtVerifier.create(
          {
            issuer,
            audience: config.clientId,
            jwksUri: `${issuer}/.well-known/jwks.json`,
            customJwtCheck: ({ payload }) => {
              if (payload.token_use !== 'id') throw new AppError('InvalidToken', 'The sign-in token is not an ID token. Sign in again.', { reauthenticate: true });
            },
          },
          { jwksCache: new SimpleJwksCache({ fetcher: jwksFetcher }) },
        );
        return (token) => verifier.verify(token) as Promise<Record<string, unknown>>;
      })()
    : (() => {
        const verifier = CognitoJwtVerifier.create(
          { userPoolId: config.userPoolId, tokenUse: 'id', clientId: config.clientId },
          { jwksCache: new SimpleJwksCache({ fetcher: jwksFetcher }) },
        );
        return (token) => verifier.verify(token) as Promise<Record<string, unknown>>;
      })();

  return {
    async verify(idToken) {
      let claims: Record<string, unknown>;
      try {
        claims = await verifyRaw(idToken);
      } catch (error) {
        throw toAppError(error);
      }
      return toClaims(claims);
    },
  };
}

function toClaims(claims: Record<string, unknown>): IdTokenClaims {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  const username = typeof claims['cognito:username'] === 'string' ? claims['cognito:username'] : sub;
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].filter((g): g is string => typeof g === 'string') : [];
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  const result: IdTokenClaims = { sub, username, groups, expiresAt: exp * 1000 };
  if (typeof claims.email === 'string') result.email = claims.email;
  return result;
}
