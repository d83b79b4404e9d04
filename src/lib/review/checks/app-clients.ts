/** App clients: Prowler's two client checks and the client pitfalls of REFERENCE §1b (tokens, flows, URLs, secrets). */
import { clientCheck, fail, isLoopbackHttp, isPublic, pass } from '../check-kit';
import { UPDATE_CLIENT_NOTE } from '../notes';
import type { Check, ClientInput } from '../types';

const CONSOLE = 'Amazon Cognito → User pools → {poolId} → App clients → {clientId} → Edit';
const cli = (params: string) => `aws cognito-idp update-user-pool-client --user-pool-id {poolId} --client-id {clientId} ${params}  # ${UPDATE_CLIENT_NOTE}`;

const SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
/** Refresh-token lifetime in days (API default unit days; 0 or absent means 30 days). */
function refreshDays(client: ClientInput): number {
  const value = client.RefreshTokenValidity;
  if (!value) return 30;
  return (value * (SECONDS[client.TokenValidityUnits?.RefreshToken ?? 'days'] ?? 86400)) / 86400;
}

/** No ExplicitAuthFlows means SRP, refresh and custom auth. */
const flowsOf = (client: ClientInput) => (client.ExplicitAuthFlows && client.ExplicitAuthFlows.length > 0 ? client.ExplicitAuthFlows : ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH']);

export const checks: Check[] = [
  clientCheck(
    {
      id: 'cognito_user_pool_client_prevent_user_existence_errors',
      title: 'Sign-in errors reveal which usernames exist',
      severity: 'medium',
      area: 'app-clients',
      why: 'With LEGACY, sign-in and password reset answer "user does not exist" for unknown names, so anyone can test which emails have accounts. ENABLED answers the same for both (SignUp still reveals it unless email or phone are aliases).',
      fix: { console: CONSOLE + ' → Advanced security configurations → Prevent user existence errors', cli: cli('--prevent-user-existence-errors ENABLED'), cloudformation: 'AWS::Cognito::UserPoolClient → PreventUserExistenceErrors: ENABLED' },
      fixable: true,
      references: { prowler: 'cognito_user_pool_client_prevent_user_existence_errors' },
      setting: 'app-clients',
    },
    (client, resource) => {
      const value = client.PreventUserExistenceErrors ?? 'LEGACY';
      return value === 'ENABLED' ? pass(resource, 'UserPoolClient.PreventUserExistenceErrors', value) : fail(resource, 'UserPoolClient.PreventUserExistenceErrors', value, 'ENABLED');
    },
  ),
  clientCheck(
    {
      id: 'cognito_user_pool_client_token_revocation_enabled',
      title: 'Refresh tokens cannot be revoked',
      severity: 'medium',
      area: 'app-clients',
      why: 'Without token revocation, RevokeToken and sign-out cannot end a stolen refresh token; it keeps minting new tokens until it expires. (Already issued access tokens still pass offline checks until they expire.)',
      fix: { console: CONSOLE + ' → Advanced security configurations → Enable token revocation', cli: cli('--enable-token-revocation'), cloudformation: 'AWS::Cognito::UserPoolClient → EnableTokenRevocation: true' },
      fixable: true,
      references: { prowler: 'cognito_user_pool_client_token_revocation_enabled' },
      setting: 'app-clients',
    },
    (client, resource) => {
      const value = client.EnableTokenRevocation ?? false;
      return value ? pass(resource, 'UserPoolClient.EnableTokenRevocation', value) : fail(resource, 'UserPoolClient.EnableTokenRevocation', value, 'true');
    },
  ),
  clientCheck(
    {
      id: 'PK-TOKEN-1',
      title: 'A public client keeps refresh tokens longer than 30 days',
      severity: 'low',
      area: 'app-clients',
      why: 'A refresh token in a browser or phone is the session: the longer it lives, the longer a stolen one works. (Limits: 1 hour to 10 years; default 30 days.)',
      fix: { console: CONSOLE + ' → Token expiration', cli: cli('--refresh-token-validity 30 --token-validity-units RefreshToken=days'), cloudformation: 'AWS::Cognito::UserPoolClient → RefreshTokenValidity: 30, TokenValidityUnits.RefreshToken: days' },
      fixable: true,
      references: {},
      setting: 'app-clients',
    },
    (client, resource) => {
      if (!isPublic(client)) return undefined;
      const days = refreshDays(client);
      const field = 'UserPoolClient.RefreshTokenValidity';
      const value = `${client.RefreshTokenValidity ?? 30} ${client.TokenValidityUnits?.RefreshToken ?? 'days'}`;
      return days <= 30 ? pass(resource, field, value) : fail(resource, field, value, '<= 30 days on a client without a secret');
    },
  ),
  clientCheck(
    {
      id: 'PK-TOKEN-2',
      title: 'A public client does not rotate refresh tokens',
      severity: 'low',
      area: 'app-clients',
      why: 'With rotation each refresh returns a new refresh token and retires the old one, so a copied token stops working once the real app refreshes.',
      fix: { console: CONSOLE + ' → Refresh token rotation', cli: cli("--refresh-token-rotation 'Feature=ENABLED,RetryGracePeriodSeconds=10'"), cloudformation: 'AWS::Cognito::UserPoolClient → RefreshTokenRotation: { Feature: ENABLED, RetryGracePeriodSeconds: 10 }' },
      fixable: true,
      references: {},
      setting: 'app-clients',
    },
    (client, resource) => {
      if (!isPublic(client)) return undefined;
      const value = client.RefreshTokenRotation?.Feature ?? 'DISABLED';
      return value === 'ENABLED' ? pass(resource, 'UserPoolClient.RefreshTokenRotation.Feature', value) : fail(resource, 'UserPoolClient.RefreshTokenRotation.Feature', value, 'ENABLED');
    },
  ),
  clientCheck(
    {
      id: 'PK-TOKEN-3',
      title: 'Sign-in sessions between challenges last longer than the default',
      severity: 'info',
      area: 'app-clients',
      why: 'AuthSessionValidity is how long the session string between sign-in steps (MFA, new password) stays usable; 3 minutes is the default and the minimum.',
      fix: { console: CONSOLE + ' → Authentication flow session duration', cli: cli('--auth-session-validity 3'), cloudformation: 'AWS::Cognito::UserPoolClient → AuthSessionValidity: 3' },
      fixable: true,
      references: {},
      setting: 'app-clients',
    },
    (client, resource) => {
      const value = client.AuthSessionValidity ?? 3;
      return value <= 3 ? pass(resource, 'UserPoolClient.AuthSessionValidity', value) : fail(resource, 'UserPoolClient.AuthSessionValidity', value, '3 minutes unless a slow challenge needs more');
    },
  ),
  clientCheck(
    {
      id: 'PK-CLIENT-1',
      title: 'A browser or mobile client has a client secret',
      severity: 'medium',
      area: 'app-clients',
      why: 'A secret shipped in a web page or app is readable by anyone. This client has a secret but signs of a browser or mobile app (implicit flow, loopback or custom-scheme callbacks). Whether a client has a secret is fixed at creation.',
      fix: {
        console: 'Create a new app client with "Don\'t generate a client secret", move the app to it, then delete {clientId}',
        cli: 'aws cognito-idp create-user-pool-client --user-pool-id {poolId} --client-name <name> --no-generate-secret …',
        cloudformation: 'AWS::Cognito::UserPoolClient → GenerateSecret: false (replaces the client)',
      },
      fixable: false,
      references: {},
      setting: 'app-clients',
    },
    (client, resource) => {
      const field = 'UserPoolClient.ClientSecret';
      if (isPublic(client)) return pass(resource, field, 'absent');
      const urls = [...(client.CallbackURLs ?? []), ...(client.LogoutURLs ?? [])];
      const appLike = (client.AllowedOAuthFlows ?? []).includes('implicit') || urls.some((u) => isLoopbackHttp(u) || !/^https?:/i.test(u));
      return appLike ? fail(resource, field, 'present', 'absent for a browser or mobile app') : pass(resource, field, 'present (server-side client)');
    },
  ),
  clientCheck(
    {
      id: 'PK-CLIENT-2',
      title: 'Passwords are sent in sign-in requests',
      severity: 'medium',
      area: 'app-clients',
      why: 'USER_PASSWORD_AUTH sends the password itself instead of an SRP proof (needed only while a migrate-user Lambda runs). ADMIN_USER_PASSWORD_AUTH is for servers with AWS credentials; on a client without a secret it hints at AWS keys in an app.',
      fix: { console: CONSOLE + ' → Authentication flows', cli: cli('--explicit-auth-flows ALLOW_USER_SRP_AUTH ALLOW_REFRESH_TOKEN_AUTH'), cloudformation: 'AWS::Cognito::UserPoolClient → ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]' },
      fixable: true,
      references: {},
      setting: 'app-clients',
    },
    (client, resource) => {
      const flows = flowsOf(client);
      const field = 'UserPoolClient.ExplicitAuthFlows';
      const legacy = flows.filter((f) => !f.startsWith('ALLOW_'));
      if (flows.includes('ALLOW_ADMIN_USER_PASSWORD_AUTH') && isPublic(client)) {
        return fail(resource, field, flows, 'no ALLOW_ADMIN_USER_PASSWORD_AUTH on a client without a secret', { severity: 'high', title: 'A public client allows admin password sign-in (AWS keys in an app?)' });
      }
      if (flows.includes('ALLOW_USER_PASSWORD_AUTH')) return fail(resource, field, flows, 'ALLOW_USER_SRP_AUTH instead of ALLOW_USER_PASSWORD_AUTH');
      if (legacy.length > 0) return fail(resource, field, flows, 'the ALLOW_ names instead of legacy flow names', { severity: 'low', title: 'The client uses legacy auth-flow names' });
      return pass(resource, field, flows);
    },
  ),
  clientCheck(
    {
      id: 'PK-CLIENT-3',
      title: 'The implicit OAuth grant is allowed',
      severity: 'high',
      area: 'app-clients',
      why: 'The implicit grant puts tokens in the redirect URL, where browser history, logs and referrers can leak them. AWS recommends the authorization code grant with PKCE (S256).',
      fix: { console: CONSOLE + ' → Login pages → OAuth 2.0 grant types → Authorization code grant', cli: cli('--allowed-o-auth-flows code --allowed-o-auth-flows-user-pool-client'), cloudformation: 'AWS::Cognito::UserPoolClient → AllowedOAuthFlows: [code]' },
      fixable: true,
      references: {},
      setting: 'app-clients',
    },
    (client, resource) => {
      const flows = client.AllowedOAuthFlows ?? [];
      return flows.includes('implicit') ? fail(resource, 'UserPoolClient.AllowedOAuthFlows', flows, '[code]') : pass(resource, 'UserPoolClient.AllowedOAuthFlows', flows);
    },
  ),
  clientCheck(
    {
      id: 'PK-CLIENT-4',
      title: 'A callback or sign-out URL uses plain http',
      severity: 'high',
      area: 'app-clients',
      why: 'Tokens and codes are delivered to these URLs. Plain http:// exposes them on the network; Cognito accepts http only for localhost, and only for testing. URLs must not carry fragments.',
      fix: { console: CONSOLE + ' → Login pages → Allowed callback URLs / Allowed sign-out URLs', cli: cli('--callback-urls https://<app>/callback --logout-urls https://<app>/'), cloudformation: 'AWS::Cognito::UserPoolClient → CallbackURLs / LogoutURLs: https:// only' },
      fixable: true,
      references: {},
      setting: 'app-clients',
    },
    (client, resource) => {
      const urls = [...(client.CallbackURLs ?? []), ...(client.LogoutURLs ?? []), ...(client.DefaultRedirectURI ? [client.DefaultRedirectURI] : [])];
      const field = 'UserPoolClient.CallbackURLs';
      const plain = urls.filter((u) => /^http:\/\//i.test(u) && !isLoopbackHttp(u));
      if (plain.length > 0) return fail(resource, field, plain, 'https:// (http only for localhost while testing)');
      const fragments = urls.filter((u) => u.includes('#'));
      if (fragments.length > 0) return fail(resource, field, fragments, 'no #fragment', { severity: 'medium', title: 'A callback URL carries a fragment' });
      const loopback = urls.filter(isLoopbackHttp);
      if (loopback.length > 0) return fail(resource, field, loopback, 'no localhost URLs on a production client', { severity: 'low', title: 'A localhost callback URL is allowed' });
      return pass(resource, field, urls);
    },
  ),
  clientCheck(
    {
      id: 'PK-CLIENT-5',
      title: 'Password sign-in still works although the Cognito directory is hidden',
      severity: 'info',
      area: 'app-clients',
      why: 'Removing COGNITO from the supported identity providers only hides it on the managed login page; apps can still sign users in with the SDK through the flows below unless they are removed too (or WAF blocks them).',
      fix: { console: CONSOLE + ' → Authentication flows (remove password and SRP flows if only federation is meant)', cli: cli('--explicit-auth-flows ALLOW_REFRESH_TOKEN_AUTH'), cloudformation: 'AWS::Cognito::UserPoolClient → ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH]' },
      fixable: true,
      references: {},
      setting: 'app-clients',
    },
    (client, resource) => {
      const providers = client.SupportedIdentityProviders;
      if (!providers || providers.length === 0 || providers.includes('COGNITO')) return undefined;
      const flows = flowsOf(client).filter((f) => /SRP|PASSWORD|USER_AUTH/.test(f));
      return flows.length > 0 ? fail(resource, 'UserPoolClient.ExplicitAuthFlows', flows, 'no SRP or password flows when only federated sign-in is meant') : pass(resource, 'UserPoolClient.ExplicitAuthFlows', flowsOf(client));
    },
  ),
];
