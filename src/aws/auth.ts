/**
 * The operator's sign-in against the user pool, step by step, as Cognito drives it:
 * USER_SRP_AUTH → PASSWORD_VERIFIER (the password never leaves the browser) → possibly
 * NEW_PASSWORD_REQUIRED, SOFTWARE_TOKEN_MFA or MFA_SETUP → tokens. Every function throws AppError.
 */
import {
  AssociateSoftwareTokenCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
  type ChallengeNameType,
  type CognitoIdentityProviderClient,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { AppError, toAppError } from './errors';
import { answerPasswordVerifier, startSrp } from './srp-client';

export interface AuthClient {
  idp: CognitoIdentityProviderClient;
  clientId: string;
  userPoolId: string;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/** Attributes Cognito reports in NEW_PASSWORD_REQUIRED but does not accept back. */
const READ_ONLY_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified', 'sub']);

export type SignInStep =
  | { kind: 'signed-in'; tokens: Tokens }
  | {
      kind: 'new-password';
      session: string;
      username: string;
      /** Attribute names (without the `userAttributes.` prefix) the user must supply now. */
      requiredAttributes: string[];
      userAttributes: Record<string, string>;
    }
  | { kind: 'totp'; session: string; username: string }
  | { kind: 'mfa-setup'; session: string; username: string };

export type ChallengeStep = Exclude<SignInStep, { kind: 'signed-in' }>;

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}

type AuthResponse = Pick<InitiateAuthCommandOutput, 'AuthenticationResult' | 'ChallengeName' | 'ChallengeParameters' | 'Session'>;

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Turns Cognito's answer into the next step; a challenge Poolkeeper cannot handle is said plainly. */
async function nextStep(client: AuthClient, response: AuthResponse, username: string, refreshToken?: string): Promise<SignInStep> {
  const result = response.AuthenticationResult;
  if (result?.IdToken && result.AccessToken) {
    const refresh = result.RefreshToken ?? refreshToken;
    if (!refresh) throw new AppError('InvalidAuthResponse', 'Cognito signed you in without a refresh token. Try again.');
    return { kind: 'signed-in', tokens: { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: refresh } };
  }
  const params = response.ChallengeParameters ?? {};
  const session = response.Session ?? '';
  const challengeUser = params.USERNAME ?? params.USER_ID_FOR_SRP ?? username;
  switch (response.ChallengeName) {
    case 'NEW_PASSWORD_REQUIRED': {
      const userAttributes = parseJson<Record<string, string>>(params.userAttributes, {});
      for (const name of Object.keys(userAttributes)) if (READ_ONLY_ATTRIBUTES.has(name)) delete userAttributes[name];
      const requiredAttributes = parseJson<string[]>(params.requiredAttributes, []).map((name) => name.replace(/^userAttributes\./, ''));
      return { kind: 'new-password', session, username: challengeUser, requiredAttributes, userAttributes };
    }
    case 'SOFTWARE_TOKEN_MFA':
      return { kind: 'totp', session, username: challengeUser };
    case 'SELECT_MFA_TYPE': {
      // The only second factor the dashboard offers is an authenticator app; choose it for the operator.
      const choices = parseJson<string[]>(params.MFAS_CAN_CHOOSE, []);
      if (!choices.includes('SOFTWARE_TOKEN_MFA')) break;
      const out = await call(() =>
        client.idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: client.clientId,
            ChallengeName: 'SELECT_MFA_TYPE',
            Session: session,
            ChallengeResponses: { USERNAME: challengeUser, ANSWER: 'SOFTWARE_TOKEN_MFA' },
          }),
        ),
      );
      return nextStep(client, out, challengeUser);
    }
    case 'MFA_SETUP': {
      const canSetUp = parseJson<string[]>(params.MFAS_CAN_SETUP, ['SOFTWARE_TOKEN_MFA']);
      if (!canSetUp.includes('SOFTWARE_TOKEN_MFA')) break;
      return { kind: 'mfa-setup', session, username: challengeUser };
    }
    default:
      break;
  }
  throw unsupportedChallenge(response.ChallengeName);
}

function unsupportedChallenge(name: ChallengeNameType | string | undefined): AppError {
  return new AppError(
    'UnsupportedChallenge',
    `Cognito asked for a sign-in step Poolkeeper does not support (${name ?? 'none'}). Sign in with an account that uses a password and, if MFA is on, an authenticator app.`,
  );
}

/** USER_SRP_AUTH: InitiateAuth with SRP_A, then PASSWORD_VERIFIER with the password claim. */
export async function signIn(client: AuthClient, input: { username: string; password: string }, now: () => Date = () => new Date()): Promise<SignInStep> {
  const { srpAHex, state } = startSrp();
  const started = await call(() =>
    client.idp.send(
      new InitiateAuthCommand({
        ClientId: client.clientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: input.username, SRP_A: srpAHex },
      }),
    ),
  );
  if (started.ChallengeName !== 'PASSWORD_VERIFIER') return nextStep(client, started, input.username);

  const params = started.ChallengeParameters ?? {};
  const { SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP } = params;
  if (!SALT || !SRP_B || !SECRET_BLOCK || !USER_ID_FOR_SRP) {
    throw new AppError('InvalidAuthResponse', 'Cognito\'s password challenge was incomplete. Try again.', { retryable: true });
  }
  let claim: Awaited<ReturnType<typeof answerPasswordVerifier>>;
  try {
    claim = await answerPasswordVerifier({
      state,
      poolName: client.userPoolId,
      userIdForSrp: USER_ID_FOR_SRP,
      password: input.password,
      saltHex: SALT,
      srpBHex: SRP_B,
      secretBlock: SECRET_BLOCK,
      now: now(),
    });
  } catch (error) {
    throw new AppError('SrpError', 'The secure password exchange with Cognito failed. Try again.', { cause: error, retryable: true });
  }
  const verified = await call(() =>
    client.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: client.clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ...(started.Session ? { Session: started.Session } : {}),
        ChallengeResponses: { USERNAME: USER_ID_FOR_SRP, ...claim },
      }),
    ),
  );
  return nextStep(client, verified, params.USERNAME ?? USER_ID_FOR_SRP);
}

/** NEW_PASSWORD_REQUIRED: the new password plus any attribute the pool requires and the user lacks. */
export async function completeNewPassword(
  client: AuthClient,
  step: Extract<SignInStep, { kind: 'new-password' }>,
  input: { newPassword: string; attributes?: Record<string, string> },
): Promise<SignInStep> {
  const attributeResponses = Object.fromEntries(
    Object.entries(input.attributes ?? {}).map(([name, value]) => [`userAttributes.${name}`, value]),
  );
  const out = await call(() =>
    client.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: client.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: step.session,
        ChallengeResponses: { USERNAME: step.username, NEW_PASSWORD: input.newPassword, ...attributeResponses },
      }),
    ),
  );
  return nextStep(client, out, step.username);
}

/** SOFTWARE_TOKEN_MFA: the current code from the operator's authenticator app. */
export async function answerTotp(client: AuthClient, step: Extract<SignInStep, { kind: 'totp' }>, code: string): Promise<SignInStep> {
  const out = await call(() =>
    client.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: client.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: step.session,
        ChallengeResponses: { USERNAME: step.username, SOFTWARE_TOKEN_MFA_CODE: code },
      }),
    ),
  );
  return nextStep(client, out, step.username);
}

export interface TotpEnrolment {
  /** Base32 secret to type into an authenticator app. */
  secretCode: string;
  /** For QR codes and apps that open links: otpauth://totp/… */
  otpauthUri: string;
  /** The session to continue with (AssociateSoftwareToken hands out a new one). */
  session: string;
}

export function otpauthUri(secret: string, account: string, issuer = 'Poolkeeper'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

/** MFA_SETUP, first half: a new TOTP secret for this user. */
export async function beginTotpSetup(client: AuthClient, step: Extract<SignInStep, { kind: 'mfa-setup' }>, account: string): Promise<TotpEnrolment> {
  const out = await call(() => client.idp.send(new AssociateSoftwareTokenCommand({ Session: step.session })));
  if (!out.SecretCode) throw new AppError('InvalidAuthResponse', 'Cognito did not return an authenticator secret. Start signing in again.');
  return { secretCode: out.SecretCode, otpauthUri: otpauthUri(out.SecretCode, account), session: out.Session ?? step.session };
}

/** MFA_SETUP, second half: prove the app works (VerifySoftwareToken), then finish the challenge. */
export async function completeTotpSetup(
  client: AuthClient,
  step: Extract<SignInStep, { kind: 'mfa-setup' }>,
  enrolment: TotpEnrolment,
  code: string,
): Promise<SignInStep> {
  const verified = await call(() =>
    client.idp.send(new VerifySoftwareTokenCommand({ Session: enrolment.session, UserCode: code, FriendlyDeviceName: 'Poolkeeper' })),
  );
  if (verified.Status !== 'SUCCESS') {
    throw new AppError('EnableSoftwareTokenMFAException', 'The code did not match your authenticator app. Enter the current code and try again.');
  }
  const out = await call(() =>
    client.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: client.clientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session ?? enrolment.session,
        ChallengeResponses: { USERNAME: step.username },
      }),
    ),
  );
  return nextStep(client, out, step.username);
}

/** REFRESH_TOKEN_AUTH: new ID and access tokens; the refresh token stays unless Cognito rotates it. */
export async function refreshTokens(client: AuthClient, refreshToken: string): Promise<Tokens> {
  const out = await call(() =>
    client.idp.send(
      new InitiateAuthCommand({ ClientId: client.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    ),
  );
  const step = await nextStep(client, out, '', refreshToken);
  if (step.kind !== 'signed-in') throw unsupportedChallenge(out.ChallengeName);
  return step.tokens;
}

/** Revokes every token of the operator (all devices), as Cognito's GlobalSignOut does. */
export async function globalSignOut(client: AuthClient, accessToken: string): Promise<void> {
  await call(() => client.idp.send(new GlobalSignOutCommand({ AccessToken: accessToken })));
}
