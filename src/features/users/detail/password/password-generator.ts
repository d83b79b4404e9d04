import type { PasswordPolicy } from '@/lib/password-policy';

/** Returns a uniformly distributed integer in [0, maxExclusive). */
export type RandomInt = (maxExclusive: number) => number;

/**
 * Unbiased integers from crypto.getRandomValues: values from the incomplete top bucket are
 * rejected so every result is equally likely (a plain modulo would favour small numbers).
 */
export const cryptoRandomInt: RandomInt = (maxExclusive) => {
  if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 2 ** 32) {
    throw new RangeError(`maxExclusive must be an integer in 1..2^32, got ${maxExclusive}`);
  }
  const limit = 2 ** 32 - (2 ** 32 % maxExclusive);
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % maxExclusive;
  }
};

// Look-alikes (I/l/1, O/0) and quoting characters are left out: temporary passwords are read
// from an email and typed by a person.
const uppercase = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const lowercase = 'abcdefghijkmnopqrstuvwxyz';
const digits = '23456789';
const symbols = '!#%&*+-=?@^_~';
const classes = [uppercase, lowercase, digits, symbols];

export const generatedPasswordLength = 16;

/**
 * A password that satisfies `policy` whatever it requires: one character of every class (any
 * policy accepts all four), the rest from the union, shuffled so the classes' positions are not
 * predictable.
 */
export function generatePassword(policy: PasswordPolicy, randomInt: RandomInt = cryptoRandomInt): string {
  const length = Math.min(256, Math.max(policy.minimumLength, generatedPasswordLength));
  const pick = (alphabet: string) => alphabet.charAt(randomInt(alphabet.length));
  const all = classes.join('');
  const chars = classes.map(pick);
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
