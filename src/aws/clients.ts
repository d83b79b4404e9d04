import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { AppConfig } from '@/config/app-config';
import { AppError } from './errors';

/**
 * The one client needed before sign-in (InitiateAuth, RespondToAuthChallenge, GlobalSignOut …).
 * Everything signed lives in admin-clients.ts, loaded with the signed-in area, so the sign-in page
 * does not carry the SES and Cognito Identity clients.
 */
export interface PublicClients {
  idp: CognitoIdentityProviderClient;
}

export const endpointOf = (config: Pick<AppConfig, 'endpoint'>) => (config.endpoint ? { endpoint: config.endpoint } : {});

// End-user operations are unsigned in the AWS model; if the SDK ever asked for credentials it
// would otherwise walk the default chain (env vars, ~/.aws) — never what a browser app wants.
export const noCredentials = async () => {
  throw new AppError('MissingCredentials', 'This request needs AWS credentials, which only exist after signing in. Sign in first.');
};

export function createPublicClients(config: AppConfig): PublicClients {
  return {
    idp: new CognitoIdentityProviderClient({ region: config.region, credentials: noCredentials, ...endpointOf(config) }),
  };
}
