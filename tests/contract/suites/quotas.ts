import { ListUsersCommand, TooManyRequestsException } from '@aws-sdk/client-cognito-identity-provider';
import { GetSendQuotaCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { sdkClients } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

/** Rate quotas on a clock that only moves when told: exact, not timing-dependent. */
export function quotasSuite(target: EmulatorTarget) {
  describe('rate quotas', () => {
    beforeAll(() => {
      target.emulator.quotas.reset();
      target.emulator.quotas.enabled = true;
    });
    afterAll(() => {
      target.emulator.quotas.enabled = false;
    });

    it('allows UserList 30 requests a second, then answers TooManyRequestsException', async () => {
      const { idp } = sdkClients(target);
      for (let i = 0; i < 30; i++) await idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Limit: 1 }));
      const error = await idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Limit: 1 })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TooManyRequestsException);
      expect((error as Error).message).toBe('Rate exceeded');
      target.emulator.clock.advance(1);
      await idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Limit: 1 }));
    });

    it('throttles SES reads at once a second', async () => {
      const { ses } = sdkClients(target);
      target.emulator.clock.advance(1);
      await ses.send(new GetSendQuotaCommand({}));
      await expect(ses.send(new GetSendQuotaCommand({}))).rejects.toMatchObject({ name: 'Throttling', message: 'Rate exceeded' });
    });
  });
}
