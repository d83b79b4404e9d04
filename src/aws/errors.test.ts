import { NotAuthorizedException, TooManyRequestsException } from '@aws-sdk/client-cognito-identity-provider';
import { JwtExpiredError, JwtInvalidIssuerError } from 'aws-jwt-verify/error';
import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors';

/** What the SDK throws for a modelled or unmodelled service error. */
function awsError(name: string, message: string, status = 400, fault: 'client' | 'server' = 'client') {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status } });
}

describe('toAppError', () => {
  it('maps the SDK’s own exception classes', () => {
    const error = toAppError(
      new NotAuthorizedException({ message: 'Incorrect username or password.', $metadata: { httpStatusCode: 400 } }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'The username or password is incorrect. Check both and try again.',
      retryable: false,
      status: 400,
      detail: 'Incorrect username or password.',
    });
    const throttled = toAppError(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    expect(throttled).toMatchObject({ code: 'TooManyRequestsException', retryable: true });
  });

  it.each([
    ['User is disabled.', /account is disabled/, false],
    ['Password attempts exceeded', /Too many failed sign-in attempts/, false],
    ['Invalid session for the user, session is expired.', /took too long and has expired/, true],
    ['Refresh Token has been revoked', /session has ended/, true],
    ['Access Token has been revoked', /session has ended/, true],
    ['Invalid login token. Token expired: 1700000000 >= 1690000000', /session has ended/, true],
    ['The ambiguous role mapping rules for: cognito-idp.us-east-1.amazonaws.com/us-east-1_X denied this request.', /no AWS role: its role mapping refused it/, false],
    ['Client abc is configured for secret but secret was not received', /has a client secret.*without a secret/, false],
    ['Something else entirely', /^Cognito refused this request \(Something else entirely\)\.$/, false],
  ])('tells NotAuthorizedException "%s" apart', (detail, message, reauthenticate) => {
    const error = toAppError(awsError('NotAuthorizedException', detail));
    expect(error.message).toMatch(message);
    expect(error.reauthenticate).toBe(reauthenticate);
  });

  it.each([
    ['UserNotFoundException', 'User does not exist.', /No user with that username/],
    ['UserNotConfirmedException', 'User is not confirmed.', /has not been confirmed/],
    ['PasswordResetRequiredException', 'Password reset required for the user', /has reset this account's password/],
    ['CodeMismatchException', 'Invalid verification code provided, please try again.', /That code is not correct/],
    ['ExpiredCodeException', 'Invalid code provided, please request a code again.', /That code has expired\. Request a new one\./],
    ['LimitExceededException', 'Attempt limit exceeded, please try after some time.', /limit for this action has been reached \(Attempt limit exceeded/],
    ['UsernameExistsException', 'An account with the given email already exists.', /already exists in the pool/],
    ['ResourceNotFoundException', 'User pool us-east-1_Nope does not exist.', /could not find .*us-east-1_Nope does not exist.*Check the ids/],
    ['InvalidParameterException', '1 validation error detected', /rejected a value in this request \(1 validation error detected\)/],
    ['EnableSoftwareTokenMFAException', 'Code mismatch', /did not match your authenticator app/],
    ['InvalidSignatureException', 'Signature expired', /clock is right/],
    ['UnrecognizedClientException', 'The security token included in the request is invalid.', /Sign in again/],
    ['InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.', /identity pool is not set up correctly/],
    ['MessageRejected', 'Email address is not verified.', /SES refused the email \(Email address is not verified\)/],
  ])('explains %s', (name, detail, message) => {
    const error = toAppError(awsError(name, detail));
    expect(error.code).toBe(name);
    expect(error.message).toMatch(message);
    expect(error.detail).toBe(detail);
  });

  it.each([
    [
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
      'The username is too long: Cognito accepts at most 128 characters.',
    ],
    [
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
      'The username contains spaces, line breaks or other invisible characters, which Cognito does not accept.',
    ],
    [
      "2 validation errors detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60; Value at 'userAttributes.2.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048",
      'The page size “61” is too large: at most 60. An attribute value is too long: Cognito accepts at most 2048 characters.',
    ],
    [
      "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$",
      'The password cannot start or end with a space.',
    ],
    [
      "1 validation error detected: Value 'x y' at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
      'The group name “x y” contains spaces, line breaks or other invisible characters, which Cognito does not accept.',
    ],
    [
      "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
      'The user pool id is missing.',
    ],
    [
      "1 validation error detected: Value 'FAX' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
      'The value of “messageAction” “FAX” is not one Cognito accepts: use one of RESEND, SUPPRESS.',
    ],
  ])('turns the API model’s constraint message into sentences: %s', (detail, message) => {
    const error = toAppError(awsError('InvalidParameterException', detail));
    expect(error.message).toBe(message);
    expect(error.message).not.toMatch(/failed to satisfy|\\p\{/);
    expect(error.detail).toBe(detail);
  });

  it('says how to fix an app client that does not allow SRP', () => {
    expect(toAppError(awsError('InvalidParameterException', 'Auth flow not enabled for this client')).message).toBe(
      'The app client does not allow this kind of sign-in (Auth flow not enabled for this client). Enable ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH on the client.',
    );
  });

  it('keeps AWS’s password policy detail', () => {
    for (const detail of ['Password did not conform with policy: Password must have uppercase characters', 'Password does not conform to policy: Password not long enough']) {
      const error = toAppError(awsError('InvalidPasswordException', detail));
      expect(error.message).toMatch(/^The password does not meet the pool's password policy \(Password (must have uppercase characters|not long enough)\)\. Choose one that does\.$/);
    }
  });

  it('names the action and resource IAM refused', () => {
    const error = toAppError(
      awsError(
        'AccessDeniedException',
        'User: arn:aws:sts::000000000000:assumed-role/PoolkeeperAuthenticated/CognitoIdentityCredentials is not authorized to perform: cognito-idp:AdminDeleteUser on resource: arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_DemoPool1 because no identity-based policy allows the cognito-idp:AdminDeleteUser action',
      ),
    );
    expect(error.message).toBe(
      "Your role does not allow cognito-idp:AdminDeleteUser on arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_DemoPool1. Ask whoever manages the identity pool's admin role to grant it.",
    );
    expect(toAppError(awsError('AccessDenied', 'Access denied')).message).toMatch(/^Your role does not allow this action/);
  });

  it('marks throttling, expired credentials and server faults retryable', () => {
    expect(toAppError(awsError('Throttling', 'Maximum sending rate exceeded.')).retryable).toBe(true);
    expect(toAppError(awsError('Throttling', 'Daily message quota exceeded.'))).toMatchObject({ retryable: false, message: expect.stringMatching(/daily sending quota is used up/) });
    expect(toAppError(awsError('ExpiredTokenException', 'The security token included in the request is expired')).retryable).toBe(true);
    expect(toAppError(awsError('InternalErrorException', 'boom', 500, 'server')).retryable).toBe(true);
    const unknownServer = toAppError(awsError('SomethingNewException', 'eh', 503, 'server'));
    expect(unknownServer).toMatchObject({ code: 'SomethingNewException', retryable: true, status: 503 });
    const unknownClient = toAppError(awsError('SomethingNewException', 'Bad thing.', 400));
    expect(unknownClient).toMatchObject({ retryable: false, message: 'AWS refused the request with SomethingNewException (Bad thing).' });
  });

  it('recognises network failures in browsers and Node', () => {
    for (const error of [new TypeError('Failed to fetch'), new TypeError('NetworkError when attempting to fetch resource.'), new TypeError('Load failed'), Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9229'), { code: 'ECONNREFUSED' })]) {
      expect(toAppError(error)).toMatchObject({ code: 'NetworkError', retryable: true, message: 'Cannot reach AWS. Check your network connection and try again.' });
    }
    expect(toAppError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(toAppError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toMatchObject({ code: 'AbortError', retryable: false });
  });

  it('turns token verification failures into "sign in again"', () => {
    const expired = toAppError(new JwtExpiredError('Token expired at 2026-01-01', 1));
    expect(expired).toMatchObject({ code: 'InvalidToken', reauthenticate: true, message: 'Your session has ended. Sign in again.' });
    const issuer = toAppError(new JwtInvalidIssuerError('Issuer not allowed: x', 'x', 'y'));
    expect(issuer.message).toMatch(/^The sign-in token could not be verified \(Issuer not allowed: x\)\. Sign in again/);
  });

  it('passes AppErrors through and wraps anything else', () => {
    const original = new AppError('Custom', 'A sentence.', { retryable: true });
    expect(toAppError(original)).toBe(original);
    expect(toAppError('just a string')).toMatchObject({ code: 'UnexpectedError', message: 'Something went wrong: just a string.' });
    expect(toAppError(undefined)).toMatchObject({ code: 'UnexpectedError', message: 'Something went wrong.' });
    expect(toAppError(new RangeError('Out of range.'))).toMatchObject({ code: 'RangeError', message: 'Something went wrong: Out of range.' });
  });
});
