import { Readable } from 'node:stream';
import {
  GetIdentityVerificationAttributesCommand,
  GetSendQuotaCommand,
  GetSendStatisticsCommand,
  ListIdentitiesCommand,
  MessageRejected,
  SendEmailCommand,
} from '@aws-sdk/client-ses';
import { AdminCreateUserCommand, CreateUserPoolCommand, LimitExceededException } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type OutboxMessage } from '@poolkeeper/cognito-emulator';
import { sdkClients } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

const mail = (to: string[]) => ({
  Source: `Acme <${DEMO.sesIdentity}>`,
  Destination: { ToAddresses: to },
  Message: { Subject: { Data: 'Contract test' }, Body: { Text: { Data: 'Hello from the contract tests' } } },
});

async function messagesTo(target: EmulatorTarget, to: string): Promise<OutboxMessage[]> {
  return (await (await fetch(`${target.url('cognito-idp')}/_emulator/messages?to=${encodeURIComponent(to)}`)).json()) as OutboxMessage[];
}

export function sesSuite(target: EmulatorTarget) {
  describe('SES v1', () => {
    afterEach(() => target.emulator.ses.configureAccount('us-east-1', { max24HourSend: 200 }));

    it('reports the sandbox quota, counting sends in the rolling 24 hours', async () => {
      const { ses } = sdkClients(target);
      const before = await ses.send(new GetSendQuotaCommand({}));
      expect(before).toMatchObject({ Max24HourSend: 200, MaxSendRate: 1 });
      await ses.send(new SendEmailCommand(mail(['ops@example.com', 'team@example.com'])));
      const after = await ses.send(new GetSendQuotaCommand({}));
      expect(after.SentLast24Hours).toBe(before.SentLast24Hours! + 2);
      const stats = await ses.send(new GetSendStatisticsCommand({}));
      expect(stats.SendDataPoints!.length).toBeGreaterThan(0);
      for (const point of stats.SendDataPoints!) {
        expect(point.Timestamp).toBeInstanceOf(Date);
        expect(point.Timestamp!.getTime() % (15 * 60 * 1000)).toBe(0);
        expect(typeof point.DeliveryAttempts).toBe('number');
      }
      expect((await messagesTo(target, 'ops@example.com')).at(-1)).toMatchObject({ via: 'ses', kind: 'ses', subject: 'Contract test' });
    });

    it('writes the quota as AWS does (Double values in the 2010-12-01 namespace)', async () => {
      // The SDK signs this for us; the body is what an XML parser in another language would read.
      const { ses } = sdkClients(target);
      let xml = '';
      ses.middlewareStack.add(
        (next) => async (args) => {
          const result = await next(args);
          const response = result.response as { body: AsyncIterable<Uint8Array> };
          const chunks: Buffer[] = [];
          for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
          xml = Buffer.concat(chunks).toString('utf8');
          response.body = Readable.from([Buffer.from(xml)]);
          return result;
        },
        // low priority within the deserialize step = inside the SDK's deserializer, on the raw response
        { step: 'deserialize', priority: 'low', name: 'captureRawBody' },
      );
      await ses.send(new GetSendQuotaCommand({}));
      expect(xml).toMatch(/^<GetSendQuotaResponse xmlns="http:\/\/ses\.amazonaws\.com\/doc\/2010-12-01\/"><GetSendQuotaResult>/);
      expect(xml).toContain('<Max24HourSend>200.0</Max24HourSend><MaxSendRate>1.0</MaxSendRate>');
      expect(xml).toMatch(/<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetSendQuotaResponse>$/);
    });

    it('rejects unverified recipients in the sandbox with the SDK MessageRejected class and AWS wording', async () => {
      const { ses } = sdkClients(target);
      const error = await ses.send(new SendEmailCommand(mail(['someone@gmail.example']))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MessageRejected);
      expect((error as Error).message).toBe(
        'Email address is not verified. The following identities failed the check in region US-EAST-1: someone@gmail.example',
      );
    });

    it('stops at the daily quota with Throttling', async () => {
      const { ses } = sdkClients(target);
      const { SentLast24Hours } = await ses.send(new GetSendQuotaCommand({}));
      target.emulator.ses.configureAccount('us-east-1', { max24HourSend: SentLast24Hours! + 1 });
      await ses.send(new SendEmailCommand(mail(['one@example.com'])));
      await expect(ses.send(new SendEmailCommand(mail(['two@example.com'])))).rejects.toMatchObject({
        name: 'Throttling',
        message: 'Daily message quota exceeded.',
      });
    });

    it('lists identities and their verification status', async () => {
      const { ses } = sdkClients(target);
      const { Identities } = await ses.send(new ListIdentitiesCommand({}));
      expect(Identities).toEqual(expect.arrayContaining([DEMO.sesIdentity, 'example.com']));
      const domains = await ses.send(new ListIdentitiesCommand({ IdentityType: 'Domain', MaxItems: 1 }));
      expect(domains.Identities).toEqual(['example.com']);
      const attrs = await ses.send(new GetIdentityVerificationAttributesCommand({ Identities: [DEMO.sesIdentity, 'example.com', 'billing@acme-customers.test'] }));
      expect(attrs.VerificationAttributes![DEMO.sesIdentity]).toEqual({ VerificationStatus: 'Success' });
      expect(attrs.VerificationAttributes!['example.com']!.VerificationToken).toBeTruthy();
      expect(attrs.VerificationAttributes!['billing@acme-customers.test']!.VerificationStatus).toBe('Pending');
    });

    it("sends a DEVELOPER pool's invitation through SES, counting against its quota", async () => {
      const { idp, ses } = sdkClients(target);
      const { SentLast24Hours } = await ses.send(new GetSendQuotaCommand({}));
      await idp.send(
        new AdminCreateUserCommand({
          UserPoolId: DEMO.userPoolId,
          Username: 'invited.by.contract@example.com',
          UserAttributes: [{ Name: 'email', Value: 'invited.by.contract@example.com' }],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      expect((await ses.send(new GetSendQuotaCommand({}))).SentLast24Hours).toBe(SentLast24Hours! + 1);
      const [invitation] = await messagesTo(target, 'invited.by.contract@example.com');
      expect(invitation).toMatchObject({ kind: 'invitation', via: 'ses', poolId: DEMO.userPoolId, from: `Acme <${DEMO.sesIdentity}>` });
      expect(invitation!.code).toBeTruthy();
    });

    it('caps the Cognito default sender at 50 emails a day with AWS wording', async () => {
      const { idp } = sdkClients(target);
      const pool = await idp.send(new CreateUserPoolCommand({ PoolName: 'default-sender', UsernameAttributes: ['email'] }));
      const invite = (i: number) =>
        idp.send(
          new AdminCreateUserCommand({
            UserPoolId: pool.UserPool!.Id,
            Username: `cap${i}@example.net`,
            UserAttributes: [{ Name: 'email', Value: `cap${i}@example.net` }],
          }),
        );
      const alreadySent = target.emulator.outbox.list({ via: 'cognito-default' }).length;
      for (let i = alreadySent; i < 50; i++) await invite(i);
      const error = await invite(50).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LimitExceededException);
      expect((error as Error).message).toBe(
        'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
      );
      expect((await messagesTo(target, 'cap49@example.net'))[0]).toMatchObject({ via: 'cognito-default', kind: 'invitation' });
    });
  });
}
