import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESClient } from '@aws-sdk/client-ses';
import type { AppConfig } from '@/config/app-config';
import { identityPoolRegion } from '@/config/config-schema';
import { endpointOf, noCredentials } from './clients';
import { identityPoolCredentials, type CredentialsProvider } from './identity-credentials';

/** Clients whose every request is SigV4-signed with the operator's identity-pool credentials. */
export interface AdminClients {
  idp: CognitoIdentityProviderClient;
  ses: SESClient;
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

/** GetId / GetCredentialsForIdentity are unsigned; the identity pool's own Region may differ from the user pool's. */
export function createIdentityClient(config: AppConfig): CognitoIdentityClient {
  return new CognitoIdentityClient({ region: identityPoolRegion(config.identityPoolId), credentials: noCredentials, ...endpointOf(config) });
}

/** The operator's signed clients: ID token → identity pool → temporary credentials, renewed before expiry. */
export function createOperatorClients(config: AppConfig, getIdToken: () => Promise<string>): AdminClients {
  const credentials = identityPoolCredentials({
    identity: createIdentityClient(config),
    identityPoolId: config.identityPoolId,
    userPoolRegion: config.region,
    userPoolId: config.userPoolId,
    getIdToken,
  });
  return createAdminClients(config, credentials);
}
