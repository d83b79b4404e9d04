/**
 * Server side of Cognito's SRP-6a variant (USER_SRP_AUTH / PASSWORD_VERIFIER). It must agree bit
 * for bit with the official client math (amazon-cognito-identity-js AuthenticationHelper, Amplify):
 * every number is hashed as Cognito's padded hex, the session key comes from a one-block HKDF with
 * the info string 'Caldera Derived Key', and the claim is an HMAC over pool name, user id, secret
 * block and timestamp.
 *
 * The emulator stores passwords, so the verifier v = g^x is derived per challenge instead of being
 * stored; the caller passes the salt (stable per user, see cognito/srp-identity.ts) or lets it be
 * random (the client simply uses whatever SALT it is given).
 */
import type { Random } from '../random';
import {
  bigIntFromHex,
  concatBytes,
  fromBase64,
  fromHex,
  hmacSha256,
  mod,
  modPow,
  padHex,
  sha256Hex,
  timingSafeEqual,
  toBase64,
  toHex,
  utf8,
} from './bytes';
import { ServiceError } from '../errors';

/** RFC 5054 / RFC 3526 3072-bit MODP group, the one Cognito uses. */
export const SRP_N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
export const SRP_G = 2n;

const INFO = utf8('Caldera Derived Key');

/** Opaque to callers; JSON-serialisable so a pending challenge survives a snapshot or a reload. */
export interface SrpState {
  v: 1;
  poolName: string;
  userIdForSrp: string;
  /** base64 of the 16-byte session key; derived at challenge time so the claim check is one HMAC */
  key: string;
  /** the SECRET_BLOCK handed out with this challenge (see createSrpChallenge) */
  secretBlock: string;
}

export interface SrpChallenge {
  saltHex: string;
  srpBHex: string;
  /** A fresh opaque SECRET_BLOCK (base64) callers may hand out as the challenge's SECRET_BLOCK.
   * Optional to use: the claim's signature covers whatever block the client signed. */
  secretBlock: string;
  state: SrpState;
}

/** 'us-east-1_AbC123' → 'AbC123'; a bare pool name passes through. Pool ids never have '_' after the region. */
export function srpPoolName(poolIdOrName: string): string {
  const i = poolIdOrName.lastIndexOf('_');
  return i === -1 ? poolIdOrName : poolIdOrName.slice(i + 1);
}

const hashHexToBigInt = async (hex: string) => bigIntFromHex(await sha256Hex(fromHex(hex)));

let kCache: Promise<bigint> | undefined;
/** k = H(PAD(N) | PAD(g)), computed once. */
const multiplier = () => (kCache ??= hashHexToBigInt(padHex(SRP_N) + padHex(SRP_G)));

/** x = H(PAD(salt) | hex(H(poolName | userId | ':' | password))) — the hex digest is concatenated as hex. */
export async function passwordExponent(poolName: string, userIdForSrp: string, password: string, salt: bigint): Promise<bigint> {
  const inner = await sha256Hex(`${poolName}${userIdForSrp}:${password}`);
  return hashHexToBigInt(padHex(salt) + inner);
}

/** One-block HKDF-SHA256: PRK = HMAC(salt=PAD(u), ikm=PAD(S)); key = HMAC(PRK, info | 0x01)[0..16). */
export async function sessionKey(S: bigint, u: bigint): Promise<Uint8Array> {
  const prk = await hmacSha256(fromHex(padHex(u)), fromHex(padHex(S)));
  const okm = await hmacSha256(prk, concatBytes(INFO, new Uint8Array([1])));
  return okm.slice(0, 16);
}

function parseSrpA(srpA: string): bigint {
  const trimmed = srpA.trim();
  if (!/^[0-9a-fA-F]+$/.test(trimmed) || trimmed.length > 2048) {
    throw new ServiceError('InvalidParameterException', 'SRP_A is not a valid hexadecimal number.');
  }
  const A = bigIntFromHex(trimmed);
  // A ≡ 0 (mod N) would let a client force S = 0 and sign in without the password.
  if (mod(A, SRP_N) === 0n) throw new ServiceError('InvalidParameterException', 'SRP_A cannot be 0 mod N.');
  return A;
}

/** b, B = kv + g^b and u = H(PAD(A) | PAD(B)), redrawn in the (astronomically rare) degenerate cases. */
async function serverEphemeral(A: bigint, k: bigint, v: bigint, random: Random) {
  for (;;) {
    // 256-bit private exponent: RFC 5054's minimum, and a quarter of the cost of the client's 1024-bit one.
    const b = bigIntFromHex(toHex(random.bytes(32)));
    if (b === 0n) continue;
    const B = mod(k * v + modPow(SRP_G, b, SRP_N), SRP_N);
    if (B === 0n) continue;
    const u = await hashHexToBigInt(padHex(A) + padHex(B));
    if (u !== 0n) return { b, B, u };
  }
}

export async function createSrpChallenge(p: {
  poolName: string;
  userIdForSrp: string;
  password: string;
  srpA: string;
  random: Random;
  /** 16 bytes in hex; random when absent */
  saltHex?: string;
}): Promise<SrpChallenge> {
  const poolName = srpPoolName(p.poolName);
  const A = parseSrpA(p.srpA);
  const k = await multiplier();

  // Cognito hands out SALT as 16 raw bytes in hex (no sign padding); both sides hash PAD(salt).
  const saltHex = p.saltHex ?? toHex(p.random.bytes(16));
  const salt = bigIntFromHex(saltHex);
  const x = await passwordExponent(poolName, p.userIdForSrp, p.password, salt);
  const v = modPow(SRP_G, x, SRP_N);

  const { b, B, u } = await serverEphemeral(A, k, v, p.random);
  const S = modPow(mod(A, SRP_N) * modPow(v, u, SRP_N), b, SRP_N);
  const key = await sessionKey(S, u);
  const secretBlock = toBase64(p.random.bytes(96));
  return {
    saltHex,
    srpBHex: B.toString(16),
    secretBlock,
    state: { v: 1, poolName, userIdForSrp: p.userIdForSrp, key: toBase64(key), secretBlock },
  };
}

/** The client's claim: HMAC-SHA256(K, poolName | userIdForSrp | secretBlockBytes | timestamp), base64. */
export async function verifySrpClaim(
  state: SrpState,
  claim: { secretBlock: string; timestamp: string; signature: string },
): Promise<boolean> {
  let secretBlockBytes: Uint8Array;
  let signature: Uint8Array;
  try {
    secretBlockBytes = fromBase64(claim.secretBlock);
    signature = fromBase64(claim.signature);
  } catch {
    return false;
  }
  const message = concatBytes(utf8(state.poolName), utf8(state.userIdForSrp), secretBlockBytes, utf8(claim.timestamp));
  const expected = await hmacSha256(fromBase64(state.key), message);
  return timingSafeEqual(expected, signature);
}

/** Cognito's TIMESTAMP format, 'Tue Nov 25 14:02:03 UTC 2026' (day of month not zero-padded). */
export function srpTimestamp(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${date.getUTCDate()} ${two(date.getUTCHours())}:${two(
    date.getUTCMinutes(),
  )}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}
