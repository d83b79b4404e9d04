import { AccountSendingPausedException, GetAccountSendingEnabledCommand, GetSendStatisticsCommand, SendEmailCommand, UpdateAccountSendingEnabledCommand } from '@aws-sdk/client-ses';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { sdkClients } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

/** What the Email & codes screen relies on, through the real SES client over the wire. */
export function emailDeliverySuite(target: EmulatorTarget) {
  describe('SES sending state and the mailbox simulator', () => {
    afterEach(() => target.emulator.ses.configureAccount('us-east-1', { sendingEnabled: true }));

    it('pauses and resumes sending (UpdateAccountSendingEnabled), refusing SendEmail with AccountSendingPausedException', async () => {
      const { ses } = sdkClients(target);
      expect((await ses.send(new GetAccountSendingEnabledCommand({}))).Enabled).toBe(true);
      await ses.send(new UpdateAccountSendingEnabledCommand({ Enabled: false }));
      expect((await ses.send(new GetAccountSendingEnabledCommand({}))).Enabled).toBe(false);
      const mail = { Source: DEMO.sesIdentity, Destination: { ToAddresses: ['success@simulator.amazonses.com'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } };
      await expect(ses.send(new SendEmailCommand(mail))).rejects.toBeInstanceOf(AccountSendingPausedException);
      await ses.send(new UpdateAccountSendingEnabledCommand({ Enabled: true }));
      await ses.send(new SendEmailCommand(mail));
    });

    it('counts simulator bounces and complaints in GetSendStatistics, past the sandbox', async () => {
      const { ses } = sdkClients(target);
      const sum = async () => {
        const points = (await ses.send(new GetSendStatisticsCommand({}))).SendDataPoints ?? [];
        return points.reduce((t, p) => ({ bounces: t.bounces + (p.Bounces ?? 0), complaints: t.complaints + (p.Complaints ?? 0) }), { bounces: 0, complaints: 0 });
      };
      const before = await sum();
      const to = ['bounce', 'suppressionlist', 'complaint', 'ooto'].map((local) => `${local}@simulator.amazonses.com`);
      await ses.send(new SendEmailCommand({ Source: DEMO.sesIdentity, Destination: { ToAddresses: to }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } }));
      expect(await sum()).toEqual({ bounces: before.bounces + 2, complaints: before.complaints + 1 });
    });
  });
}
