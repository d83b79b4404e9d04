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
  /** Signed Cognito Identity calls (DescribeIdentityPool, GetIdentityPoolRoles) for the configuration review. */
  identity: CognitoIdentityClient;
}

/**
 * One attempt per request: retrying is owned by TanStack Query (screens) and the rate limiter
 * (bulk runs), so throttling is neither hidden nor multiplied by the SDK's own retries.
 */
export function createAdminClients(config: AppConfig, credentials: CredentialsProvider): AdminClients {
  // Our provider caches and renews on its own; `memoized` stops the SDK keeping a second copy that
  // a forced refresh could not replace.
  const provider = Object.assign((options?: { forceRefresh?: boolean }) => credentials(options), { memoized: true });
  const idp = new CognitoIdentityProviderClient({ region: config.region, credentials: provider, maxAttempts: 1, ...endpointOf(config) });
  const ses = new SESClient({ region: config.sesRegion, credentials: provider, maxAttempts: 1, ...endpointOf(config) });
  const identity = new CognitoIdentityClient({ region: identityPoolRegion(config.identityPoolId), credentials: provider, maxAttempts: 1, ...endpointOf(config) });
  idp.middlewareStack.add(renewExpiredCredentials(credentials), RENEW_STEP);
  ses.middlewareStack.add(renewExpiredCredentials(credentials), RENEW_STEP);
  identity.middlewareStack.add(renewExpiredCredentials(credentials), RENEW_STEP);
  return { idp, ses, identity };
}

const RENEW_STEP = { step: 'initialize', name: 'poolkeeperRenewExpiredCredentials' } as const;
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken']);

/**
 * AWS can call credentials expired that this browser still thinks valid (clock skew, a laptop
 * waking from sleep, a moved emulator clock). Then fetch new ones and send the request once more:
 * an operator mid-task sees nothing, and a second refusal reaches the screen as usual.
 */
function renewExpiredCredentials(credentials: CredentialsProvider) {
  return <Args, Output>(next: (args: Args) => Promise<Output>) =>
    async (args: Args): Promise<Output> => {
      try {
        return await next(args);
      } catch (error) {
        if (!EXPIRED.has((error as { name?: string } | null)?.name ?? '')) throw error;
        await credentials({ forceRefresh: true });
        return next(args);
      }
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
