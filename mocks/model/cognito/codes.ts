/**
 * One-time codes: 6 digits, single use, the newest replacing any earlier one for the same purpose,
 * expiring as Cognito documents (sign-up and attribute verification 24 hours, forgot password 1
 * hour), and locked after repeated wrong guesses.
 */
import { ServiceError } from '../errors';
import type { Engine } from './engine';
import type { CodePurpose, CodeRecord, UserRecord } from './state';

const HOUR = 60 * 60 * 1000;
export const CODE_TTL: Record<CodePurpose, number> = {
  signUp: 24 * HOUR,
  forgotPassword: HOUR,
  'verify:email': 24 * HOUR,
  'verify:phone_number': 24 * HOUR,
};

/** Wrong guesses in a row before codes are refused for a while. */
export const MAX_CODE_FAILURES = 5;
export const CODE_LOCK_MS = 15 * 60 * 1000;

export const codeMismatch = () => new ServiceError('CodeMismatchException', 'Invalid verification code provided, please try again.');
export const codeExpired = () => new ServiceError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
export const attemptLimit = () => new ServiceError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');

export function issueCode(engine: Engine, user: UserRecord, purpose: CodePurpose, attribute?: CodeRecord['attribute']): string {
  const code = engine.env.random.digits(6);
  user.codes[purpose] = { code, expiresAt: engine.env.clock.now() + CODE_TTL[purpose], attribute };
  return code;
}

/** Consumes the code when it matches; otherwise throws Cognito's exception for the case. */
export function consumeCode(engine: Engine, user: UserRecord, purpose: CodePurpose, given: string): CodeRecord {
  const now = engine.env.clock.now();
  if (user.failures.codeLockedUntil !== undefined && now < user.failures.codeLockedUntil) throw attemptLimit();
  const record = user.codes[purpose];
  // A code already used (or never sent) is "expired" to Cognito: ask for a new one.
  if (!record) throw codeExpired();
  if (record.code !== given) {
    user.failures.code++;
    if (user.failures.code >= MAX_CODE_FAILURES) {
      user.failures.code = 0;
      user.failures.codeLockedUntil = now + CODE_LOCK_MS;
      throw attemptLimit();
    }
    throw codeMismatch();
  }
  if (now >= record.expiresAt) {
    delete user.codes[purpose];
    throw codeExpired();
  }
  delete user.codes[purpose];
  user.failures.code = 0;
  user.failures.codeLockedUntil = undefined;
  return record;
}
