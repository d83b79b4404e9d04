import { Sha256 } from '@aws-crypto/sha256-js';
import {
  AuthenticationDetails,
  AuthenticationHelper as TypedHelperExport,
  CognitoUser,
  CognitoUserPool,
  DateHelper as TypedDateHelperExport,
} from 'amazon-cognito-identity-js';
import { Buffer } from 'buffer'; // the same package CognitoUser builds its claim with
import { describe, expect, it } from 'vitest';
import { answerPasswordVerifier, startSrp } from '../../../src/aws/srp-client';
import { ServiceError } from '../errors';
import { cryptoRandom, seededRandom } from '../random';
import { padHex } from './bytes';
import { createSrpChallenge, SRP_N, srpPoolName, srpTimestamp, verifySrpClaim } from './srp';

const POOL_ID = 'us-east-1_AbC123';
const POOL_NAME = 'AbC123';
const USER = '7f3c1e2a-0d4b-4c8e-9a51-2b6f0e9d1c33';
const PASSWORD = 'Corr3ct-Horse!';

// The official client's internals are untyped (index.d.ts leaves them out): describe what we use.
interface BigIntegerLike {
  toString(radix: number): string;
}
interface BigIntegerCtor {
  new (value: string, radix: number): BigIntegerLike;
}
interface HelperLike {
  N: BigIntegerLike;
  getLargeAValue(cb: (err: unknown, A: BigIntegerLike) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    B: BigIntegerLike,
    salt: BigIntegerLike,
    cb: (err: unknown, hkdf: Uint8Array) => void,
  ): void;
}
const AuthenticationHelper = TypedHelperExport as unknown as new (poolName: string) => HelperLike;
const DateHelper = TypedDateHelperExport as unknown as new () => { getNowString(): string };

/** What CognitoUser.authenticateUserDefaultAuth does with the challenge, step by step. */
async function officialClaim(poolName: string, password: string, initiate: (srpA: string) => Promise<Record<string, string>>) {
  const helper = new AuthenticationHelper(poolName);
  const BigInteger = helper.N.constructor as BigIntegerCtor;
  const A = await new Promise<BigIntegerLike>((resolve, reject) =>
    helper.getLargeAValue((err, value) => (err ? reject(err) : resolve(value))),
  );
  const params = await initiate(A.toString(16));
  const hkdf = await new Promise<Uint8Array>((resolve, reject) =>
    helper.getPasswordAuthenticationKey(
      params.USER_ID_FOR_SRP!,
      password,
      new BigInteger(params.SRP_B!, 16),
      new BigInteger(params.SALT!, 16),
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
  const timestamp = new DateHelper().getNowString();
  const hash = new Sha256(hkdf);
  hash.update(
    Buffer.concat([
      Buffer.from(poolName, 'utf8'),
      Buffer.from(params.USER_ID_FOR_SRP!, 'utf8'),
      Buffer.from(params.SECRET_BLOCK!, 'base64'),
      Buffer.from(timestamp, 'utf8'),
    ]),
  );
  const signature = Buffer.from(hash.digestSync()).toString('base64');
  return { secretBlock: params.SECRET_BLOCK!, timestamp, signature };
}

async function serverChallenge(password: string, srpA: string, seed?: number) {
  const challenge = await createSrpChallenge({
    poolName: POOL_NAME,
    userIdForSrp: USER,
    password,
    srpA,
    random: seed === undefined ? cryptoRandom : seededRandom(seed),
  });
  const params = { SALT: challenge.saltHex, SRP_B: challenge.srpBHex, SECRET_BLOCK: challenge.secretBlock, USER_ID_FOR_SRP: USER };
  return { challenge, params };
}

describe('SRP server with our browser client', () => {
  it('accepts the right password across many random values (covers every padding case)', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { srpAHex, state } = startSrp(seededRandom(1000 + seed));
      const { challenge } = await serverChallenge(PASSWORD, srpAHex, seed);
      const responses = await answerPasswordVerifier({
        state,
        poolName: POOL_NAME,
        userIdForSrp: USER,
        password: PASSWORD,
        saltHex: challenge.saltHex,
        srpBHex: challenge.srpBHex,
        secretBlock: challenge.secretBlock,
        now: new Date(Date.UTC(2026, 10, seed, 14, 2, 3)),
      });
      const ok = await verifySrpClaim(challenge.state, {
        secretBlock: responses.PASSWORD_CLAIM_SECRET_BLOCK,
        timestamp: responses.TIMESTAMP,
        signature: responses.PASSWORD_CLAIM_SIGNATURE,
      });
      expect(ok, `seed ${seed}`).toBe(true);
    }
  });

  it('rejects a wrong password, a different user id and a tampered timestamp or block', async () => {
    const { srpAHex, state } = startSrp();
    const { challenge } = await serverChallenge(PASSWORD, srpAHex);
    const answer = (password: string, userIdForSrp = USER) =>
      answerPasswordVerifier({
        state,
        poolName: POOL_NAME,
        userIdForSrp,
        password,
        saltHex: challenge.saltHex,
        srpBHex: challenge.srpBHex,
        secretBlock: challenge.secretBlock,
      });
    const claim = (r: Awaited<ReturnType<typeof answer>>) => ({
      secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK,
      timestamp: r.TIMESTAMP,
      signature: r.PASSWORD_CLAIM_SIGNATURE,
    });

    expect(await verifySrpClaim(challenge.state, claim(await answer('corr3ct-Horse!')))).toBe(false);
    expect(await verifySrpClaim(challenge.state, claim(await answer(PASSWORD, 'someone-else')))).toBe(false);
    const good = claim(await answer(PASSWORD));
    expect(await verifySrpClaim(challenge.state, good)).toBe(true);
    expect(await verifySrpClaim(challenge.state, { ...good, timestamp: good.timestamp.replace(/\d{4}$/, '1999') })).toBe(false);
    expect(await verifySrpClaim(challenge.state, { ...good, secretBlock: 'AAAA' + good.secretBlock.slice(4) })).toBe(false);
    expect(await verifySrpClaim(challenge.state, { ...good, signature: 'not base64!' })).toBe(false);
  });

  it('keeps working after the state goes through JSON (snapshots, IndexedDB)', async () => {
    const { srpAHex, state } = startSrp();
    const { challenge } = await serverChallenge(PASSWORD, srpAHex);
    const restored = JSON.parse(JSON.stringify(challenge.state)) as typeof challenge.state;
    const r = await answerPasswordVerifier({
      state: JSON.parse(JSON.stringify(state)) as typeof state,
      poolName: POOL_ID, // the client also accepts the full pool id
      userIdForSrp: USER,
      password: PASSWORD,
      saltHex: challenge.saltHex,
      srpBHex: challenge.srpBHex,
      secretBlock: challenge.secretBlock,
    });
    expect(await verifySrpClaim(restored, { secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK, timestamp: r.TIMESTAMP, signature: r.PASSWORD_CLAIM_SIGNATURE })).toBe(true);
  });
});

describe('SRP server with the official amazon-cognito-identity-js client', () => {
  it('AuthenticationHelper signs in with the right password', async () => {
    for (let i = 0; i < 4; i++) {
      let state: Awaited<ReturnType<typeof serverChallenge>>['challenge']['state'] | undefined;
      const claim = await officialClaim(POOL_NAME, PASSWORD, async (srpA) => {
        const { challenge, params } = await serverChallenge(PASSWORD, srpA);
        state = challenge.state;
        return params;
      });
      expect(await verifySrpClaim(state!, claim)).toBe(true);
    }
  });

  it('AuthenticationHelper with a wrong password is refused', async () => {
    let state: Awaited<ReturnType<typeof serverChallenge>>['challenge']['state'] | undefined;
    const claim = await officialClaim(POOL_NAME, 'Wrong-Passw0rd!', async (srpA) => {
      const { challenge, params } = await serverChallenge(PASSWORD, srpA);
      state = challenge.state;
      return params;
    });
    expect(await verifySrpClaim(state!, claim)).toBe(false);
  });

  it('CognitoUser.authenticateUser runs the whole USER_SRP_AUTH flow against the server', async () => {
    const signIn = (password: string) =>
      new Promise<string>((resolve) => {
        const pool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: '1example23456789' });
        let state: Awaited<ReturnType<typeof serverChallenge>>['challenge']['state'] | undefined;
        const fakeJwt = (claims: object) =>
          `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
        // Stand in for the HTTP client so only the SRP math is under test.
        (pool as unknown as { client: unknown }).client = {
          request(operation: string, params: Record<string, Record<string, string>>, cb: (err: unknown, data?: unknown) => void) {
            void (async () => {
              if (operation === 'InitiateAuth') {
                expect(params.AuthParameters!.USERNAME).toBe('alice');
                const { challenge, params: challengeParameters } = await serverChallenge(PASSWORD, params.AuthParameters!.SRP_A!);
                state = challenge.state;
                cb(null, { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { ...challengeParameters, USERNAME: USER } });
              } else if (operation === 'RespondToAuthChallenge') {
                const r = params.ChallengeResponses!;
                const ok = await verifySrpClaim(state!, {
                  secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK!,
                  timestamp: r.TIMESTAMP!,
                  signature: r.PASSWORD_CLAIM_SIGNATURE!,
                });
                if (!ok) return cb({ code: 'NotAuthorizedException', name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
                const now = Math.floor(Date.now() / 1000);
                const token = fakeJwt({ sub: USER, exp: now + 3600, iat: now });
                cb(null, { AuthenticationResult: { IdToken: token, AccessToken: token, RefreshToken: 'refresh', ExpiresIn: 3600 } });
              } else {
                cb({ code: 'UnexpectedOperation', message: operation });
              }
            })().catch((error: unknown) => cb(error));
          },
        };
        const user = new CognitoUser({ Username: 'alice', Pool: pool });
        user.authenticateUser(new AuthenticationDetails({ Username: 'alice', Password: password }), {
          onSuccess: () => resolve('signed-in'),
          onFailure: (err: { code?: string }) => resolve(err.code ?? String(err)),
        });
      });
    expect(await signIn(PASSWORD)).toBe('signed-in');
    expect(await signIn('Not-the-passw0rd')).toBe('NotAuthorizedException');
  });
});

describe('SRP server input checks', () => {
  const attempt = (srpA: string) =>
    createSrpChallenge({ poolName: POOL_NAME, userIdForSrp: USER, password: PASSWORD, srpA, random: cryptoRandom });

  it('refuses A ≡ 0 (mod N), which would authenticate anyone', async () => {
    for (const A of ['0', '00', SRP_N.toString(16), (SRP_N * 2n).toString(16), padHex(SRP_N * 5n)]) {
      await expect(attempt(A)).rejects.toMatchObject({ code: 'InvalidParameterException' });
    }
  });

  it('refuses SRP_A that is not hex', async () => {
    const error = await attempt('xyz').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    await expect(attempt('')).rejects.toMatchObject({ code: 'InvalidParameterException' });
  });

  it('hands out Cognito-shaped challenge parameters', async () => {
    const { srpAHex } = startSrp();
    const { challenge } = await serverChallenge(PASSWORD, srpAHex);
    expect(challenge.saltHex).toMatch(/^[0-9a-f]{32}$/);
    expect(challenge.srpBHex).toMatch(/^[0-9a-f]+$/);
    expect(BigInt(`0x${challenge.srpBHex}`) < SRP_N).toBe(true);
    expect(challenge.secretBlock).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.stringify(challenge.state)).not.toContain(PASSWORD);
  });

  it('derives the pool name and formats timestamps like Cognito', () => {
    expect(srpPoolName('us-east-1_AbC123')).toBe('AbC123');
    expect(srpPoolName('AbC123')).toBe('AbC123');
    expect(srpTimestamp(new Date(Date.UTC(2026, 10, 25, 14, 2, 3)))).toBe('Wed Nov 25 14:02:03 UTC 2026');
    expect(srpTimestamp(new Date(Date.UTC(2026, 0, 5, 4, 0, 9)))).toBe('Mon Jan 5 04:00:09 UTC 2026');
  });
});
