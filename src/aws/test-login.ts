/**
 * The test-login panel's AWS calls. Two kinds, kept apart:
 *  - as the **test user**: unsigned calls through clients of their own (never the operator's
 *    session or signed clients), exactly what an app without a client secret sends;
 *  - as the **operator**: reads that need the operator's IAM rights (the client's settings, the
 *    pool's schema and policy, the user's status, the identity pool's role mapping) and the
 *    clean-up (AdminDeleteUser).
 * Every call is reported to a `CallLog` with its request and response masked (lib/mask-secrets),
 * so the screen can show the exact call without ever holding a password or secret key.
 */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DescribeUserPoolClientCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  ListUserPoolClientsCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  type CodeDeliveryDetailsType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AppConfig } from '@/config/app-config';
import { identityPoolRegion } from '@/config/config-schema';
import { maskSecrets } from '@/lib/mask-secrets';
import type { AdminContextValue } from './admin-context';
import { endpointOf, noCredentials } from './clients';
import { AppError, toAppError } from './errors';
import { attributesToRecord } from './user-types';

export type CallService = 'cognito-idp' | 'cognito-identity';

export interface ApiCall {
  service: CallService;
  operation: string;
  /** whose rights the call used */
  as: 'test user' | 'operator';
  /** masked */
  request: unknown;
  /** masked; absent when the call failed */
  response?: unknown;
  error?: { name: string; message: string };
  durationMs: number;
}

export type CallLog = (call: ApiCall) => void;

type Ctx = Pick<AdminContextValue, 'idp' | 'userPoolId'>;

function errorOf(error: unknown): { name: string; message: string } {
  const e = error as { name?: unknown; message?: unknown } | null;
  return { name: typeof e?.name === 'string' ? e.name : 'Error', message: typeof e?.message === 'string' ? e.message : String(error) };
}

/** Reports every command a client sends, masked, with its answer or error. */
function logCommands(service: CallService, log: CallLog) {
  return <Args extends { input?: unknown }, Output>(next: (args: Args) => Promise<Output>, context: { commandName?: string }) =>
    async (args: Args): Promise<Output> => {
      const started = performance.now();
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      const request = maskSecrets(args.input);
      try {
        const result = await next(args);
        log({ service, operation, as: 'test user', request, response: maskSecrets((result as { output?: unknown }).output), durationMs: performance.now() - started });
        return result;
      } catch (error) {
        log({ service, operation, as: 'test user', request, error: errorOf(error), durationMs: performance.now() - started });
        throw error;
      }
    };
}

const LOG_STEP = { step: 'initialize', name: 'poolkeeperTestLoginLog' } as const;

/** The test user's own clients: unsigned (no AWS credentials at all), one attempt per call, logged. */
export interface TestUserClients {
  idp: CognitoIdentityProviderClient;
  identity: CognitoIdentityClient;
}

export function createTestUserClients(config: AppConfig, identityPoolId: string, log: CallLog): TestUserClients {
  const idp = new CognitoIdentityProviderClient({ region: config.region, credentials: noCredentials, maxAttempts: 1, ...endpointOf(config) });
  const identity = new CognitoIdentityClient({
    region: identityPoolRegion(identityPoolId) || config.region,
    credentials: noCredentials,
    maxAttempts: 1,
    ...endpointOf(config),
  });
  idp.middlewareStack.add(logCommands('cognito-idp', log), LOG_STEP);
  identity.middlewareStack.add(logCommands('cognito-identity', log), LOG_STEP);
  return { idp, identity };
}

/** An operator call, logged the same way (the operator's clients are shared, so no middleware on them). */
async function asOperator<T>(log: CallLog, service: CallService, operation: string, input: unknown, run: () => Promise<T>, view: (out: T) => unknown = (out) => out): Promise<T> {
  const started = performance.now();
  const request = maskSecrets(input);
  try {
    const out = await run();
    log({ service, operation, as: 'operator', request, response: maskSecrets(view(out)), durationMs: performance.now() - started });
    return out;
  } catch (error) {
    const appError = toAppError(error);
    log({ service, operation, as: 'operator', request, error: { name: appError.code, message: appError.detail ?? appError.message }, durationMs: performance.now() - started });
    throw appError;
  }
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}

// ---- step 1: the app client ------------------------------------------------------------------

export interface AppClientSummary {
  clientId: string;
  clientName: string;
}

export async function listAppClients(ctx: Ctx, log: CallLog): Promise<AppClientSummary[]> {
  const out: AppClientSummary[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const input = { UserPoolId: ctx.userPoolId, MaxResults: 60, ...(token ? { NextToken: token } : {}) };
    const page = await asOperator(log, 'cognito-idp', 'ListUserPoolClients', input, () => ctx.idp.send(new ListUserPoolClientsCommand(input)));
    for (const c of page.UserPoolClients ?? []) out.push({ clientId: c.ClientId ?? '', clientName: c.ClientName ?? '' });
    token = page.NextToken;
    if (token && seen.has(token)) break;
    if (token) seen.add(token);
  } while (token);
  return out;
}

export interface AppClientInfo {
  clientId: string;
  clientName: string;
  /** Only whether it has one: the secret itself is dropped as soon as it arrives. */
  hasSecret: boolean;
  authFlows: string[];
  /** minutes a challenge session lives (3–15); Cognito's default 3 when unset */
  authSessionValidityMinutes: number;
  preventUserExistenceErrors: boolean;
  tokenRevocation: boolean;
}

export async function describeAppClient(ctx: Ctx, clientId: string, log: CallLog): Promise<AppClientInfo> {
  const input = { UserPoolId: ctx.userPoolId, ClientId: clientId };
  const out = await asOperator(log, 'cognito-idp', 'DescribeUserPoolClient', input, () => ctx.idp.send(new DescribeUserPoolClientCommand(input)));
  const client = out.UserPoolClient ?? {};
  return {
    clientId: client.ClientId ?? clientId,
    clientName: client.ClientName ?? '',
    hasSecret: typeof client.ClientSecret === 'string' && client.ClientSecret !== '',
    authFlows: client.ExplicitAuthFlows ?? [],
    authSessionValidityMinutes: client.AuthSessionValidity ?? 3,
    preventUserExistenceErrors: client.PreventUserExistenceErrors === 'ENABLED',
    tokenRevocation: client.EnableTokenRevocation !== false,
  };
}

/** Any operator read the panel shows as a call of its own (DescribeUserPool, AdminGetUser, AdminDeleteUser). */
export function operatorCall<T>(log: CallLog, operation: string, input: unknown, run: () => Promise<T>, view?: (out: T) => unknown): Promise<T> {
  return asOperator(log, 'cognito-idp', operation, input, run, view);
}

// ---- steps 2–3: sign-up and confirmation (as the test user) -----------------------------------

export interface CodeDelivery {
  destination: string;
  medium: string;
  attribute: string;
}

function toDelivery(details: CodeDeliveryDetailsType | undefined): CodeDelivery | undefined {
  if (!details) return undefined;
  return { destination: details.Destination ?? '', medium: details.DeliveryMedium ?? '', attribute: details.AttributeName ?? '' };
}

export interface SignUpResult {
  userSub: string;
  userConfirmed: boolean;
  delivery?: CodeDelivery;
}

export async function signUp(
  clients: TestUserClients,
  input: { clientId: string; username: string; password: string; attributes: Record<string, string> },
): Promise<SignUpResult> {
  const out = await call(() =>
    clients.idp.send(
      new SignUpCommand({
        ClientId: input.clientId,
        Username: input.username,
        Password: input.password,
        UserAttributes: Object.entries(input.attributes)
          .filter(([, value]) => value !== '')
          .map(([Name, Value]) => ({ Name, Value })),
      }),
    ),
  );
  const result: SignUpResult = { userSub: out.UserSub ?? '', userConfirmed: out.UserConfirmed === true };
  const delivery = toDelivery(out.CodeDeliveryDetails);
  if (delivery) result.delivery = delivery;
  return result;
}

export async function confirmSignUp(clients: TestUserClients, input: { clientId: string; username: string; code: string }): Promise<void> {
  await call(() => clients.idp.send(new ConfirmSignUpCommand({ ClientId: input.clientId, Username: input.username, ConfirmationCode: input.code })));
}

export async function resendConfirmationCode(clients: TestUserClients, input: { clientId: string; username: string }): Promise<CodeDelivery | undefined> {
  const out = await call(() => clients.idp.send(new ResendConfirmationCodeCommand({ ClientId: input.clientId, Username: input.username })));
  return toDelivery(out.CodeDeliveryDetails);
}

export async function forgotPassword(clients: TestUserClients, input: { clientId: string; username: string }): Promise<CodeDelivery | undefined> {
  const out = await call(() => clients.idp.send(new ForgotPasswordCommand({ ClientId: input.clientId, Username: input.username })));
  return toDelivery(out.CodeDeliveryDetails);
}

export async function confirmForgotPassword(
  clients: TestUserClients,
  input: { clientId: string; username: string; code: string; password: string },
): Promise<void> {
  await call(() =>
    clients.idp.send(
      new ConfirmForgotPasswordCommand({ ClientId: input.clientId, Username: input.username, ConfirmationCode: input.code, Password: input.password }),
    ),
  );
}

// ---- step 5: tokens ----------------------------------------------------------------------------

export interface SelfView {
  username: string;
  attributes: Record<string, string>;
  mfa: string[];
}

export async function getUser(clients: TestUserClients, accessToken: string): Promise<SelfView> {
  const out = await call(() => clients.idp.send(new GetUserCommand({ AccessToken: accessToken })));
  return { username: out.Username ?? '', attributes: attributesToRecord(out.UserAttributes), mfa: out.UserMFASettingList ?? [] };
}

// ---- step 6: identity pool ---------------------------------------------------------------------

export interface IdentityPoolResult {
  identityId: string;
  /** the public half only; the secret key and session token never leave this function */
  accessKeyId: string;
  expiration?: Date;
}

/** GetId + GetCredentialsForIdentity with the ID token, as Amplify's fetchAuthSession does. */
export async function identityPoolCredentials(
  clients: TestUserClients,
  input: { identityPoolId: string; providerName: string; idToken: string },
): Promise<IdentityPoolResult> {
  const Logins = { [input.providerName]: input.idToken };
  const id = await call(() => clients.identity.send(new GetIdCommand({ IdentityPoolId: input.identityPoolId, Logins })));
  if (!id.IdentityId) throw new AppError('InvalidIdentityResponse', 'The identity pool answered without an identity id. Try again.', { retryable: true });
  const out = await call(() => clients.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: id.IdentityId, Logins })));
  const result: IdentityPoolResult = { identityId: id.IdentityId, accessKeyId: out.Credentials?.AccessKeyId ?? '' };
  if (out.Credentials?.Expiration) result.expiration = out.Credentials.Expiration;
  return result;
}

export interface RoleMappingView {
  type: 'Token' | 'Rules' | string;
  ambiguousRoleResolution?: string;
  rules: { claim: string; matchType: string; value: string; roleArn: string }[];
}

export interface IdentityPoolRoles {
  authenticatedRole?: string;
  mappings: Record<string, RoleMappingView>;
}

/**
 * The identity pool's roles and mappings, with the operator's credentials (the same provider the
 * operator's signed clients use): Cognito Identity does not say which role it chose, this says why.
 */
export async function getIdentityPoolRoles(ctx: Pick<AdminContextValue, 'idp'>, config: AppConfig, identityPoolId: string, log: CallLog): Promise<IdentityPoolRoles> {
  const client = new CognitoIdentityClient({
    region: identityPoolRegion(identityPoolId) || config.region,
    credentials: ctx.idp.config.credentials,
    maxAttempts: 1,
    ...endpointOf(config),
  });
  const input = { IdentityPoolId: identityPoolId };
  const out = await asOperator(log, 'cognito-identity', 'GetIdentityPoolRoles', input, () => client.send(new GetIdentityPoolRolesCommand(input)));
  const mappings: Record<string, RoleMappingView> = {};
  for (const [key, mapping] of Object.entries(out.RoleMappings ?? {})) {
    mappings[key] = {
      type: mapping.Type ?? '',
      ...(mapping.AmbiguousRoleResolution ? { ambiguousRoleResolution: mapping.AmbiguousRoleResolution } : {}),
      rules: (mapping.RulesConfiguration?.Rules ?? []).map((r) => ({ claim: r.Claim ?? '', matchType: r.MatchType ?? '', value: r.Value ?? '', roleArn: r.RoleARN ?? '' })),
    };
  }
  const authenticatedRole = out.Roles?.authenticated;
  return authenticatedRole ? { authenticatedRole, mappings } : { mappings };
}
