/**
 * SECRET_HASH: when an app client has a secret, every end-user call must prove it with
 * Base64(HMAC-SHA256(clientSecret, username + clientId)).
 */
import { hmacSha256, toBase64 } from '../crypto/bytes';
import { notAuthorized } from '../errors';
import type { ClientRecord } from './state';

export async function secretHash(clientSecret: string, username: string, clientId: string): Promise<string> {
  return toBase64(await hmacSha256(clientSecret, username + clientId));
}

/**
 * Checks `given` against the hash of any of `usernames` (what the caller typed, or the user's real
 * username once known). Clients without a secret need none.
 */
export async function checkSecretHash(client: ClientRecord, given: unknown, usernames: (string | undefined)[]): Promise<void> {
  if (!client.clientSecret) return;
  if (typeof given !== 'string' || given === '') {
    throw notAuthorized(`Client ${client.clientId} is configured for secret but secret was not received`);
  }
  for (const name of new Set(usernames.filter((n): n is string => typeof n === 'string'))) {
    if ((await secretHash(client.clientSecret, name, client.clientId)) === given) return;
  }
  throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
}
