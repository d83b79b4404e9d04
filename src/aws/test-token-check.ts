import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { AppConfig } from '@/config/app-config';
import { AppError, toAppError } from './errors';
import { issuerOf, jwksFetcher } from './token-verifier';

export interface TokenCheck {
  /** where the keys came from */
  jwksUri: string;
  /** checks signature (the pool's JWKS), issuer, expiry, token_use and the client (aud / client_id); throws AppError */
  verify(token: string, use: 'id' | 'access'): Promise<void>;
}

/**
 * Verifies a test user's tokens with the library the dashboard's own sign-in uses (aws-jwt-verify)
 * against the pool's published keys, for any app client of the pool. Errors keep the library's
 * words in `detail` (e.g. "Token expired at …").
 */
export function createTokenCheck(config: Pick<AppConfig, 'region' | 'userPoolId' | 'endpoint'>, clientId: string): TokenCheck {
  const issuer = issuerOf(config);
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  const verifier = JwtVerifier.create({ issuer, audience: null, jwksUri }, { jwksCache: new SimpleJwksCache({ fetcher: jwksFetcher }) });
  return {
    jwksUri,
    async verify(token, use) {
      try {
        const payload = (await verifier.verify(token)) as Record<string, unknown>;
        if (payload.token_use !== use) throw new AppError('InvalidToken', `This is not an ${use === 'id' ? 'ID' : 'access'} token (token_use is ${String(payload.token_use)}).`);
        const client = use === 'id' ? payload.aud : payload.client_id;
        if (client !== clientId) {
          throw new AppError('InvalidToken', `The token was issued to app client ${String(client)}, not ${clientId}.`);
        }
      } catch (error) {
        const appError = toAppError(error);
        throw new AppError(appError.code, appError.detail ? `The signature or claims did not verify: ${appError.detail}` : appError.message, { cause: error });
      }
    },
  };
}
