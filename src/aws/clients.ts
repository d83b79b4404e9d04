import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESClient } from '@aws-sdk/client-ses';
import type { AppConfig } from '@/config/app-config';
import { identityPoolRegion } from '@/config/config-schema';
import { AppError } from './errors';
import type { CredentialsProvider } from './identity-credentials';

/** Clients for the calls an operator makes before having AWS credentials (sign-in, GetId …). */
export interface PublicClients {
  idp: CognitoIdentityProviderClient;
  identity: CognitoIdentityClient;
}

/** Clients whose every request is SigV4-signed with the operator's identity-pool credentials. */
export interface AdminClients {
  idp: CognitoIdentityProviderClient;
  ses: SESClient;
}

const endpointOf = (config: AppConfig) => (config.endpoint ? { endpoint: config.endpoint } : {});

// End-user operations are unsigned in the AWS model; if the SDK ever asked for credentials it
// would otherwise walk the default chain (env vars, ~/.aws) — never what a browser app wants.
const noCredentials = async () => {
  throw new AppError('MissingCredentials', 'This request needs AWS credentials, which only exist after signing in. Sign in first.');
};

export function createPublicClients(config: AppConfig): PublicClients {
  return {
    idp: new CognitoIdentityProviderClient({ region: config.region, credentials: noCredentials, ...endpointOf(config) }),
    identity: new CognitoIdentityClient({ region: identityPoolRegion(config.identityPoolId), credentials: noCredentials, ...endpointOf(config) }),
  };
}

/**
 * One attempt per request: retrying is owned by TanStack Query (screens) and the rate limiter
 * (bulk runs), so throttling is neither hidden nor multiplied by the SDK's own retries.
 */
export function createAdminClients(config: AppConfig, credentials: CredentialsProvider): AdminClients {
  return {
    idp: new CognitoIdentityProviderClient({ region: config.region, credentials, maxAttempts: 1, ...endpointOf(config) }),
    ses: new SESClient({ region: config.sesRegion, credentials, maxAttempts: 1, ...endpointOf(config) }),
  };
}
