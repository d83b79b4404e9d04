/**
 * The NextToken of the small lists (identity pools, SES identities): an opaque wrapper around the
 * next index. Cognito user pools bind their tokens to the query instead (cognito/pagination.ts).
 */
export function encodeIndexToken(index: number): string {
  return btoa(JSON.stringify({ i: index }));
}

/** The index a token stands for, or -1 when it is not one of ours. */
export function decodeIndexToken(token: string): number {
  try {
    const parsed = JSON.parse(atob(token)) as { i?: unknown };
    return typeof parsed.i === 'number' ? parsed.i : -1;
  } catch {
    return -1;
  }
}
