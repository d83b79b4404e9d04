import { FetchError, JwtBaseError, JwtExpiredError } from 'aws-jwt-verify/error';

export interface AppErrorOptions {
  retryable?: boolean;
  status?: number;
  detail?: string;
  reauthenticate?: boolean;
  cause?: unknown;
}

/**
 * The one error type the app sees. `message` is a sentence an operator understands, saying what
 * happened and what to do; `detail` keeps AWS's own words for those who need them.
 */
export class AppError extends Error {
  override name = 'AppError';
  /** AWS's error name (e.g. 'NotAuthorizedException') or one of ours ('NetworkError', 'InvalidToken', …). */
  code: string;
  /** Trying the same request again later may succeed (throttling, network, transient AWS faults). */
  retryable: boolean;
  status?: number;
  /** AWS's original message, when there was one. */
  detail?: string;
  /** The session is no longer usable; the operator has to sign in again. */
  reauthenticate: boolean;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.reauthenticate = options.reauthenticate ?? false;
    if (options.status !== undefined) this.status = options.status;
    if (options.detail !== undefined) this.detail = options.detail;
  }
}

type Mapping = (detail: string) => { message: string; retryable?: boolean; reauthenticate?: boolean };

const withDetail = (sentence: string, detail: string) => (detail ? `${sentence} (${trimStop(detail)}).` : `${sentence}.`);
const trimStop = (text: string) => text.trim().replace(/\.+$/, '');

const RETRY_SOON = 'Wait a moment and try again.';

/** Cognito's NotAuthorizedException covers very different situations; its message tells them apart. */
const notAuthorized: Mapping = (detail) => {
  if (/incorrect username or password/i.test(detail)) {
    return { message: 'The username or password is incorrect. Check both and try again.' };
  }
  if (/user is disabled/i.test(detail)) {
    return { message: 'This account is disabled. Ask another administrator to enable it.' };
  }
  if (/password attempts exceeded/i.test(detail)) {
    return { message: 'Too many failed sign-in attempts for this account. Wait a few minutes before trying again.' };
  }
  if (/session is expired|invalid session/i.test(detail)) {
    return { message: 'This sign-in step took too long and has expired. Start signing in again.', reauthenticate: true };
  }
  if (/token (has been revoked|has expired|expired)|invalid (login|refresh|access) token|token is not valid/i.test(detail)) {
    return { message: 'Your session has ended. Sign in again.', reauthenticate: true };
  }
  if (/configured for secret|secret hash/i.test(detail)) {
    return { message: 'The configured app client has a client secret, which a browser app cannot keep. Create an app client without a secret and put its id in the config.' };
  }
  if (/ambiguous role mapping/i.test(detail)) {
    return { message: 'The identity pool gives this account no AWS role: its role mapping refused it. Only members of the admin group get credentials to administer the pool.' };
  }
  if (/unauthenticated access is not supported/i.test(detail)) {
    return { message: 'The identity pool refused to issue credentials. Sign in again; if it keeps happening, check the identity pool\'s authentication providers.', reauthenticate: true };
  }
  return { message: withDetail('Cognito refused this request', detail) };
};

/** "User: arn:… is not authorized to perform: cognito-idp:AdminDeleteUser on resource: arn:…" */
const accessDenied: Mapping = (detail) => {
  const match = /perform:?\s*([\w-]+:[\w*]+)(?:\s+on resource:?\s*(\S+?))?(?:\s|$|\.|,)/i.exec(detail);
  if (match) {
    const resource = match[2] ? ` on ${match[2]}` : '';
    return { message: `Your role does not allow ${match[1]}${resource}. Ask whoever manages the identity pool's admin role to grant it.` };
  }
  return { message: withDetail('Your role does not allow this action. Ask whoever manages the identity pool\'s admin role to grant it', detail) };
};

/** What AWS's member paths ('username', 'userAttributes.2.member.value') are, in words. */
const MEMBER_WORDS: [RegExp, string][] = [
  [/^username$/i, 'the username'],
  [/^(temporaryPassword|password|proposedPassword|previousPassword)$/i, 'the password'],
  [/^userAttributes\.\d+\.member\.value$/i, 'an attribute value'],
  [/^userAttributes\.\d+\.member\.name$|^userAttributeNames/i, 'an attribute name'],
  [/^groupName$/i, 'the group name'],
  [/^filter$/i, 'the search'],
  [/^limit$/i, 'the page size'],
  [/^(paginationToken|nextToken)$/i, 'the page token'],
  [/^userPoolId$/i, 'the user pool id'],
  [/^clientId$/i, 'the app client id'],
  [/^(confirmationCode|code|userCode)$/i, 'the code'],
  [/^description$/i, 'the description'],
];

// Cognito's name pattern: letters, marks, symbols, numbers and punctuation — so no whitespace and
// no control characters.
const NAME_PATTERN = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+';

const quote = (value: string) => (value.length > 40 ? `“${value.slice(0, 37)}…”` : `“${value}”`);

/** One "Value … at 'x' failed to satisfy constraint: Member must …" clause as a sentence. */
function constraintSentence(clause: string): string | undefined {
  const match = /^Value (?:'([\s\S]*)' |null )?at '([^']+)' failed to satisfy constraint: Member must ([\s\S]+)$/.exec(clause.trim());
  if (!match) return undefined;
  const [, value, path = '', rule = ''] = match;
  const who = MEMBER_WORDS.find(([pattern]) => pattern.test(path))?.[1] ?? `the value of ${quote(path)}`;
  const Who = who.charAt(0).toUpperCase() + who.slice(1);
  const shown = value !== undefined && who !== 'the password' ? ` ${quote(value)}` : '';
  let m: RegExpExecArray | null;
  if ((m = /^have length less than or equal to (\d+)/.exec(rule))) return `${Who}${shown} is too long: Cognito accepts at most ${m[1]} characters.`;
  if ((m = /^have length greater than or equal to (\d+)/.exec(rule))) return `${Who}${shown} is too short: Cognito needs at least ${m[1]} character${m[1] === '1' ? '' : 's'}.`;
  if ((m = /^have value less than or equal to (\d+)/.exec(rule))) return `${Who}${shown} is too large: at most ${m[1]}.`;
  if ((m = /^have value greater than or equal to (\d+)/.exec(rule))) return `${Who}${shown} is too small: at least ${m[1]}.`;
  if (/^not be null/.test(rule)) return `${Who} is missing.`;
  if ((m = /enum value set: \[([^\]]*)\]/.exec(rule))) return `${Who}${shown} is not one Cognito accepts: use one of ${m[1]}.`;
  if ((m = /^satisfy regular expression pattern: ([\s\S]+)$/.exec(rule))) {
    if (m[1]!.trim() === NAME_PATTERN) return `${Who}${shown} contains spaces, line breaks or other invisible characters, which Cognito does not accept.`;
    if (/\[\\S\]/.test(m[1]!)) return `${Who} cannot start or end with a space.`;
    return `${Who}${shown} contains characters Cognito does not accept there.`;
  }
  return `${Who}${shown} is not a value Cognito accepts.`;
}

/**
 * "2 validation errors detected: Value … at 'username' failed to satisfy constraint: …; Value …"
 * (the API model's length, range, pattern and enum checks) as sentences, or undefined for other
 * messages.
 */
export function explainConstraintErrors(detail: string): string | undefined {
  const body = /^\d+ validation errors? detected:\s*([\s\S]*)$/.exec(detail.trim())?.[1];
  if (body === undefined) return undefined;
  // Clauses are joined by "; " before the next "Value …"; a value may itself hold "; ".
  const clauses = body.split(/;\s*(?=Value (?:'|null |at ))/);
  const sentences = clauses.map(constraintSentence);
  if (sentences.some((s) => s === undefined)) return undefined;
  return sentences.join(' ');
}

const MAPPINGS: Record<string, Mapping> = {
  NotAuthorizedException: notAuthorized,
  UserNotFoundException: () => ({ message: 'No user with that username exists in this pool. Check the username.' }),
  UserNotConfirmedException: () => ({
    message: 'This account has not been confirmed yet. Confirm the sign-up with the emailed code (or ask an administrator to confirm it), then sign in.',
  }),
  PasswordResetRequiredException: () => ({
    message: 'An administrator has reset this account\'s password. Set a new one with the code Cognito sent, or ask another administrator to set it, then sign in.',
  }),
  CodeMismatchException: () => ({ message: 'That code is not correct. Check it and try again.' }),
  ExpiredCodeException: () => ({ message: 'That code has expired. Request a new one.' }),
  EnableSoftwareTokenMFAException: () => ({
    message: 'The code did not match your authenticator app. Check that the app and this computer show the right time, then enter the current code.',
  }),
  SoftwareTokenMFANotFoundException: () => ({ message: 'No authenticator app is set up for this account.' }),
  MFAMethodNotFoundException: () => ({ message: 'The account has no MFA method that this pool accepts.' }),
  InvalidPasswordException: (detail) => {
    const policy = detail.replace(/^password (?:does|did) not conform (?:to|with) policy:\s*/i, '');
    return { message: withDetail('The password does not meet the pool\'s password policy', policy) + ' Choose one that does.' };
  },
  PasswordHistoryPolicyViolationException: () => ({ message: 'This password was used recently on this account. Choose a different one.' }),
  LimitExceededException: (detail) => ({ message: withDetail('Cognito\'s limit for this action has been reached', detail) + ' Wait a while before trying again.' }),
  TooManyRequestsException: () => ({ message: `Too many requests reached AWS at once. ${RETRY_SOON}`, retryable: true }),
  ThrottlingException: () => ({ message: `AWS is throttling requests. ${RETRY_SOON}`, retryable: true }),
  Throttling: (detail) =>
    /daily message quota/i.test(detail)
      ? { message: 'SES\'s daily sending quota is used up. Wait until older messages leave the 24-hour window, or ask AWS for a higher quota.' }
      : { message: withDetail('SES is throttling requests', detail) + ` ${RETRY_SOON}`, retryable: true },
  TooManyFailedAttemptsException: () => ({ message: 'Too many failed attempts. Wait a while before trying again.' }),
  AccessDeniedException: accessDenied,
  AccessDenied: accessDenied,
  ExpiredTokenException: () => ({ message: 'The temporary AWS credentials expired. Poolkeeper fetches new ones; try again.', retryable: true }),
  UnrecognizedClientException: () => ({ message: 'AWS did not recognise the credentials this session holds. Sign in again.', reauthenticate: true }),
  InvalidClientTokenId: () => ({ message: 'AWS did not recognise the credentials this session holds. Sign in again.', reauthenticate: true }),
  MissingAuthenticationTokenException: () => ({ message: 'The request reached AWS without credentials. Sign in again.', reauthenticate: true }),
  InvalidSignatureException: () => ({ message: 'AWS rejected the request\'s signature. Check that this computer\'s clock is right, then try again.' }),
  SignatureDoesNotMatch: () => ({ message: 'AWS rejected the request\'s signature. Check that this computer\'s clock is right, then try again.' }),
  ResourceNotFoundException: (detail) => ({ message: withDetail('Cognito could not find what this request refers to', detail) + ' Check the ids in the dashboard\'s configuration.' }),
  InvalidParameterException: (detail) =>
    /flow not enabled/i.test(detail)
      ? { message: withDetail('The app client does not allow this kind of sign-in', detail) + ' Enable ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH on the client.' }
      : { message: explainConstraintErrors(detail) ?? withDetail('Cognito rejected a value in this request', detail) },
  // The same model checks, as services that answer them under this name report them.
  ValidationException: (detail) => ({ message: explainConstraintErrors(detail) ?? withDetail('AWS rejected a value in this request', detail) }),
  InvalidParameterValue: (detail) => ({ message: withDetail('SES rejected a value in this request', detail) }),
  UsernameExistsException: () => ({ message: 'A user with this username already exists in the pool.' }),
  AliasExistsException: () => ({ message: 'Another account already uses this email address or phone number.' }),
  GroupExistsException: () => ({ message: 'A group with this name already exists.' }),
  UnsupportedUserStateException: (detail) => ({ message: withDetail('This is not possible in the user\'s current state', detail) }),
  InvalidUserPoolConfigurationException: (detail) => ({ message: withDetail('The user pool\'s settings do not allow this', detail) }),
  CodeDeliveryFailureException: (detail) => ({ message: withDetail('Cognito could not deliver the code', detail) }),
  InvalidEmailRoleAccessPolicyException: (detail) => ({ message: withDetail('Cognito may not send email with the pool\'s SES settings', detail) }),
  UserLambdaValidationException: (detail) => ({ message: withDetail('A Lambda trigger on the pool refused this', detail) }),
  UnexpectedLambdaException: (detail) => ({ message: withDetail('A Lambda trigger on the pool failed', detail) }),
  InvalidLambdaResponseException: (detail) => ({ message: withDetail('A Lambda trigger on the pool answered something Cognito could not use', detail) }),
  ForbiddenException: () => ({ message: 'AWS WAF blocked this request.' }),
  ConcurrentModificationException: () => ({ message: `Someone else changed this at the same moment. ${RETRY_SOON}`, retryable: true }),
  InvalidIdentityPoolConfigurationException: (detail) => ({
    message: withDetail('The identity pool is not set up correctly', detail) + ' Check its role mapping (see the README\'s live AWS section).',
  }),
  ExternalServiceException: () => ({ message: `Cognito Identity could not reach the user pool. ${RETRY_SOON}`, retryable: true }),
  MessageRejected: (detail) => ({ message: withDetail('SES refused the email', detail) }),
  MailFromDomainNotVerifiedException: () => ({ message: 'SES has not verified the sender\'s MAIL FROM domain.' }),
  AccountSendingPausedException: () => ({ message: 'Sending is paused for this SES account.' }),
  InternalErrorException: () => ({ message: `AWS had an internal error. ${RETRY_SOON}`, retryable: true }),
  InternalFailure: () => ({ message: `AWS had an internal error. ${RETRY_SOON}`, retryable: true }),
  ServiceUnavailable: () => ({ message: `The AWS service is unavailable right now. ${RETRY_SOON}`, retryable: true }),
};

const NETWORK_MESSAGES = /failed to fetch|networkerror|network error|load failed|fetch failed|socket hang up/i;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE']);

interface SdkLikeError {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Turns anything thrown (SDK errors, fetch failures, token checks, our own AppErrors) into an AppError. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof JwtBaseError) return fromTokenError(error);

  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLikeError;
  const name = typeof e.name === 'string' ? e.name : '';
  const detail = typeof e.message === 'string' ? e.message : typeof error === 'string' ? error : '';
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const withStatus = status === undefined ? {} : { status };

  if (name === 'AbortError') {
    return new AppError('AbortError', 'The request was cancelled.', { detail, cause: error });
  }
  if (name === 'TimeoutError') {
    return new AppError('NetworkError', 'AWS did not answer in time. Check your network connection and try again.', { retryable: true, detail, cause: error });
  }
  if (isNetworkFailure(e, name, detail)) {
    return new AppError('NetworkError', 'Cannot reach AWS. Check your network connection and try again.', { retryable: true, detail, cause: error });
  }

  const mapping = MAPPINGS[name];
  if (mapping) {
    const mapped = mapping(detail);
    return new AppError(name, mapped.message, {
      retryable: mapped.retryable ?? false,
      reauthenticate: mapped.reauthenticate ?? false,
      detail,
      cause: error,
      ...withStatus,
    });
  }

  const serverFault = e.$fault === 'server' || (status !== undefined && status >= 500);
  if (name && (e.$fault !== undefined || e.$metadata !== undefined)) {
    return new AppError(name, serverFault ? `AWS had a problem answering (${name}). ${RETRY_SOON}` : withDetail(`AWS refused the request with ${name}`, detail), {
      retryable: serverFault || e.$retryable !== undefined,
      detail,
      cause: error,
      ...withStatus,
    });
  }
  return new AppError(name && name !== 'Error' ? name : 'UnexpectedError', detail ? `Something went wrong: ${trimStop(detail)}.` : 'Something went wrong.', {
    detail,
    cause: error,
  });
}

function isNetworkFailure(e: SdkLikeError, name: string, detail: string): boolean {
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  return (name === 'TypeError' || name === 'NetworkError' || name === 'Error') && NETWORK_MESSAGES.test(detail);
}

function fromTokenError(error: JwtBaseError): AppError {
  if (error instanceof FetchError) {
    return new AppError('NetworkError', 'Could not load the pool\'s signing keys to check the sign-in token. Check your network connection and try again.', {
      retryable: true,
      detail: error.message,
      cause: error,
    });
  }
  if (error instanceof JwtExpiredError) {
    return new AppError('InvalidToken', 'Your session has ended. Sign in again.', { reauthenticate: true, detail: error.message, cause: error });
  }
  return new AppError('InvalidToken', withDetail('The sign-in token could not be verified', error.message) + ' Sign in again; if it keeps happening, check the pool and client ids in the configuration.', {
    reauthenticate: true,
    detail: error.message,
    cause: error,
  });
}
