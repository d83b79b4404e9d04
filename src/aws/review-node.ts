/**
 * The review's AWS clients for Node (the `npm run review` CLI): credentials from the standard
 * chain (environment, shared config and profiles, SSO, web identity, container and instance
 * metadata) through @aws-sdk/credential-providers. Never imported by the browser app.
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESClient } from '@aws-sdk/client-ses';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { ReviewSources } from './review-gather';

export interface NodeReviewOptions {
  region: string;
  userPoolId: string;
  identityPoolId?: string;
  endpoint?: string;
  profile?: string;
}

export function nodeReviewSources(options: NodeReviewOptions): ReviewSources {
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  // Retries belong to the review's rate limiter, which paces and backs off per quota category.
  const base = { credentials, maxAttempts: 1, ...(options.endpoint ? { endpoint: options.endpoint } : {}) };
  const identityRegion = options.identityPoolId?.split(':')[0] || options.region;
  const sesClients = new Map<string, SESClient>();
  return {
    idp: new CognitoIdentityProviderClient({ ...base, region: options.region }),
    region: options.region,
    userPoolId: options.userPoolId,
    ...(options.identityPoolId ? { identityPoolId: options.identityPoolId, identity: new CognitoIdentityClient({ ...base, region: identityRegion }) } : {}),
    ses: (region) => {
      let client = sesClients.get(region);
      if (!client) sesClients.set(region, (client = new SESClient({ ...base, region })));
      return client;
    },
  };
}
