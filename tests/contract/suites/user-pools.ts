import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  CodeMismatchException,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteGroupCommand,
  DeleteUserCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  GetGroupCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  NotAuthorizedException,
  PasswordResetRequiredException,
  ResendConfirmationCodeCommand,
  ResourceNotFoundException,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateGroupCommand,
  UpdateUserAttributesCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  UserNotFoundException,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { totpAt, DEMO, type OutboxMessage } from '@poolkeeper/cognito-emulator';
import { sdkClients, srpSignIn } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

const PASSWORD = 'Contract-Passw0rd!';

async function latestCode(target: EmulatorTarget, to: string): Promise<string> {
  const messages = (await (await fetch(`${target.url('cognito-idp')}/_emulator/messages?to=${encodeURIComponent(to)}`)).json()) as OutboxMessage[];
  const code = messages.at(-1)?.code;
  if (!code) throw new Error(`No code was sent to ${to}`);
  return code;
}

async function freshPool(idp: CognitoIdentityProviderClient, name: string) {
  const pool = await idp.send(
    new CreateUserPoolCommand({
      PoolName: name,
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
    }),
  );
  const poolId = pool.UserPool!.Id!;
  const client = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'contract',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return { poolId, clientId: client.UserPoolClient!.ClientId! };
}

/**
 * Every cognito-idp operation once through the wire with the real SDK. The model's semantics are
 * covered in depth by mocks/model/cognito/*.test.ts; this proves requests and answers survive the
 * protocol (shapes, dates, exception classes) on each host.
 */
export function userPoolsSuite(target: EmulatorTarget) {
  describe('Cognito user pools through the SDK', () => {
    it('creates, reads, updates, lists and deletes pools, clients and MFA settings', async () => {
      const { idp } = sdkClients(target);
      const { poolId, clientId } = await freshPool(idp, 'contract-pools');
      const described = await idp.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      expect(described.UserPool).toMatchObject({ Id: poolId, Name: 'contract-pools' });
      expect(described.UserPool!.CreationDate).toBeInstanceOf(Date);
      await idp.send(new UpdateUserPoolCommand({ UserPoolId: poolId, AutoVerifiedAttributes: ['email'], UserPoolTags: { team: 'contract' } }));
      const pools = await idp.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      expect(pools.UserPools!.map((p) => p.Id)).toEqual(expect.arrayContaining([poolId, DEMO.userPoolId]));

      expect((await idp.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient?.ClientName).toBe('contract');
      await idp.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, ClientName: 'renamed', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
      const clients = await idp.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }));
      expect(clients.UserPoolClients).toEqual([expect.objectContaining({ ClientId: clientId, ClientName: 'renamed' })]);

      await idp.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
      expect(await idp.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).toMatchObject({
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      });

      await idp.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
      await idp.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
      await expect(idp.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('manages groups and a user through the admin operations', async () => {
      const { idp } = sdkClients(target);
      const { poolId, clientId } = await freshPool(idp, 'contract-admin');
      await idp.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Description: 'Edit things', Precedence: 5 }));
      await idp.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Description: 'Edit more things' }));
      expect((await idp.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'editors' }))).Group).toMatchObject({ Description: 'Edit more things' });
      expect((await idp.send(new ListGroupsCommand({ UserPoolId: poolId }))).Groups?.map((g) => g.GroupName)).toEqual(['editors']);

      const created = await idp.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'carol',
          TemporaryPassword: 'Temp-Passw0rd!',
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: 'carol@example.com' },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: 'Carol' },
          ],
        }),
      );
      expect(created.User).toMatchObject({ Username: 'carol', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
      await idp.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'carol', UserAttributes: [{ Name: 'family_name', Value: 'Danvers' }] }));
      await idp.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: 'carol', UserAttributeNames: ['name'] }));
      const fetched = await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'carol' }));
      expect(fetched.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'family_name', Value: 'Danvers' }]));
      expect(fetched.UserAttributes!.some((a) => a.Name === 'name')).toBe(false);

      await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'carol', GroupName: 'editors' }));
      expect((await idp.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'carol' }))).Groups?.map((g) => g.GroupName)).toEqual(['editors']);
      expect((await idp.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'editors' }))).Users?.map((u) => u.Username)).toEqual(['carol']);
      await idp.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'carol', GroupName: 'editors' }));
      expect((await idp.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'family_name ^= "Dan"' }))).Users?.map((u) => u.Username)).toEqual(['carol']);

      await idp.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'carol' }));
      const adminAuth = () =>
        idp.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol', PASSWORD: 'Temp-Passw0rd!' } }));
      await expect(adminAuth()).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
      await idp.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'carol' }));
      const challenge = await adminAuth();
      expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      const answered = await idp.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'carol', NEW_PASSWORD: PASSWORD },
        }),
      );
      expect(answered.AuthenticationResult?.IdToken).toBeTruthy();

      await idp.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'carol' }));
      expect((await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'carol' }))).UserStatus).toBe('RESET_REQUIRED');
      await expect(
        idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol', PASSWORD } })),
      ).rejects.toBeInstanceOf(PasswordResetRequiredException);
      await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'carol', Password: PASSWORD, Permanent: true }));
      expect((await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'carol' }))).UserStatus).toBe('CONFIRMED');
      await idp.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'carol', SoftwareTokenMfaSettings: { Enabled: false } }));
      await idp.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'carol' }));

      await idp.send(new SignUpCommand({ ClientId: clientId, Username: 'dave', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }] }));
      await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'dave' }));
      expect((await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dave' }))).UserStatus).toBe('CONFIRMED');

      await idp.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'carol' }));
      await expect(idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'carol' }))).rejects.toBeInstanceOf(UserNotFoundException);
      await idp.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'editors' }));
    });

    it('runs the end-user flows: sign-up, codes, tokens, password, TOTP MFA, sign-out, deletion', async () => {
      const { idp } = sdkClients(target);
      const { poolId, clientId } = await freshPool(idp, 'contract-end-user');
      await idp.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
      const email = 'erin@example.com';

      const signedUp = await idp.send(new SignUpCommand({ ClientId: clientId, Username: 'erin', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));
      expect(signedUp).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
      await expect(idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'erin', ConfirmationCode: '000000' }))).rejects.toBeInstanceOf(CodeMismatchException);
      await idp.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'erin' }));
      await idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'erin', ConfirmationCode: await latestCode(target, email) }));

      const signIn = (password: string) =>
        idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'erin', PASSWORD: password } }));
      let tokens = (await signIn(PASSWORD)).AuthenticationResult!;
      expect((await idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).Username).toBe('erin');

      await idp.send(new UpdateUserAttributesCommand({ AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'name', Value: 'Erin' }] }));
      await idp.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'email' }));
      await idp.send(new VerifyUserAttributeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'email', Code: await latestCode(target, email) }));

      const newPassword = 'Changed-Passw0rd!';
      await idp.send(new ChangePasswordCommand({ AccessToken: tokens.AccessToken, PreviousPassword: PASSWORD, ProposedPassword: newPassword }));
      const refreshed = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }));
      expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();

      await idp.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'erin' }));
      const resetPassword = 'Forgot-Passw0rd!';
      await idp.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: 'erin', ConfirmationCode: await latestCode(target, email), Password: resetPassword }));
      tokens = (await signIn(resetPassword)).AuthenticationResult!;

      const { SecretCode } = await idp.send(new AssociateSoftwareTokenCommand({ AccessToken: tokens.AccessToken }));
      const verified = await idp.send(
        new VerifySoftwareTokenCommand({ AccessToken: tokens.AccessToken, UserCode: await totpAt(SecretCode!, target.emulator.clock.now()) }),
      );
      expect(verified.Status).toBe('SUCCESS');
      await idp.send(new SetUserMFAPreferenceCommand({ AccessToken: tokens.AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
      const mfa = await signIn(resetPassword);
      expect(mfa.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      target.emulator.clock.advance(30); // a fresh TOTP step: the code used to verify may not be replayed
      const answered = await idp.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: mfa.Session,
          ChallengeResponses: { USERNAME: 'erin', SOFTWARE_TOKEN_MFA_CODE: await totpAt(SecretCode!, target.emulator.clock.now()) },
        }),
      );
      tokens = answered.AuthenticationResult!;

      await idp.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
      await expect(idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).rejects.toBeInstanceOf(NotAuthorizedException);
      await expect(
        idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } })),
      ).rejects.toBeInstanceOf(NotAuthorizedException);

      await idp.send(new SetUserMFAPreferenceCommand({ AccessToken: (await mfaSignIn()).AccessToken, SoftwareTokenMfaSettings: { Enabled: false } }));
      tokens = (await signIn(resetPassword)).AuthenticationResult!;
      // RevokeToken ends the refresh token and every access token issued with it.
      await idp.send(new RevokeTokenCommand({ ClientId: clientId, Token: tokens.RefreshToken }));
      await expect(
        idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } })),
      ).rejects.toBeInstanceOf(NotAuthorizedException);
      await expect(idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).rejects.toBeInstanceOf(NotAuthorizedException);
      tokens = (await signIn(resetPassword)).AuthenticationResult!;
      await idp.send(new DeleteUserCommand({ AccessToken: tokens.AccessToken }));
      await expect(idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'erin' }))).rejects.toBeInstanceOf(UserNotFoundException);

      async function mfaSignIn() {
        const step = await signIn(resetPassword);
        target.emulator.clock.advance(30);
        const done = await idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: clientId,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: step.Session,
            ChallengeResponses: { USERNAME: 'erin', SOFTWARE_TOKEN_MFA_CODE: await totpAt(SecretCode!, target.emulator.clock.now()) },
          }),
        );
        return done.AuthenticationResult!;
      }
    });

    it('signs in with an independent SRP client, refusing a wrong password and completing NEW_PASSWORD_REQUIRED', async () => {
      await expect(srpSignIn(target, { username: DEMO.operator.email, password: 'Wrong-Passw0rd!' })).rejects.toMatchObject({
        code: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      });
      await expect(srpSignIn(target, { username: DEMO.newAdmin.email, password: DEMO.newAdmin.temporaryPassword })).rejects.toThrow('NEW_PASSWORD_REQUIRED');
      const tokens = await srpSignIn(target, {
        username: DEMO.newAdmin.email,
        password: DEMO.newAdmin.temporaryPassword,
        newPassword: 'Brand-New-Passw0rd!',
      });
      const claims = JSON.parse(Buffer.from(tokens.idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ email: DEMO.newAdmin.email, 'cognito:groups': [DEMO.adminGroup], aud: DEMO.adminClientId });
      await srpSignIn(target, { username: DEMO.newAdmin.email, password: 'Brand-New-Passw0rd!' });
    });
  });
}
