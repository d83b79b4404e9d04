import { describe, expect, it } from 'vitest';
import { poolWithClient, publicCtx, rejection, setup, type Setup } from './test-support';

const PASSWORD = 'Correct-Horse-1';

const signUp = (t: Setup, clientId: string, Username: string, extra: Record<string, unknown> = {}) =>
  t.call<{ UserConfirmed: boolean; UserSub: string; CodeDeliveryDetails?: Record<string, string> }>(
    'SignUp',
    { ClientId: clientId, Username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }], ...extra },
    publicCtx,
  );
const confirm = (t: Setup, clientId: string, Username: string, ConfirmationCode: string) =>
  t.call('ConfirmSignUp', { ClientId: clientId, Username, ConfirmationCode }, publicCtx);
const status = async (t: Setup, poolId: string, Username: string) =>
  (await t.call<{ UserStatus: string; UserAttributes: { Name: string; Value: string }[] }>('AdminGetUser', { UserPoolId: poolId, Username }));

describe('SignUp and ConfirmSignUp', () => {
  it('creates an UNCONFIRMED user, emails a 6-digit code from the template, and confirms with it', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t, {
      VerificationMessageTemplate: { EmailSubject: 'Welcome {username}', EmailMessage: 'Code: {####}' },
    });
    const result = await signUp(t, clientId, 'jane');
    expect(result).toMatchObject({
      UserConfirmed: false,
      CodeDeliveryDetails: { Destination: 'j***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    });
    expect(result.UserSub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const message = t.mailer.last();
    expect(message).toMatchObject({ channel: 'email', to: 'jane@example.com', kind: 'sign-up', poolId, username: 'jane', subject: 'Welcome jane' });
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.body).toBe(`Code: ${message.code}`);
    expect(message.emailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
    expect((await status(t, poolId, 'jane')).UserStatus).toBe('UNCONFIRMED');

    expect(await rejection(confirm(t, clientId, 'jane', '000000'))).toMatchObject({
      code: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    await confirm(t, clientId, 'jane', message.code!);
    const user = await status(t, poolId, 'jane');
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    // Single use, and a confirmed user cannot be confirmed again.
    expect(await rejection(confirm(t, clientId, 'jane', message.code!))).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
  });

  it('uses Cognito default wording without templates', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t);
    await signUp(t, clientId, 'jane');
    const message = t.mailer.last();
    expect(message.subject).toBe('Your verification code');
    expect(message.body).toBe(`Your verification code is ${message.code}. `);
  });

  it('expires sign-up codes after 24 hours', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t);
    await signUp(t, clientId, 'jane');
    const code = t.mailer.last().code!;
    t.clock.advance(24 * 3600);
    expect(await rejection(confirm(t, clientId, 'jane', code))).toMatchObject({
      code: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('throttles repeated wrong codes', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t);
    await signUp(t, clientId, 'jane');
    const code = t.mailer.last().code!;
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 4; i++) expect((await rejection(confirm(t, clientId, 'jane', wrong))).code).toBe('CodeMismatchException');
    expect(await rejection(confirm(t, clientId, 'jane', wrong))).toMatchObject({
      code: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    expect((await rejection(confirm(t, clientId, 'jane', code))).code).toBe('LimitExceededException');
    t.clock.advance(15 * 60);
    await confirm(t, clientId, 'jane', code);
  });

  it('enforces the password policy, schema and uniqueness', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t, {
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: false } },
      Schema: [{ Name: 'given_name', AttributeDataType: 'String', Required: true, Mutable: true }],
    });
    const weak = await rejection(signUp(t, clientId, 'jane', { Password: 'Short1a', UserAttributes: [{ Name: 'given_name', Value: 'J' }] }));
    expect(weak).toMatchObject({ code: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    const missing = await rejection(signUp(t, clientId, 'jane', { Password: 'LongEnough12' }));
    expect(missing).toMatchObject({ code: 'InvalidParameterException', message: 'Attributes did not conform to the schema: given_name: The attribute is required' });
    const unknown = await rejection(signUp(t, clientId, 'jane', { Password: 'LongEnough12', UserAttributes: [{ Name: 'custom:nope', Value: 'x' }] }));
    expect(unknown.message).toBe('Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined');
    await signUp(t, clientId, 'jane', { Password: 'LongEnough12', UserAttributes: [{ Name: 'given_name', Value: 'J' }] });
    const again = await rejection(signUp(t, clientId, 'jane', { Password: 'LongEnough12', UserAttributes: [{ Name: 'given_name', Value: 'J' }] }));
    expect(again).toMatchObject({ code: 'UsernameExistsException', message: 'User already exists' });
  });

  it('uses email as the username where the pool says so', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t, { UsernameAttributes: ['email'] });
    const { UserSub } = await signUp(t, clientId, 'jane@example.com', { UserAttributes: [] });
    const user = await status(t, poolId, 'jane@example.com');
    expect(user).toMatchObject({ Username: UserSub });
    expect(user.UserAttributes).toContainEqual({ Name: 'email', Value: 'jane@example.com' });
    expect(await rejection(signUp(t, clientId, 'jane', { UserAttributes: [] }))).toMatchObject({ code: 'InvalidParameterException', message: 'Username should be an email.' });
    expect(await rejection(signUp(t, clientId, 'jane@example.com', { UserAttributes: [] }))).toMatchObject({
      code: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
  });

  it('refuses sign-up when only administrators may create users', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t, { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    expect(await rejection(signUp(t, clientId, 'jane'))).toMatchObject({ code: 'NotAuthorizedException', message: 'SignUp is not permitted for this user pool' });
  });

  it('creates nothing when the mailer refuses the code', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.mailer.refuse = true;
    expect((await rejection(signUp(t, clientId, 'jane'))).code).toBe('LimitExceededException');
    expect((await rejection(status(t, poolId, 'jane'))).code).toBe('UserNotFoundException');
  });
});

describe('ResendConfirmationCode', () => {
  it('replaces the code, and refuses confirmed users', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t);
    await signUp(t, clientId, 'jane');
    const first = t.mailer.last().code!;
    const resent = await t.call<{ CodeDeliveryDetails: Record<string, string> }>('ResendConfirmationCode', { ClientId: clientId, Username: 'jane' }, publicCtx);
    expect(resent.CodeDeliveryDetails.DeliveryMedium).toBe('EMAIL');
    const second = t.mailer.last();
    expect(second.kind).toBe('resend-code');
    if (first !== second.code) expect((await rejection(confirm(t, clientId, 'jane', first))).code).toBe('CodeMismatchException');
    await confirm(t, clientId, 'jane', second.code!);
    expect(await rejection(t.call('ResendConfirmationCode', { ClientId: clientId, Username: 'jane' }, publicCtx))).toMatchObject({
      code: 'InvalidParameterException',
      message: 'User is already confirmed.',
    });
  });

  it('sends a user at most 5 codes an hour, then answers LimitExceededException', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t);
    await signUp(t, clientId, 'jane');
    const resend = () => t.call('ResendConfirmationCode', { ClientId: clientId, Username: 'jane' }, publicCtx);
    for (let i = 0; i < 5; i++) await resend();
    expect(await rejection(resend())).toMatchObject({ code: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    t.clock.advance(3601);
    await resend();
  });

  it('answers unknown users per PreventUserExistenceErrors', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t);
    expect(await rejection(t.call('ResendConfirmationCode', { ClientId: clientId, Username: 'ghost' }, publicCtx))).toMatchObject({
      code: 'UserNotFoundException',
      message: 'Username/client id combination not found.',
    });
    const hidden = await poolWithClient(t, {}, { PreventUserExistenceErrors: 'ENABLED' });
    const fake = await t.call<{ CodeDeliveryDetails: Record<string, string> }>('ResendConfirmationCode', { ClientId: hidden.clientId, Username: 'ghost@example.com' }, publicCtx);
    expect(fake.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', Destination: 'g***@e***' });
    expect((await rejection(confirm(t, hidden.clientId, 'ghost', '123456'))).code).toBe('CodeMismatchException');
  });
});

describe('ForgotPassword and ConfirmForgotPassword', () => {
  async function confirmedUser(t: Setup, client: Record<string, unknown> = {}) {
    const ids = await poolWithClient(t, {}, client);
    t.idp.putUser(ids.poolId, { username: 'jane', password: PASSWORD, attributes: { email: 'jane@example.com', email_verified: 'true' } });
    return ids;
  }

  it('sends a 1-hour code to the verified email and sets the new password with it', async () => {
    const t = setup();
    const { clientId } = await confirmedUser(t);
    const sent = await t.call<{ CodeDeliveryDetails: Record<string, string> }>('ForgotPassword', { ClientId: clientId, Username: 'jane' }, publicCtx);
    expect(sent.CodeDeliveryDetails).toEqual({ Destination: 'j***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const code = t.mailer.last().code!;
    expect(t.mailer.last().kind).toBe('forgot-password');
    const confirmReset = (Password: string, ConfirmationCode = code) =>
      t.call('ConfirmForgotPassword', { ClientId: clientId, Username: 'jane', ConfirmationCode, Password }, publicCtx);
    expect((await rejection(confirmReset('weak'))).code).toBe('InvalidPasswordException');
    await confirmReset('Another-Horse-2');
    const signIn = await t.call<{ AuthenticationResult?: unknown }>(
      'InitiateAuth',
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'jane', PASSWORD: 'Another-Horse-2' } },
      publicCtx,
    );
    expect(signIn.AuthenticationResult).toBeDefined();
  });

  it('expires reset codes after an hour', async () => {
    const t = setup();
    const { clientId } = await confirmedUser(t);
    await t.call('ForgotPassword', { ClientId: clientId, Username: 'jane' }, publicCtx);
    const code = t.mailer.last().code!;
    t.clock.advance(3600);
    const error = await rejection(t.call('ConfirmForgotPassword', { ClientId: clientId, Username: 'jane', ConfirmationCode: code, Password: 'Another-Horse-2' }, publicCtx));
    expect(error.code).toBe('ExpiredCodeException');
  });

  it('needs a verified contact', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'nomail', password: PASSWORD, attributes: { email: 'x@example.com' } });
    expect(await rejection(t.call('ForgotPassword', { ClientId: clientId, Username: 'nomail' }, publicCtx))).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
  });

  it('hides unknown users when PreventUserExistenceErrors is ENABLED', async () => {
    const t = setup();
    const { clientId } = await confirmedUser(t, { PreventUserExistenceErrors: 'ENABLED' });
    const fake = await t.call<{ CodeDeliveryDetails: Record<string, string> }>('ForgotPassword', { ClientId: clientId, Username: 'ghost@example.com' }, publicCtx);
    expect(fake.CodeDeliveryDetails.DeliveryMedium).toBe('EMAIL');
    expect(t.mailer.sent).toHaveLength(0);
  });
});
