import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESClient } from '@aws-sdk/client-ses';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { DEMO } from '@poolkeeper/cognito-emulator';
import type { Credentials, EmulatorTarget } from './targets';

/** The three real SDK clients pointed at a target (no retries, so errors surface as they are). */
export function sdkClients(target: EmulatorTarget, credentials?: Credentials) {
  const config = target.clientConfig(credentials);
  return {
    idp: new CognitoIdentityProviderClient(config),
    identity: new CognitoIdentityClient(config),
    ses: new SESClient(config),
  };
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * USER_SRP_AUTH with amazon-cognito-identity-js — an SRP client written independently of ours, so
 * the emulator's SRP server cannot agree with us on a shared bug.
 */
export function srpSignIn(
  target: EmulatorTarget,
  p: { username: string; password: string; clientId?: string; poolId?: string; newPassword?: string },
): Promise<Tokens> {
  const pool = new CognitoUserPool({
    UserPoolId: p.poolId ?? DEMO.userPoolId,
    ClientId: p.clientId ?? DEMO.adminClientId,
    ...(target.endpoint ? { endpoint: `${target.endpoint}/` } : {}),
  });
  const user = new CognitoUser({ Username: p.username, Pool: pool });
  user.setAuthenticationFlowType('USER_SRP_AUTH');
  return new Promise((resolve, reject) => {
    const done = (session: CognitoUserSession) =>
      resolve({
        idToken: session.getIdToken().getJwtToken(),
        accessToken: session.getAccessToken().getJwtToken(),
        refreshToken: session.getRefreshToken().getToken(),
      });
    user.authenticateUser(new AuthenticationDetails({ Username: p.username, Password: p.password }), {
      onSuccess: done,
      onFailure: reject,
      newPasswordRequired: () => {
        if (!p.newPassword) reject(new Error('NEW_PASSWORD_REQUIRED'));
        else user.completeNewPasswordChallenge(p.newPassword, {}, { onSuccess: done, onFailure: reject });
      },
      mfaRequired: () => reject(new Error('SMS_MFA')),
      totpRequired: () => reject(new Error('SOFTWARE_TOKEN_MFA')),
    });
  });
}

/** ID token → identity-pool credentials, the way the dashboard gets its admin credentials. */
export async function identityCredentials(
  target: EmulatorTarget,
  idToken: string,
  identityPoolId: string = DEMO.identityPoolId,
  provider: string = DEMO.identityProvider,
): Promise<Credentials & { identityId: string; expiration?: Date }> {
  const client = new CognitoIdentityClient(target.clientConfig());
  const Logins = { [provider]: idToken };
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins }));
  const { Credentials } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  return {
    identityId: IdentityId!,
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretKey!,
    sessionToken: Credentials!.SessionToken!,
    expiration: Credentials!.Expiration,
  };
}

/** The demo operator's admin credentials (SRP sign-in → identity pool). */
export async function operatorCredentials(target: EmulatorTarget): Promise<Credentials & { identityId: string }> {
  const tokens = await srpSignIn(target, { username: DEMO.operator.email, password: DEMO.operator.password });
  return identityCredentials(target, tokens.idToken);
}

/** Raw awsJson1_1 POST, for wire checks the SDK would hide (headers, bodies). */
export function rawJson(target: EmulatorTarget, service: 'cognito-idp' | 'cognito-identity', amzTarget: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${target.url(service)}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': amzTarget, ...headers },
    body,
  });
}
