import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  type CognitoIdentityClient,
} from '@aws-sdk/client-cognito-identity';
import { AppError, toAppError } from './errors';

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** The shape the SDK clients accept as `credentials`. */
export type CredentialsProvider = (options?: { forceRefresh?: boolean }) => Promise<TemporaryCredentials>;

export interface IdentityPoolCredentialsOptions {
  identity: CognitoIdentityClient;
  identityPoolId: string;
  /** Region of the user pool: the Logins key names the user pool, not the identity pool. */
  userPoolRegion: string;
  userPoolId: string;
  /** A currently valid ID token (the session refreshes it when needed). */
  getIdToken: () => Promise<string>;
  now?: () => number;
}

/**
 * Same window as the SDK's own memoisation (5 minutes): whenever the SDK decides credentials are
 * about to expire and asks again, this provider really fetches new ones.
 */
export const CREDENTIALS_REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Exchanges the operator's ID token at the identity pool for temporary AWS credentials
 * (GetId + GetCredentialsForIdentity) and renews them before they expire. Concurrent callers
 * share one request.
 */
export function identityPoolCredentials(options: IdentityPoolCredentialsOptions): CredentialsProvider {
  const now = options.now ?? Date.now;
  const loginKey = `cognito-idp.${options.userPoolRegion}.amazonaws.com/${options.userPoolId}`;
  let identityId: string | undefined;
  let cached: TemporaryCredentials | undefined;
  let pending: Promise<TemporaryCredentials> | undefined;

  const fetchCredentials = async (): Promise<TemporaryCredentials> => {
    const idToken = await options.getIdToken();
    const logins = { [loginKey]: idToken };
    for (let attempt = 0; ; attempt++) {
      try {
        if (!identityId) {
          const out = await options.identity.send(new GetIdCommand({ IdentityPoolId: options.identityPoolId, Logins: logins }));
          if (!out.IdentityId) throw new AppError('InvalidIdentityResponse', 'The identity pool answered without an identity id. Try again.', { retryable: true });
          identityId = out.IdentityId;
        }
        const out = await options.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }));
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || !c.Expiration) {
          throw new AppError('InvalidIdentityResponse', 'The identity pool answered without complete credentials. Try again.', { retryable: true });
        }
        return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken, expiration: c.Expiration };
      } catch (error) {
        const appError = toAppError(error);
        // An identity deleted from the pool (or from a reset emulator) is found again with GetId.
        if (appError.code === 'ResourceNotFoundException' && identityId && attempt === 0) {
          identityId = undefined;
          continue;
        }
        throw appError;
      }
    }
  };

  return async ({ forceRefresh = false } = {}) => {
    if (!forceRefresh && cached && cached.expiration.getTime() - now() > CREDENTIALS_REFRESH_MARGIN_MS) return cached;
    pending ??= fetchCredentials().then(
      (credentials) => {
        cached = credentials;
        pending = undefined;
        return credentials;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}
