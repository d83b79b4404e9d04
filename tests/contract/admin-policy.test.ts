import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_POLICY } from '@poolkeeper/cognito-emulator';

/**
 * The demo's admin role must grant what an operator deploys for live AWS, no more: a dashboard
 * call that works only because the emulator's role is broader would fail on the first real pool.
 */
describe("the demo admin role's policy", () => {
  it('grants exactly the actions of infra/poolkeeper-admin.yaml', () => {
    const template = readFileSync(new URL('../../infra/poolkeeper-admin.yaml', import.meta.url), 'utf8');
    const templateActions = [...template.matchAll(/^\s*-\s*((?:cognito-idp|cognito-identity|ses):[A-Za-z]+)\s*$/gm)].map((m) => m[1]);
    const seedActions = [ADMIN_POLICY.Statement].flat().flatMap((s) => ('Action' in s && s.Action !== undefined ? [s.Action].flat() : []));
    expect(templateActions.length).toBeGreaterThan(20);
    expect([...seedActions].sort()).toEqual([...templateActions].sort());
  });
});
