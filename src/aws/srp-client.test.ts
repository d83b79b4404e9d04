import { Sha256 } from '@aws-crypto/sha256-js';
import { AuthenticationHelper as TypedHelperExport } from 'amazon-cognito-identity-js';
import { Buffer } from 'buffer';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerPasswordVerifier, cognitoTimestamp, startSrp } from './srp-client';

// An independent "server", written with Node's crypto straight from the protocol description, so
// the client is not only checked against code that shares its author's assumptions.
const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const javaHex = (n: bigint) => {
  // Java's BigInteger.toByteArray(): minimal two's-complement bytes, sign byte included.
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (bytes[0]! >= 0x80) bytes.unshift(0);
  return Buffer.from(bytes).toString('hex');
};
const H = (data: Buffer | string) => createHash('sha256').update(data).digest();
const num = (buf: Buffer) => BigInt(`0x${buf.toString('hex')}`);
function pow(b: bigint, e: bigint, m: bigint) {
  let r = 1n;
  b %= m;
  for (; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
  return r;
}

function independentServer(poolName: string, userId: string, password: string) {
  const salt = randomBytes(16);
  const b = num(randomBytes(32));
  const x = num(H(Buffer.concat([Buffer.from(javaHex(num(salt)), 'hex'), Buffer.from(H(`${poolName}${userId}:${password}`).toString('hex'), 'hex')])));
  const v = pow(2n, x, N);
  const k = num(H(Buffer.from(javaHex(N) + javaHex(2n), 'hex')));
  const B = (k * v + pow(2n, b, N)) % N;
  const secretBlock = randomBytes(64).toString('base64');
  return {
    saltHex: salt.toString('hex'),
    srpBHex: B.toString(16),
    secretBlock,
    expectedSignature(srpAHex: string, timestamp: string) {
      const A = BigInt(`0x${srpAHex}`);
      const u = num(H(Buffer.from(javaHex(A) + javaHex(B), 'hex')));
      const S = pow((A * pow(v, u, N)) % N, b, N);
      const prk = createHmac('sha256', Buffer.from(javaHex(u), 'hex')).update(Buffer.from(javaHex(S), 'hex')).digest();
      const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
      return createHmac('sha256', key)
        .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
        .digest('base64');
    },
  };
}

interface BigIntegerLike {
  toString(radix: number): string;
}
interface HelperLike {
  N: BigIntegerLike;
  smallAValue: BigIntegerLike;
  largeAValue?: BigIntegerLike;
  getLargeAValue(cb: (err: unknown, A: BigIntegerLike) => void): void;
  getPasswordAuthenticationKey(u: string, p: string, B: BigIntegerLike, s: BigIntegerLike, cb: (err: unknown, k: Uint8Array) => void): void;
}
const AuthenticationHelper = TypedHelperExport as unknown as new (poolName: string) => HelperLike;

describe('SRP browser client', () => {
  it('produces the claim an independent server expects, and only for the right password', async () => {
    for (let i = 0; i < 6; i++) {
      const server = independentServer('DemoPool1', 'user-id', 'Admin-Passw0rd!');
      const { srpAHex, state } = startSrp();
      const now = new Date(Date.UTC(2026, 10, 25, 14, 2, 3 + i));
      const answer = (password: string) =>
        answerPasswordVerifier({
          state,
          poolName: 'us-east-1_DemoPool1',
          userIdForSrp: 'user-id',
          password,
          saltHex: server.saltHex,
          srpBHex: server.srpBHex,
          secretBlock: server.secretBlock,
          now,
        });
      const good = await answer('Admin-Passw0rd!');
      expect(good.TIMESTAMP).toBe(cognitoTimestamp(now));
      expect(good.PASSWORD_CLAIM_SECRET_BLOCK).toBe(server.secretBlock);
      expect(good.PASSWORD_CLAIM_SIGNATURE).toBe(server.expectedSignature(srpAHex, good.TIMESTAMP));
      const bad = await answer('admin-Passw0rd!');
      expect(bad.PASSWORD_CLAIM_SIGNATURE).not.toBe(server.expectedSignature(srpAHex, bad.TIMESTAMP));
    }
  });

  it('computes the same A and signature as amazon-cognito-identity-js for the same secret a', async () => {
    for (let i = 0; i < 4; i++) {
      const server = independentServer('DemoPool1', 'user-id', 'pw');
      const { srpAHex, state } = startSrp();
      const helper = new AuthenticationHelper('DemoPool1');
      const BigInteger = helper.N.constructor as new (v: string, r: number) => BigIntegerLike;
      helper.smallAValue = new BigInteger(state.smallAHex, 16);
      helper.largeAValue = undefined;
      const A = await new Promise<BigIntegerLike>((resolve) => helper.getLargeAValue((_e, value) => resolve(value)));
      expect(A.toString(16)).toBe(srpAHex);

      const hkdf = await new Promise<Uint8Array>((resolve, reject) =>
        helper.getPasswordAuthenticationKey('user-id', 'pw', new BigInteger(server.srpBHex, 16), new BigInteger(server.saltHex, 16), (e, k) =>
          e ? reject(e) : resolve(k),
        ),
      );
      const now = new Date(Date.UTC(2026, 0, 5, 9, 8, 7));
      const hash = new Sha256(hkdf);
      hash.update(Buffer.concat([Buffer.from('DemoPool1'), Buffer.from('user-id'), Buffer.from(server.secretBlock, 'base64'), Buffer.from(cognitoTimestamp(now))]));
      const official = Buffer.from(hash.digestSync()).toString('base64');

      const ours = await answerPasswordVerifier({
        state,
        poolName: 'DemoPool1',
        userIdForSrp: 'user-id',
        password: 'pw',
        saltHex: server.saltHex,
        srpBHex: server.srpBHex,
        secretBlock: server.secretBlock,
        now,
      });
      expect(ours.PASSWORD_CLAIM_SIGNATURE).toBe(official);
    }
  });

  it('is deterministic with a given random source and refuses a degenerate B', async () => {
    const fixed = (n: number) => new Uint8Array(n).fill(7);
    expect(startSrp(fixed).srpAHex).toBe(startSrp({ bytes: fixed }).srpAHex);
    const { state } = startSrp(fixed);
    await expect(
      answerPasswordVerifier({ state, poolName: 'P', userIdForSrp: 'u', password: 'p', saltHex: '01', srpBHex: N.toString(16), secretBlock: 'AA==' }),
    ).rejects.toThrow(/SRP_B/);
  });

  it('formats TIMESTAMP as Cognito does (no zero-padded day)', () => {
    expect(cognitoTimestamp(new Date(Date.UTC(2026, 10, 25, 14, 2, 3)))).toBe('Wed Nov 25 14:02:03 UTC 2026');
    expect(cognitoTimestamp(new Date(Date.UTC(2026, 1, 1, 0, 0, 0)))).toBe('Sun Feb 1 00:00:00 UTC 2026');
  });
});
