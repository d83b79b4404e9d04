/**
 * Randomness behind ids, codes, salts and keys. `cryptoRandom` is the default; `seededRandom`
 * makes seeds and tests reproducible (same seed → same users, subs and codes).
 */
export interface Random {
  bytes(length: number): Uint8Array;
  /** An integer in [0, max). */
  int(max: number): number;
  uuid(): string;
  digits(length: number): string;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex = (bytes: Uint8Array) => {
  let out = '';
  for (const b of bytes) out += HEX[b]!;
  return out;
};

function fromBytes(bytes: (n: number) => Uint8Array): Random {
  return {
    bytes,
    int(max) {
      const b = bytes(4);
      const n = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
      return n % max;
    },
    uuid() {
      const b = bytes(16);
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = hex(b);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    digits(length) {
      let out = '';
      for (let i = 0; i < length; i++) out += String(this.int(10));
      return out;
    },
  };
}

const fromCrypto = fromBytes((n) => crypto.getRandomValues(new Uint8Array(n)));
/** crypto.randomUUID is the same version-4 form and several times faster (one per user created). */
export const cryptoRandom: Random =
  typeof crypto.randomUUID === 'function' ? { ...fromCrypto, uuid: () => crypto.randomUUID() } : fromCrypto;

/** xoshiro128** — small, fast and good enough for reproducible test data (never for secrets in production). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0 || 1, b = 0x9e3779b9, c = 0x243f6a88, d = 0xb7e15162;
  const next = () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = rotl(d, 11);
    return r >>> 0;
  };
  for (let i = 0; i < 16; i++) next();
  return fromBytes((n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const v = next();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (v >>> (j * 8)) & 0xff;
    }
    return out;
  });
}

function rotl(x: number, k: number) {
  return (x << k) | (x >>> (32 - k));
}
