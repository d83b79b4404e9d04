/**
 * Reading a Cognito JWT for display: header and claims decoded (without verifying — the signature
 * check is separate and says so), and a line explaining each standard claim.
 */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** undefined for anything that is not a three-part JWT with JSON header and claims (e.g. Cognito's opaque refresh token). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodePart(parts[0]!);
  const claims = decodePart(parts[1]!);
  return header && claims ? { header, claims } : undefined;
}

const EXPLANATIONS: Record<string, string> = {
  sub: 'The user\'s permanent, unique id in this pool. Use it (not the username or email) as the key for the user in your own data.',
  iss: 'Who issued the token: the user pool\'s URL. Verifiers fetch the signing keys from <iss>/.well-known/jwks.json.',
  aud: 'ID token only: the app client the token was issued to. Check it equals your client id; access tokens carry client_id instead.',
  client_id: 'Access token only: the app client the token was issued to (ID tokens carry aud instead).',
  token_use: '"id" for the ID token (who the user is, for your app and for API Gateway without scopes), "access" for the access token (what the user may do: Cognito user APIs, scoped APIs).',
  'cognito:username': 'The username in the pool. In pools that sign in by email or phone it is a generated id; show the email instead.',
  username: 'Access token: the username in the pool.',
  'cognito:groups': 'The user pool groups the user belongs to, by precedence. Apps and identity pools use them for authorization.',
  'cognito:roles': 'IAM roles of the user\'s groups; an identity pool with a Token role mapping chooses among them.',
  'cognito:preferred_role': 'The role of the group with the best (lowest) precedence; a Token role mapping gives this one.',
  auth_time: 'When the user actually signed in (seconds since 1970). Refreshing the tokens keeps it; a fresh sign-in changes it.',
  iat: 'When this token was issued (seconds since 1970). Every refresh issues new tokens with a new iat.',
  exp: 'When this token stops being accepted (seconds since 1970). After it, refresh with the refresh token.',
  jti: 'A unique id for this token.',
  origin_jti: 'The id of the sign-in session the token belongs to; revoking the refresh token (or GlobalSignOut) revokes every token of that session.',
  event_id: 'The id of the sign-in event that produced the token.',
  scope: 'Access token: OAuth scopes granted. aws.cognito.signin.user.admin lets the user call Cognito\'s self-service APIs (GetUser, ChangePassword…).',
  email: 'The user\'s email attribute, present when the client may read it.',
  email_verified: 'Whether the email address has been verified (by the sign-up code, or an administrator).',
  phone_number_verified: 'Whether the phone number has been verified.',
  version: 'Access token format version.',
};

export function explainClaim(name: string): string | undefined {
  if (EXPLANATIONS[name]) return EXPLANATIONS[name];
  if (name.startsWith('custom:')) return 'A custom attribute of the pool\'s schema that this client may read.';
  return undefined;
}

/** Claims whose value differs (or appears/disappears) between two decoded tokens — what a refresh changed. */
export function changedClaims(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).sort();
}

/** '59:58', '1:02:03' or 'expired 0:12 ago' for a countdown to `expSeconds`. */
export function countdown(expSeconds: number, nowMs: number): string {
  const left = Math.round(expSeconds - nowMs / 1000);
  const abs = Math.abs(left);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const text = `${h > 0 ? `${h}:${String(m).padStart(2, '0')}` : String(m)}:${String(s).padStart(2, '0')}`;
  return left >= 0 ? text : `expired ${text} ago`;
}
