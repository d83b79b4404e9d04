/**
 * Copies of API requests and responses that are safe to put on screen: passwords are replaced,
 * credentials (tokens, sessions, secret keys, TOTP secrets) are cut to a recognisable prefix, and
 * other very long values (SRP numbers) are shortened. Used on what the test-login panel shows;
 * the originals never reach the screen's state.
 */
const PASSWORDS = /^(password|new_password|proposedpassword|previouspassword)$/i;
const CREDENTIALS =
  /^(accesstoken|idtoken|refreshtoken|refresh_token|session|sessiontoken|secretkey|secretaccesskey|secretcode|clientsecret|secret_hash|secrethash|password_claim_signature|authorization)$/i;
const LONG = 96;

export const HIDDEN_PASSWORD = '•••••••• (hidden)';

/**
 * A JWT's first characters are its base64 header ({"kid":…), public anyway, and tell the reader
 * which token it is; of anything else (secret keys, session tokens, Cognito sessions) not one
 * character is shown.
 */
export function maskCredential(value: string): string {
  return value.startsWith('eyJ') && value.length > 12 ? `${value.slice(0, 8)}… (${value.length} characters, hidden)` : `•••• (${value.length} characters, hidden)`;
}

function shorten(value: string): string {
  return value.length > LONG ? `${value.slice(0, 32)}… (${value.length} characters)` : value;
}

export function maskSecrets(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (PASSWORDS.test(key)) return HIDDEN_PASSWORD;
    if (CREDENTIALS.test(key)) return maskCredential(value);
    return shorten(value);
  }
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, key));
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
      if (name === '$metadata') continue;
      // Logins maps provider names to ID tokens.
      out[name] = key === 'Logins' && typeof child === 'string' ? maskCredential(child) : maskSecrets(child, name);
    }
    return out;
  }
  return value;
}
