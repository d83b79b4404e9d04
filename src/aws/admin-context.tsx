import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { SESClient } from '@aws-sdk/client-ses';
import { createContext, use, type ReactNode } from 'react';

export interface Operator {
  username: string;
  sub: string;
  email?: string;
  groups: string[];
}

/**
 * What every signed-in screen needs to call AWS as the operator. The clients sign each request
 * with identity-pool credentials that refresh themselves; IAM, not this object, is the boundary.
 */
export interface AdminContextValue {
  /** SigV4-signed with identity-pool credentials (refreshing). */
  idp: CognitoIdentityProviderClient;
  /** SES in the configured SES Region, signed the same way. */
  ses: SESClient;
  region: string;
  /** The Region the `ses` client talks to (config `sesRegion`, default the pool's). */
  sesRegion: string;
  userPoolId: string;
  /** Signed Cognito Identity client and the configured identity pool (the configuration review reads it). */
  identity?: CognitoIdentityClient;
  identityPoolId?: string;
  adminGroup: string;
  /** The dashboard's own app client (for end-user operations addressed to a client, e.g. ResendConfirmationCode). */
  clientId: string;
  operator: Operator;
}

const AdminContext = createContext<AdminContextValue | null>(null);

export function AdminContextProvider({ value, children }: { value: AdminContextValue; children: ReactNode }) {
  return <AdminContext value={value}>{children}</AdminContext>;
}

/** Only inside the signed-in area (the app's layout provides it once the operator is an admin). */
export function useAdminContext(): AdminContextValue {
  const value = use(AdminContext);
  if (!value) throw new Error('useAdminContext is only available inside the signed-in area of the app');
  return value;
}
