import { CognitoIdentityClient, CreateIdentityPoolCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { Amplify } from 'aws-amplify';
import { confirmSignUp, fetchAuthSession, signIn, signOut, signUp } from 'aws-amplify/auth';
import { ConsoleLogger } from 'aws-amplify/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type OutboxMessage } from '@poolkeeper/cognito-emulator';
import { startEmulatorServer, type EmulatorServer } from '@poolkeeper/cognito-emulator/server';
import { FixedClock } from '../support/fixed-clock';
import { ROOT } from '../support/targets';

/**
 * Amplify JS v6 — a client we did not write, and the library of the app Poolkeeper grew from —
 * against the standalone emulator exactly as an app would use it: its own fetch calls to the
 * configured endpoints, its own SRP, and its own identity-pool Logins key (the issuer without its
 * scheme, which against the emulator is 127.0.0.1:<port>/<poolId>).
 */
const ROLE_ARN = `arn:aws:iam::${DEMO.accountId}:role/AmplifyAppUser`;

describe('Amplify JS v6 against the standalone emulator', () => {
  let server: EmulatorServer;
  let identityPoolId: string;

  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, seed: 'demo', users: 0, quotas: false, clock: new FixedClock(Date.now()) });
    // An identity pool of the app's own: every signed-in user of the test client gets a role that may do nothing.
    server.emulator.iam.putRole({ arn: ROLE_ARN, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['cognito-sync:*'], Resource: '*' }] } });
    const identity = new CognitoIdentityClient({ region: DEMO.region, endpoint: server.url, credentials: ROOT });
    const created = await identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'amplify app',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: DEMO.identityProvider, ClientId: DEMO.testClientId }],
      }),
    );
    identityPoolId = created.IdentityPoolId!;
    await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId, Roles: { authenticated: ROLE_ARN } }));
    // Amplify warns (console.warn) that a custom endpoint is in use, which is the point here; errors still show.
    ConsoleLogger.LOG_LEVEL = 'ERROR';
    Amplify.configure({
      Auth: {
        Cognito: {
          userPoolId: DEMO.userPoolId,
          userPoolClientId: DEMO.testClientId,
          identityPoolId,
          userPoolEndpoint: server.url,
          identityPoolEndpoint: server.url,
          loginWith: { email: true },
          signUpVerificationMethod: 'code',
        },
      },
    });
  });

  afterAll(async () => {
    ConsoleLogger.LOG_LEVEL = null;
    await server?.close();
  });

  it('signs up, confirms with the emailed code, signs in with SRP and gets identity-pool credentials', async () => {
    const email = 'amplify.user@example.com';
    const password = 'Amplify-Passw0rd!';
    const signedUp = await signUp({ username: email, password, options: { userAttributes: { email } } });
    expect(signedUp.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');

    const messages = (await (await fetch(`${server.url}/_emulator/messages?to=${encodeURIComponent(email)}`)).json()) as OutboxMessage[];
    const code = messages.at(-1)?.code;
    expect(code).toMatch(/^\d{6}$/);
    const confirmed = await confirmSignUp({ username: email, confirmationCode: code! });
    expect(confirmed.isSignUpComplete).toBe(true);

    const signedIn = await signIn({ username: email, password, options: { authFlowType: 'USER_SRP_AUTH' } });
    expect(signedIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

    const session = await fetchAuthSession();
    expect(session.tokens?.idToken?.payload.email).toBe(email);
    expect(session.tokens?.idToken?.payload.iss).toBe(`${server.url}/${DEMO.userPoolId}`);
    expect(session.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(session.credentials?.sessionToken).toBeTruthy();
    const principal = server.emulator.iam.lookup(session.credentials!.accessKeyId)?.principal;
    expect(principal).toMatchObject({ kind: 'role', roleArn: ROLE_ARN, identityId: session.identityId });
    // The identity is recorded under the provider's canonical name, whatever key Amplify used.
    const identities = (server.emulator.identity.toJSON() as { identities: { identityId: string; logins: Record<string, string> }[] }).identities;
    expect(identities.find((i) => i.identityId === session.identityId)?.logins).toEqual({ [DEMO.identityProvider]: session.tokens!.idToken!.payload.sub });
    await signOut();
  });
});
