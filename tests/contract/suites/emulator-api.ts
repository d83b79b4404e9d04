import { AdminCreateUserCommand, ListUsersCommand, UserNotFoundException, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { DEMO, type OutboxMessage } from '@poolkeeper/cognito-emulator';
import { sdkClients } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

/** /_emulator/* — runs last in a file: it moves the clock and resets the state. */
export function emulatorApiSuite(target: EmulatorTarget) {
  describe('/_emulator endpoints', () => {
    const api = (path: string, init?: RequestInit) => fetch(`${target.url('cognito-idp')}/_emulator/${path}`, init);

    it('reports health', async () => {
      const response = await api('health');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', seed: 'demo', now: expect.any(String) });
    });

    it('lists messages, filtered by recipient', async () => {
      const { idp } = sdkClients(target);
      await idp.send(
        new AdminCreateUserCommand({
          UserPoolId: DEMO.userPoolId,
          Username: 'outbox.reader@example.com',
          UserAttributes: [{ Name: 'email', Value: 'outbox.reader@example.com' }],
        }),
      );
      const all = (await (await api('messages')).json()) as OutboxMessage[];
      const mine = (await (await api('messages?to=OUTBOX.READER@example.com')).json()) as OutboxMessage[];
      expect(all.length).toBeGreaterThan(mine.length);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        to: 'outbox.reader@example.com',
        kind: 'invitation',
        poolId: DEMO.userPoolId,
        via: 'ses',
        subject: expect.any(String),
        body: expect.stringContaining(mine[0]!.code!),
        sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });

    it('moves the clock', async () => {
      const before = target.emulator.clock.now();
      const offset = target.emulator.clock.offsetSeconds;
      const response = await api('clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 90 }) });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { offsetSeconds: number }).offsetSeconds).toBe(offset + 90);
      expect(target.emulator.clock.now() - before).toBe(90_000);
      const bad = await api('clock', { method: 'POST', body: JSON.stringify({ advanceSeconds: -1 }) });
      expect(bad.status).toBe(400);
    });

    it('resets to the seed', async () => {
      const { idp } = sdkClients(target);
      const response = await api('reset', { method: 'POST' });
      expect(await response.json()).toEqual({ status: 'ok' });
      expect(target.emulator.clock.offsetSeconds).toBe(0);
      await expect(idp.send(new AdminGetUserCommand({ UserPoolId: DEMO.userPoolId, Username: 'outbox.reader@example.com' }))).rejects.toBeInstanceOf(
        UserNotFoundException,
      );
      expect(await (await api('messages')).json()).toEqual([]);
      const { Users } = await idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Filter: `email = "${DEMO.operator.email}"` }));
      expect(Users).toHaveLength(1);
    });
  });
}
