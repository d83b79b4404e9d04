/**
 * Failures on the test user's path, said for someone testing an app: the Cognito error name, what
 * happened, and the step that fixes it. AppError's own sentences are written for the operator's
 * sign-in ("ask another administrator"), so the end-user cases are reworded here; anything not
 * listed keeps AppError's message.
 */
import { toAppError } from '@/aws/errors';
import { toStepError, type StepError } from './state';

type Rule = { code: string; when?: RegExp; message: string };

const RULES: Rule[] = [
  { code: 'NotAuthorizedException', when: /session is expired/i, message: 'The sign-in challenge expired (the client\'s AuthSessionValidity). Sign in again from the start.' },
  { code: 'NotAuthorizedException', when: /incorrect username or password/i, message: 'Cognito says the username or password is incorrect. Check both (with PreventUserExistenceErrors an unknown user gets this same answer), or reset the password with “Forgot password”.' },
  { code: 'NotAuthorizedException', when: /refresh token has been revoked|refresh token.*(revoked|invalid)/i, message: 'The refresh token no longer works: it was revoked (GlobalSignOut or RevokeToken). The user has to sign in again.' },
  { code: 'NotAuthorizedException', when: /secret hash|configured for secret/i, message: 'This app client has a client secret, so every call needs a SECRET_HASH computed with it — which a browser or mobile app cannot keep secret. Test with (and ship) an app client without a secret.' },
  { code: 'NotAuthorizedException', when: /ambiguous role mapping/i, message: 'The identity pool\'s role mapping refused this user: it found no clear role for them and its AmbiguousRoleResolution is Deny, so no AWS credentials are issued. Give the user a group with a role, or set the mapping to fall back to the authenticated role.' },
  { code: 'NotAuthorizedException', when: /not from a supported provider/i, message: 'The identity pool does not accept tokens of this user pool and app client. Add the app client to the identity pool\'s Cognito user pool providers (ProviderName and ClientId).' },
  { code: 'NotAuthorizedException', when: /user is disabled/i, message: 'This user is disabled. Enable them on their user page, then sign in again.' },
  { code: 'NotAuthorizedException', when: /token.*(expired|revoked)|invalid (access|login) token/i, message: 'Cognito no longer accepts this token (expired or revoked). Refresh the tokens in step 5, or sign in again in step 4.' },
  { code: 'UserNotConfirmedException', message: 'This user has not confirmed the sign-up yet. Confirm it with the code in step 3, then sign in.' },
  { code: 'PasswordResetRequiredException', message: 'An administrator reset this user\'s password. Use “Forgot password” below: enter the code Cognito sent and a new password, then sign in.' },
  { code: 'UsernameExistsException', message: 'A user with this username already exists in the pool. Choose another username — or, if it is your test user, go on to step 3 or 4.' },
  { code: 'CodeMismatchException', message: 'That is not the code Cognito sent. Check it, or resend a new one.' },
  { code: 'ExpiredCodeException', message: 'That code has expired (sign-up codes live 24 hours, password-reset codes 1 hour). Send a new code and use that one.' },
  { code: 'UserNotFoundException', message: 'Cognito has no such user in this pool. Check the username, or sign up first (step 2).' },
  { code: 'InvalidParameterException', when: /flow not enabled|USER_SRP_AUTH/i, message: 'This app client does not allow USER_SRP_AUTH. Add ALLOW_USER_SRP_AUTH (and ALLOW_REFRESH_TOKEN_AUTH) to its ExplicitAuthFlows, or choose another client in step 1.' },
  { code: 'NetworkError', message: 'Cannot reach AWS. Check the network connection; everything you typed is kept — run the step again.' },
];

export function explainError(error: unknown): StepError {
  const appError = toAppError(error);
  const detail = appError.detail ?? '';
  const rule = RULES.find((r) => r.code === appError.code && (!r.when || r.when.test(detail)));
  const base = toStepError(appError);
  if (!rule) return base;
  const out: StepError = { code: appError.code, message: rule.message };
  if (detail) out.detail = detail;
  return out;
}

export const isSessionExpired = (error: StepError) => error.code === 'NotAuthorizedException' && /session is expired/i.test(error.detail ?? '');
