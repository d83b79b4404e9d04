/**
 * Client side of Cognito's USER_SRP_AUTH (SRP-6a over the RFC 5054 3072-bit group), so the operator's
 * password never leaves the browser. Only math: the caller sends SRP_A with InitiateAuth and the
 * returned responses with RespondToAuthChallenge (PASSWORD_VERIFIER).
 *
 * Cognito's quirks that must match bit for bit: numbers are hashed as "padded hex" (even length,
 * 00 in front when the high bit is set), x hashes the hex digest of H(pool|user:password) as hex,
 * and the session key is a single HKDF block with the info 'Caldera Derived Key'.
 */

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';
const N = BigInt(`0x${N_HEX}`);
const g = 2n;

/** Where the private value comes from; tests pass a deterministic source. */
export type SrpRandomSource = { bytes(length: number): Uint8Array } | ((length: number) => Uint8Array);

/** Kept between InitiateAuth and RespondToAuthChallenge; plain strings so it can go into sessionStorage. */
export interface SrpClientState {
  smallAHex: string;
  largeAHex: string;
}

export interface PasswordVerifierResponses {
  PASSWORD_CLAIM_SIGNATURE: string;
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  TIMESTAMP: string;
}

const encoder = new TextEncoder();

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function bytesOfHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

function padded(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return '89abcdef'.includes(hex[0]!) ? `00${hex}` : hex;
}

function positiveMod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function powMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = positiveMod(base, modulus);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

async function digest(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

async function hmac(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, data));
}

const hashOfHex = async (hex: string) => hexOf(await digest(bytesOfHex(hex)));

function join(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function base64Of(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function bytesOfBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function drawBytes(length: number, random?: SrpRandomSource): Uint8Array {
  if (!random) return crypto.getRandomValues(new Uint8Array(length));
  return typeof random === 'function' ? random(length) : random.bytes(length);
}

/** 'Tue Nov 25 14:02:03 UTC 2026', as Cognito expects TIMESTAMP (day of month not zero-padded). */
export function cognitoTimestamp(date: Date): string {
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()];
  const time = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return `${weekday} ${month} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}

/** Step 1: a fresh private value a (1024 bits, like the AWS client) and A = g^a mod N for SRP_A. */
export function startSrp(random?: SrpRandomSource): { srpAHex: string; state: SrpClientState } {
  for (;;) {
    const a = BigInt(`0x${hexOf(drawBytes(128, random))}`);
    const A = powMod(g, a, N);
    if (a === 0n || A === 0n) continue;
    const srpAHex = A.toString(16);
    return { srpAHex, state: { smallAHex: a.toString(16), largeAHex: srpAHex } };
  }
}

/**
 * Step 2: answer PASSWORD_VERIFIER. `poolName` is the part of the pool id after '_' (a full pool id
 * is accepted too); `userIdForSrp` is the challenge's USER_ID_FOR_SRP, not what the operator typed.
 */
export async function answerPasswordVerifier(p: {
  state: SrpClientState;
  poolName: string;
  userIdForSrp: string;
  password: string;
  saltHex: string;
  srpBHex: string;
  secretBlock: string;
  now?: Date;
}): Promise<PasswordVerifierResponses> {
  const poolName = p.poolName.includes('_') ? p.poolName.slice(p.poolName.lastIndexOf('_') + 1) : p.poolName;
  const a = BigInt(`0x${p.state.smallAHex}`);
  const A = BigInt(`0x${p.state.largeAHex}`);
  const B = BigInt(`0x${p.srpBHex}`);
  if (positiveMod(B, N) === 0n) throw new Error('SRP_B from the server is 0 mod N; refusing to continue.');
  const salt = BigInt(`0x${p.saltHex}`);

  const k = BigInt(`0x${await hashOfHex(padded(N) + padded(g))}`);
  const u = BigInt(`0x${await hashOfHex(padded(A) + padded(B))}`);
  if (u === 0n) throw new Error('SRP scrambling parameter is 0; refusing to continue.');

  const identityHash = hexOf(await digest(encoder.encode(`${poolName}${p.userIdForSrp}:${p.password}`)));
  const x = BigInt(`0x${await hashOfHex(padded(salt) + identityHash)}`);
  const S = powMod(positiveMod(B - k * powMod(g, x, N), N), a + u * x, N);

  const prk = await hmac(bytesOfHex(padded(u)), bytesOfHex(padded(S)));
  const key = (await hmac(prk, join(encoder.encode('Caldera Derived Key'), Uint8Array.of(1)))).slice(0, 16);

  const timestamp = cognitoTimestamp(p.now ?? new Date());
  const message = join(
    encoder.encode(poolName),
    encoder.encode(p.userIdForSrp),
    bytesOfBase64(p.secretBlock),
    encoder.encode(timestamp),
  );
  const signature = await hmac(key, message);
  return {
    PASSWORD_CLAIM_SIGNATURE: base64Of(signature),
    PASSWORD_CLAIM_SECRET_BLOCK: p.secretBlock,
    TIMESTAMP: timestamp,
  };
}
