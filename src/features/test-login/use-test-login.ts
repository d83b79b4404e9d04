/**
 * The panel's controller: the reducer's state plus one async action per thing a person can do.
 * Every action runs as one step (start → logged calls → done or error), one at a time, so the call
 * log of each step is exactly what that run sent. The test user's clients are the panel's own
 * (unsigned, created here); only the clean-up and reads about the pool use the operator's rights.
 */
import { useCallback, useLayoutEffect, useReducer, useRef } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import {
  answerTotp,
  beginTotpSetup,
  completeNewPassword,
  completeTotpSetup,
  globalSignOut,
  refreshTokens,
  signIn,
  type AuthClient,
  type SignInStep,
  type Tokens,
} from '@/aws/auth';
import { AppError } from '@/aws/errors';
import {
  confirmForgotPassword,
  confirmSignUp,
  createTestUserClients,
  describeAppClient,
  forgotPassword,
  getIdentityPoolRoles,
  getUser,
  identityPoolCredentials,
  listAppClients,
  operatorCall,
  resendConfirmationCode,
  signUp,
  type ApiCall,
  type TestUserClients,
} from '@/aws/test-login';
import { createTokenCheck } from '@/aws/test-token-check';
import { deleteUser } from '@/aws/user-actions';
import { describePoolSettings, getUserDetail } from '@/aws/user-detail';
import { useConfig } from '@/config/runtime-context';
import { callApi, checkApiUrl } from './model/api-call';
import { explainError, isSessionExpired } from './model/explain-error';
import { initialState, reducer, type StepError, type StepId, type TestLoginState } from './model/state';

/** Whether users of this pool sign in with their email (the username is then the email). */
export const emailIsUsername = (state: TestLoginState) => state.pool?.usernameAttributes.includes('email') === true;

/** The attributes the sign-up form asks for: the pool's required ones the user can set (not the one that is the username). */
export function signUpAttributes(state: TestLoginState): string[] {
  const usernameAttributes = new Set<string>(state.pool?.usernameAttributes ?? []);
  return (state.pool?.schema ?? []).filter((a) => a.required && !a.developerOnly && a.name !== 'sub' && !usernameAttributes.has(a.name)).map((a) => a.name);
}

function requiredAttributeValues(state: TestLoginState): Record<string, string> {
  const values = Object.fromEntries(signUpAttributes(state).map((name) => [name, state.inputs.attributes[name]?.trim() ?? '']));
  if (emailIsUsername(state)) values.email = state.inputs.username.trim();
  return values;
}

/** Where the sign-up code goes, for the outbox lookup: the email attribute (or an email username). */
export function contactOf(state: TestLoginState): string {
  return emailIsUsername(state) ? state.inputs.username.trim() : (state.inputs.attributes.email ?? state.inputs.username).trim();
}

function isStepError(value: unknown): value is StepError {
  return typeof value === 'object' && value !== null && typeof (value as StepError).code === 'string' && typeof (value as StepError).message === 'string' && !(value instanceof Error);
}

export function useTestLogin() {
  const config = useConfig();
  const admin = useAdminContext();
  const [state, dispatch] = useReducer(
    reducer,
    undefined,
    () => initialState({ clientId: config.testClientId ?? '', identityPoolId: config.identityPoolId, apiUrl: config.testApiUrl ?? '' }),
  );
  const stateRef = useRef(state);
  // Actions run from event handlers, after this; they read the latest state through the ref.
  useLayoutEffect(() => {
    stateRef.current = state;
  });
  const activeStep = useRef<StepId>('client');
  const busy = useRef(false);

  const log = useCallback((call: ApiCall) => dispatch({ type: 'call', step: activeStep.current, call }), []);
  const identityPoolIdOf = (current: TestLoginState) => current.inputs.identityPoolId.trim() || config.identityPoolId;
  const clientsRef = useRef<{ key: string; clients: TestUserClients } | null>(null);
  /** The test user's own clients, made on first use (and again for another identity pool). */
  const testUser = (): TestUserClients => {
    const key = identityPoolIdOf(stateRef.current);
    if (clientsRef.current?.key !== key) clientsRef.current = { key, clients: createTestUserClients(config, key, log) };
    return clientsRef.current.clients;
  };

  /** The client in use is the one step 1 described last (the id field may hold one being typed). */
  const clientIdInUse = () => stateRef.current.client?.clientId ?? stateRef.current.inputs.clientId.trim();
  const authClient = (): AuthClient => ({ idp: testUser().idp, clientId: clientIdInUse(), userPoolId: config.userPoolId });

  /** One step run: start, the work, then done (with a note) or the error explained. Returns whether it succeeded. */
  const run = useCallback(async (step: StepId, work: () => Promise<string | undefined | void>, continues = false): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    activeStep.current = step;
    dispatch({ type: 'start', step, continues });
    try {
      const note = await work();
      dispatch({ type: 'succeed', step, ...(note ? { note } : {}) });
      return true;
    } catch (error) {
      const explained = isStepError(error) ? error : explainError(error);
      if (step === 'signIn' && isSessionExpired(explained)) {
        dispatch({ type: 'session-expired', minutes: stateRef.current.client?.authSessionValidityMinutes ?? 3 });
      } else {
        dispatch({ type: 'fail', step, error: explained });
      }
      return false;
    } finally {
      busy.current = false;
    }
  }, []);

  const refreshStatus = async (username: string) => {
    const detail = await operatorCall(log, 'AdminGetUser', { UserPoolId: admin.userPoolId, Username: username }, () => getUserDetail(admin, username), (u) => ({
      Username: u.username,
      UserStatus: u.status,
      Enabled: u.enabled,
      '…': 'only the fields this panel uses are shown',
    }));
    dispatch({ type: 'status', status: detail.status });
    return detail.status;
  };

  const handleSignInStep = async (next: SignInStep): Promise<string | undefined> => {
    if (next.kind === 'signed-in') {
      dispatch({ type: 'signed-in', tokens: next.tokens });
      return 'Signed in: Cognito returned an ID, an access and a refresh token (step 5).';
    }
    if (next.kind === 'mfa-setup') {
      const enrolment = await beginTotpSetup(authClient(), next, stateRef.current.inputs.username);
      dispatch({ type: 'challenge', challenge: next, enrolment });
      return 'MFA_SETUP: the pool requires an authenticator app. Scan the QR code, then enter the code it shows.';
    }
    dispatch({ type: 'challenge', challenge: next });
    return next.kind === 'new-password'
      ? 'NEW_PASSWORD_REQUIRED: the user must choose a new password before getting tokens.'
      : 'SOFTWARE_TOKEN_MFA: enter the code from the user\'s authenticator app.';
  };

  const verifyTokens = (given?: Tokens, continues = false) =>
    run('tokens', async () => {
      const tokens = given ?? stateRef.current.tokens;
      if (!tokens) throw new AppError('NotSignedIn', 'Sign the test user in first (step 4).');
      const check = createTokenCheck(config, clientIdInUse());
      const outcome = async (token: string, use: 'id' | 'access') => {
        try {
          await check.verify(token, use);
          return 'verified' as const;
        } catch (error) {
          return explainError(error);
        }
      };
      const [id, access] = await Promise.all([outcome(tokens.idToken, 'id'), outcome(tokens.accessToken, 'access')]);
      dispatch({ type: 'patch', patch: { verification: { jwksUri: check.jwksUri, id, access } } });
      return id === 'verified' && access === 'verified' ? 'Both signatures verified against the pool\'s JWKS.' : 'A token did not verify; see below.';
    }, continues);

  /** Runs an action that may produce new tokens; when it did, their signatures are checked next (step 5). */
  const thenVerify = async (action: (gotTokens: (tokens: Tokens | undefined) => void) => Promise<boolean>, continues = false) => {
    let got: Tokens | undefined;
    const ok = await action((tokens) => {
      got = tokens;
    });
    if (ok && got) await verifyTokens(got, continues);
    return ok;
  };

  const actions = {
    setInput: (patch: Partial<TestLoginState['inputs']>) => dispatch({ type: 'input', patch }),
    setAttribute: (name: string, value: string) => dispatch({ type: 'attribute', name, value }),

    listClients: () =>
      run('client', async () => {
        const list = await listAppClients(admin, log);
        dispatch({ type: 'patch', patch: { clients: list } });
        return `${list.length} app client${list.length === 1 ? '' : 's'} in the pool.`;
      }),

    useClient: (clientId: string) =>
      run('client', async () => {
        const id = clientId.trim();
        if (!/^[\w+]{1,128}$/.test(id)) throw { code: 'InvalidClientId', message: 'Enter an app client id (letters, digits, underscores or plus signs), or pick one from the list.' } satisfies StepError;
        dispatch({ type: 'input', patch: { clientId: id } });
        const client = await describeAppClient(admin, id, log);
        const pool = stateRef.current.pool ?? (await operatorCall(log, 'DescribeUserPool', { UserPoolId: admin.userPoolId }, () => describePoolSettings(admin), (p) => ({
          UserPool: {
            Id: p.id,
            Name: p.name,
            UsernameAttributes: p.usernameAttributes,
            Policies: { PasswordPolicy: { MinimumLength: p.passwordPolicy.minimumLength, RequireUppercase: p.passwordPolicy.requireUppercase, RequireLowercase: p.passwordPolicy.requireLowercase, RequireNumbers: p.passwordPolicy.requireNumbers, RequireSymbols: p.passwordPolicy.requireSymbols } },
            SchemaAttributes: p.schema.filter((a) => a.required).map((a) => ({ Name: a.name, Required: true })),
          },
          '…': 'only the fields this panel uses are shown',
        })));
        dispatch({ type: 'patch', patch: { client, pool } });
        if (client.hasSecret) return undefined;
        return client.authFlows.includes('ALLOW_USER_SRP_AUTH') ? `Using ${client.clientName || id}.` : undefined;
      }),

    signUp: () =>
      run('signUp', async () => {
        const { inputs, client } = stateRef.current;
        if (!client) throw { code: 'NoClient', message: 'Choose the app client first (step 1).' } satisfies StepError;
        const username = inputs.username.trim();
        if (username === '') throw { code: 'MissingUsername', message: 'Enter a username for the test user.' } satisfies StepError;
        const attributes = { ...requiredAttributeValues(stateRef.current) };
        const result = await signUp(testUser(), { clientId: client.clientId, username, password: inputs.password, attributes });
        dispatch({ type: 'signed-up', result, username });
        await refreshStatus(username).catch(() => undefined);
        return result.userConfirmed
          ? 'Signed up and already confirmed (a pre-sign-up trigger or the pool confirmed the user).'
          : `Signed up. The user is UNCONFIRMED until the code is entered (step 3).`;
      }),

    confirm: () =>
      run('confirm', async () => {
        const { inputs } = stateRef.current;
        await confirmSignUp(testUser(), { clientId: clientIdInUse(), username: inputs.username.trim(), code: inputs.code.trim() });
        const status = await refreshStatus(inputs.username.trim()).catch(() => undefined);
        return status ? `Confirmed: the user is now ${status}.` : 'Confirmed.';
      }),

    resend: () =>
      run('confirm', async () => {
        const { inputs } = stateRef.current;
        const delivery = await resendConfirmationCode(testUser(), { clientId: clientIdInUse(), username: inputs.username.trim() });
        if (delivery) dispatch({ type: 'patch', patch: { delivery } });
        return delivery ? `A new code went to ${delivery.destination} (${delivery.medium}).` : 'Cognito accepted the request but said nothing about where the code went.';
      }),

    setCode: (code: string, field: 'code' | 'resetCode') => dispatch({ type: 'input', patch: { [field]: code } }),

    signIn: () => thenVerify(async (signedIn) =>
      run('signIn', async () => {
        const { inputs } = stateRef.current;
        if (!stateRef.current.client) throw { code: 'NoClient', message: 'Choose the app client first (step 1).' } satisfies StepError;
        const next = await signIn(authClient(), { username: inputs.username.trim(), password: inputs.password });
        signedIn(next.kind === 'signed-in' ? next.tokens : undefined);
        return handleSignInStep(next);
      })),

    answerChallenge: () => thenVerify(async (signedIn) =>
      run('signIn', async () => {
        const { challenge, enrolment, inputs } = stateRef.current;
        if (!challenge) throw { code: 'NoChallenge', message: 'There is no sign-in challenge to answer. Sign in first.' } satisfies StepError;
        let next: SignInStep;
        if (challenge.kind === 'new-password') {
          const attributes = Object.fromEntries(challenge.requiredAttributes.map((name) => [name, inputs.attributes[name] ?? '']));
          next = await completeNewPassword(authClient(), challenge, { newPassword: inputs.newPassword, attributes });
          dispatch({ type: 'input', patch: { password: inputs.newPassword } });
        } else if (challenge.kind === 'totp') {
          next = await answerTotp(authClient(), challenge, inputs.totpCode.replace(/\s+/g, ''));
        } else {
          if (!enrolment) throw { code: 'NoEnrolment', message: 'The authenticator setup did not start. Sign in again.' } satisfies StepError;
          next = await completeTotpSetup(authClient(), challenge, enrolment, inputs.totpCode.replace(/\s+/g, ''));
        }
        signedIn(next.kind === 'signed-in' ? next.tokens : undefined);
        return handleSignInStep(next);
      })),

    forgotPassword: () =>
      run('signIn', async () => {
        const { inputs } = stateRef.current;
        const delivery = await forgotPassword(testUser(), { clientId: clientIdInUse(), username: inputs.username.trim() });
        dispatch({ type: 'patch', patch: { reset: delivery ? { delivery } : {} } });
        return delivery ? `ForgotPassword: a code went to ${delivery.destination} (${delivery.medium}). Enter it with a new password.` : 'ForgotPassword accepted. Enter the code with a new password.';
      }),

    confirmForgotPassword: () =>
      run('signIn', async () => {
        const { inputs } = stateRef.current;
        await confirmForgotPassword(testUser(), { clientId: clientIdInUse(), username: inputs.username.trim(), code: inputs.resetCode.trim(), password: inputs.resetPassword });
        dispatch({ type: 'input', patch: { password: inputs.resetPassword, resetCode: '', resetPassword: '' } });
        dispatch({ type: 'patch', patch: { reset: undefined } });
        return 'The password is set. Sign in with it now.';
      }),

    verifyTokens: () => verifyTokens(),

    getUser: () =>
      run('tokens', async () => {
        const tokens = stateRef.current.tokens;
        if (!tokens) throw new AppError('NotSignedIn', 'Sign the test user in first (step 4).');
        const self = await getUser(testUser(), tokens.accessToken);
        dispatch({ type: 'patch', patch: { self } });
        return 'GetUser with the access token: the attributes this client may read.';
      }),

    refresh: () => thenVerify(async (refreshed) =>
      run('tokens', async () => {
        const tokens = stateRef.current.tokens;
        if (!tokens) throw new AppError('NotSignedIn', 'Sign the test user in first (step 4).');
        const fresh = await refreshTokens(authClient(), tokens.refreshToken);
        dispatch({ type: 'refreshed', tokens: fresh });
        refreshed(fresh);
        return 'REFRESH_TOKEN_AUTH: new ID and access tokens; the differences are marked.';
      }), true),

    identity: () =>
      run('identity', async () => {
        const tokens = stateRef.current.tokens;
        if (!tokens) throw new AppError('NotSignedIn', 'Sign the test user in first (step 4).');
        const providerName = `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
        try {
          const roles = await getIdentityPoolRoles(admin, config, identityPoolIdOf(stateRef.current), log);
          dispatch({ type: 'patch', patch: { roles, rolesError: undefined } });
        } catch (error) {
          dispatch({ type: 'patch', patch: { roles: undefined, rolesError: explainError(error) } });
        }
        const result = await identityPoolCredentials(testUser(), { identityPoolId: identityPoolIdOf(stateRef.current), providerName, idToken: tokens.idToken });
        dispatch({ type: 'patch', patch: { identity: result } });
        return 'The identity pool issued temporary AWS credentials for this user.';
      }),

    callApi: () =>
      run('api', async () => {
        const { inputs, tokens } = stateRef.current;
        const checked = checkApiUrl(inputs.apiUrl);
        if (!checked.ok) throw checked.error;
        const token = inputs.apiToken === 'id' ? tokens?.idToken : inputs.apiToken === 'access' ? tokens?.accessToken : undefined;
        if (inputs.apiToken !== 'none' && !token) throw { code: 'NotSignedIn', message: 'Sign the test user in first (step 4), or send the call without a token.' } satisfies StepError;
        const apiResult = await callApi({ url: checked.url, method: inputs.apiMethod, ...(token ? { token } : {}), tokenKind: inputs.apiToken, body: inputs.apiBody });
        dispatch({ type: 'patch', patch: { apiResult } });
        return undefined;
      }),

    signOut: () =>
      run('signOut', async () => {
        const tokens = stateRef.current.tokens;
        if (!tokens) throw new AppError('NotSignedIn', 'The test user is not signed in.');
        await globalSignOut(authClient(), tokens.accessToken);
        let refreshRefusal: StepError | undefined;
        try {
          await refreshTokens(authClient(), tokens.refreshToken);
        } catch (error) {
          refreshRefusal = explainError(error);
        }
        dispatch({ type: 'patch', patch: { signOut: refreshRefusal ? { refreshRefusal } : {} } });
        return refreshRefusal
          ? 'Signed out everywhere: the refresh token is refused now. ID and access tokens stay valid for APIs that only check signatures (API Gateway) until they expire.'
          : 'GlobalSignOut succeeded, but the refresh token still worked — check the client\'s token revocation setting.';
      }),

    deleteTestUser: () =>
      run('signOut', async () => {
        const username = stateRef.current.inputs.username.trim();
        await operatorCall(log, 'AdminDeleteUser', { UserPoolId: admin.userPoolId, Username: username }, () => deleteUser(admin, username), () => ({}));
        dispatch({ type: 'forget-user' });
        dispatch({ type: 'patch', patch: { signOut: { deleted: username } } });
        return `Deleted ${username} from the pool.`;
      }),
  };

  return { state, actions };
}
