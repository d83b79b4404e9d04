import { createHash, createHmac } from 'node:crypto';
import { setSyncDigests } from '../model/crypto/bytes';

// Node hosts hash with node:crypto synchronously (see SyncDigests): same results as WebCrypto,
// without a thread-pool round trip per SigV4 check, SRP step or SECRET_HASH.
setSyncDigests({
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmac: (hash, key, data) => createHmac(hash === 'SHA-256' ? 'sha256' : 'sha1', key).update(data).digest(),
});
