/** Small helpers the checks share: resource names, "not evaluated" outcomes, per-pool and per-client checks. */
import type { Check, CheckMeta, ClientInput, Json, Outcome, Read, ReviewInput, UserPoolInput } from './types';

export const poolResource = (input: Pick<ReviewInput, 'userPoolId'>) => `userpool/${input.userPoolId}`;
export const clientResource = (input: Pick<ReviewInput, 'userPoolId'>, clientId: string) => `userpool/${input.userPoolId}/client/${clientId}`;
export const identityPoolResource = (id: string) => `identitypool/${id}`;
export const clientAnchor = (clientId: string) => `client-${clientId}`;

export function notEvaluated(read: Extract<Read<unknown>, { ok: false }>, resource?: string): Outcome {
  return { status: 'not-evaluated', reason: `not evaluated: ${read.reason}`, ...(resource ? { resource } : {}) };
}

/** JSON-safe evidence: an absent member is shown as null ("not set"). */
export const evidence = (value: unknown): Json => (value === undefined ? null : (value as Json));

/** A check over DescribeUserPool's answer alone. */
export function poolCheck(meta: CheckMeta, evaluate: (pool: UserPoolInput, input: ReviewInput) => Outcome | Outcome[]): Check {
  return {
    meta,
    evaluate(input) {
      if (!input.pool.ok) return [notEvaluated(input.pool)];
      return [evaluate(input.pool.value, input)].flat();
    },
  };
}

/**
 * A check run on every app client. A client deleted after the list was read, or one the operator
 * may not describe, is reported not evaluated rather than passed.
 */
export function clientCheck(meta: CheckMeta, evaluate: (client: ClientInput, resource: string, input: ReviewInput) => Outcome | Outcome[] | undefined): Check {
  return {
    meta,
    evaluate(input) {
      if (!input.clients.ok) return [notEvaluated(input.clients)];
      return input.clients.value.flatMap((entry) => {
        const resource = clientResource(input, entry.ClientId);
        if (!entry.detail.ok) return [notEvaluated(entry.detail, resource)];
        const outcome = evaluate(entry.detail.value, resource, input);
        if (outcome === undefined) return [];
        return [outcome].flat().map((o) =>
          o.status === 'fail' ? { ...o, setting: o.setting ?? clientAnchor(entry.ClientId), vars: { clientId: entry.ClientId, ...o.vars } } : o,
        );
      });
    },
  };
}

export const pass = (resource: string, field: string, value: unknown): Outcome => ({ status: 'pass', resource, field, value: evidence(value) });

export const fail = (resource: string, field: string, value: unknown, expected: string, extra: Partial<Extract<Outcome, { status: 'fail' }>> = {}): Outcome => ({
  status: 'fail',
  resource,
  field,
  value: evidence(value),
  expected,
  ...extra,
});

/** A client without a secret is public: a browser or mobile app. */
export const isPublic = (client: ClientInput) => !client.ClientSecret;

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i;
export const isLoopbackHttp = (url: string) => LOOPBACK.test(url);
