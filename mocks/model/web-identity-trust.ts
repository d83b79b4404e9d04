/**
 * Whether a role's trust policy lets Cognito Identity hand it to an identity of `identityPoolId`
 * (sts:AssumeRoleWithWebIdentity by the cognito-identity.amazonaws.com federated principal).
 * Without this, any group's RoleArn — another pool's admin role included — would be issued.
 * Understands what trust policies for identity pools use: Allow statements, Principal.Federated,
 * Action (with '*' wildcards), and StringEquals / StringLike conditions (with ForAnyValue:/ForAllValues:
 * prefixes) on the `aud` and `amr` keys. A statement with any other condition is not matched.
 */
const PRINCIPAL = 'cognito-identity.amazonaws.com';
const ACTION = 'sts:AssumeRoleWithWebIdentity';

export function trustAllowsWebIdentity(trust: unknown, identityPoolId: string, authenticated: boolean): boolean {
  const context: Record<string, string[]> = {
    [`${PRINCIPAL}:aud`]: [identityPoolId],
    [`${PRINCIPAL}:amr`]: [authenticated ? 'authenticated' : 'unauthenticated'],
  };
  const statements = asArray((trust as { Statement?: unknown } | null)?.Statement);
  const allowed = statements.some((s) => matches(s, context, 'Allow'));
  const denied = statements.some((s) => matches(s, context, 'Deny'));
  return allowed && !denied;
}

function matches(statement: unknown, context: Record<string, string[]>, effect: 'Allow' | 'Deny'): boolean {
  if (typeof statement !== 'object' || statement === null) return false;
  const s = statement as { Effect?: unknown; Principal?: unknown; Action?: unknown; Condition?: unknown };
  if (s.Effect !== effect) return false;
  const federated = asArray((s.Principal as { Federated?: unknown } | undefined)?.Federated);
  if (!federated.includes(PRINCIPAL)) return false;
  if (!asArray(s.Action).some((a) => typeof a === 'string' && glob(a.toLowerCase(), ACTION.toLowerCase()))) return false;
  return conditionsHold(s.Condition, context);
}

function conditionsHold(condition: unknown, context: Record<string, string[]>): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.entries(condition).every(([operator, block]) => {
    const match = /^(?:(ForAnyValue|ForAllValues):)?(StringEquals|StringLike)$/.exec(operator);
    if (!match || typeof block !== 'object' || block === null) return false;
    const [, set, kind] = match;
    return Object.entries(block).every(([key, expected]) => {
      const values = context[key];
      if (!values) return false;
      const patterns = asArray(expected).filter((p): p is string => typeof p === 'string');
      const one = (value: string) => patterns.some((p) => (kind === 'StringLike' ? glob(p, value) : p === value));
      return set === 'ForAllValues' ? values.every(one) : values.some(one);
    });
  });
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function glob(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}

/** The trust policy identity pools need, as the Cognito console writes it (what trustAllowsWebIdentity accepts). */
export function identityPoolTrust(identityPoolId: string, amr: 'authenticated' | 'unauthenticated' = 'authenticated') {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PRINCIPAL },
        Action: ACTION,
        Condition: {
          StringEquals: { [`${PRINCIPAL}:aud`]: identityPoolId },
          'ForAnyValue:StringLike': { [`${PRINCIPAL}:amr`]: amr },
        },
      },
    ],
  };
}
