/** Identifiers in Cognito's formats: pool ids, app client ids and secrets, opaque token strings. */
import type { Random } from '../random';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function randomString(random: Random, alphabet: string, length: number): string {
  const bytes = random.bytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

/** 'us-east-1_AbC123xyZ' */
export const newPoolId = (random: Random, region: string) => `${region}_${randomString(random, ALNUM, 9)}`;

/** 26 lower-case letters and digits, like Cognito's app client ids. */
export const newClientId = (random: Random) => randomString(random, LOWER_ALNUM, 26);

export const newClientSecret = (random: Random) => randomString(random, LOWER_ALNUM, 51);

/** A long opaque string in the URL-safe alphabet (sessions, refresh tokens). */
export const opaque = (random: Random, length: number) => randomString(random, B64URL, length);
