// @vitest-environment jsdom
import '@/lib/testing/dom';
import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { alertWith, renderTestLogin, screen, section, emulatorPerFile, waitForStep } from './harness';

const emulator = emulatorPerFile();

async function signedIn(username: string = DEMO.nonAdmin.username, password: string = DEMO.nonAdmin.password, clientName?: string) {
  const view = renderTestLogin();
  const { user } = view;
  await waitForStep('client', 'Done');
  if (clientName) {
    await user.click(screen.getByRole('button', { name: "List the pool's app clients" }));
    await user.click(await screen.findByRole('button', { name: `Use ${clientName}` }));
    await waitFor(() => expect(within(section('client')).getAllByText(clientName).length).toBeGreaterThan(0));
  }
  const step = within(section('signIn'));
  await user.type(step.getByLabelText('Username for sign-in'), username);
  await user.type(step.getByLabelText('Password for sign-in'), password);
  await user.click(step.getByRole('button', { name: 'Sign in with USER_SRP_AUTH' }));
  await waitForStep('tokens', 'Done');
  return view;
}

describe('test login, step 5: tokens', () => {
  it('decodes and explains both tokens, counts down to exp, copies, reads GetUser, and marks what a refresh changed', async () => {
    const { user } = await signedIn();
    const tokens = within(section('tokens'));
    const id = within(tokens.getByRole('region', { name: 'ID token' }));
    expect(id.getByText('Signature verified')).toBeInTheDocument();
    expect(id.getByRole('rowheader', { name: 'aud' }).closest('tr')).toHaveTextContent(`${DEMO.endUserClientId}ID token only: the app client`);
    expect(id.getByRole('rowheader', { name: 'token_use' }).closest('tr')).toHaveTextContent(/^token_useid/);
    expect(id.getByRole('rowheader', { name: 'cognito:groups' }).closest('tr')).toHaveTextContent('["beta-testers"]');
    expect(id.getByText(/^Expires in/)).toHaveTextContent(/Expires in (59|60):\d\d/);
    const access = within(tokens.getByRole('region', { name: 'access token' }));
    expect(access.getByRole('rowheader', { name: 'client_id' }).closest('tr')).toHaveTextContent(DEMO.endUserClientId);
    expect(tokens.getByText(/These tokens are credentials/)).toBeInTheDocument();

    await user.click(id.getByRole('button', { name: 'Copy the ID token' }));
    expect(await id.findByText('Copied.')).toBeInTheDocument();
    expect((await navigator.clipboard.readText()).split('.')).toHaveLength(3);

    await user.click(tokens.getByRole('button', { name: 'GetUser with the access token' }));
    expect(await tokens.findByText(`GetUser: ${''}`, { exact: false })).toBeInTheDocument();
    await waitFor(() => expect(tokens.getByRole('region', { name: 'GetUser answer' })).toHaveTextContent(DEMO.nonAdmin.email));

    emulator().advanceClock(5);
    await user.click(tokens.getByRole('button', { name: 'Refresh the tokens (REFRESH_TOKEN_AUTH)' }));
    await waitFor(() => expect(within(tokens.getByRole('region', { name: 'ID token' })).getByRole('rowheader', { name: 'iat' }).closest('tr')).toHaveTextContent('changed by the refresh'));
    expect(within(tokens.getByRole('region', { name: 'ID token' })).getByRole('rowheader', { name: 'auth_time' }).closest('tr')).not.toHaveTextContent('changed by the refresh');
    expect(section('tokens').textContent).toContain('"AuthFlow": "REFRESH_TOKEN_AUTH"');
    await waitFor(() => expect(within(section('tokens')).getAllByText('Signature verified')).toHaveLength(2));
  });
});

describe('test login, step 6: identity pool', () => {
  it("gives the end user the default authenticated role through the end-user client's mapping, never showing the secret key", async () => {
    const { user } = await signedIn();
    const step = within(section('identity'));
    await user.click(step.getByRole('button', { name: 'Get AWS credentials for the test user' }));
    await waitForStep('identity', 'Done');
    expect(step.getByText(DEMO.authenticatedRoleArn)).toBeInTheDocument();
    expect(step.getByText(`Role mapping: ${DEMO.identityProvider}:${DEMO.endUserClientId}`)).toBeInTheDocument();
    expect(step.getByText(/Rules mapping \(the mapping for this app client\): the first matching rule, aud Equals "pk0demo0mobile0app00000003"/)).toBeInTheDocument();
    expect(step.getByText('Never shown')).toBeInTheDocument();
    for (const op of ['cognito-identity:GetIdentityPoolRoles', 'cognito-identity:GetId', 'cognito-identity:GetCredentialsForIdentity']) expect(step.getByText(op)).toBeInTheDocument();
    const keyId = step.getByText(/^ASIA/).textContent!;
    const secret = emulator().emulator.iam.lookup(keyId)!.secretAccessKey;
    expect(document.body.textContent).not.toContain(secret);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('still runs when the operator may not read the role mapping, and says why the role is not explained', async () => {
    emulator().server.use(
      http.post('https://cognito-identity.us-east-1.amazonaws.com/', ({ request }) =>
        request.headers.get('x-amz-target')?.endsWith('.GetIdentityPoolRoles')
          ? HttpResponse.json({ __type: 'AccessDeniedException', message: 'User: x is not authorized to perform: cognito-identity:GetIdentityPoolRoles' }, { status: 400 })
          : undefined,
      ),
    );
    const { user } = await signedIn();
    const step = within(section('identity'));
    await user.click(step.getByRole('button', { name: 'Get AWS credentials for the test user' }));
    await waitForStep('identity', 'Done');
    expect(step.getByText(/could not be read with your rights \(GetIdentityPoolRoles: AccessDeniedException\)/)).toBeInTheDocument();
    expect(step.getByText('Not reported by Cognito Identity (see the role mapping below)')).toBeInTheDocument();
    expect(step.getByText(/^us-east-1:[0-9a-f-]{36}$/)).toBeInTheDocument();
  });

  it('shows the refusal with AWS\'s reason when the mapping denies (the same user through the admin client)', async () => {
    const { user } = await signedIn(DEMO.nonAdmin.username, DEMO.nonAdmin.password, 'poolkeeper-admin');
    const step = within(section('identity'));
    await user.click(step.getByRole('button', { name: 'Get AWS credentials for the test user' }));
    await waitForStep('identity', 'Failed');
    const refusal = alertWith(section('identity'), /^NotAuthorizedException/);
    expect(refusal).toHaveTextContent(/role mapping refused this user/);
    expect(refusal).toHaveTextContent(`The ambiguous role mapping rules for: ${DEMO.identityProvider} denied this request.`);
    expect(step.getByText(/refuses \(AmbiguousRoleResolution: Deny\)/)).toBeInTheDocument();
  });
});

describe('test login, step 7: call an API', () => {
  it('calls the demo API with the ID token (200, the claims the backend sees) and explains 401s without a token and with the access token', async () => {
    const { user } = await signedIn();
    const step = within(section('api'));
    expect(step.getByLabelText('API URL')).toHaveValue(DEMO.demoApi.url);
    expect(step.getByLabelText('The request')).toHaveTextContent("Authorization: 'Bearer eyJ");
    await user.click(step.getByRole('button', { name: 'Send the request' }));
    await waitForStep('api', 'Done');
    expect(step.getByText('HTTP 200')).toBeInTheDocument();
    expect(step.getByText(/The API accepted the token/)).toBeInTheDocument();
    expect(step.getByRole('region', { name: 'The response' }).textContent).toContain(`"aud": "${DEMO.endUserClientId}"`);

    await user.click(step.getByRole('radio', { name: 'No token' }));
    await user.click(step.getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(step.getByText(/^HTTP 401/)).toBeInTheDocument());
    expect(step.getByText(/No token was sent, so the authorizer refused the call/)).toBeInTheDocument();

    await user.click(step.getByRole('radio', { name: 'Access token' }));
    await user.click(step.getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(step.getByText(/accepts only ID tokens/)).toBeInTheDocument());
  });

  it('refuses a non-http(s) URL before sending, explains a routing 403, and explains a CORS failure (TypeError from fetch)', async () => {
    const { user } = await signedIn();
    const step = within(section('api'));
    const url = step.getByLabelText('API URL');
    await user.clear(url);
    await user.type(url, 'javascript:alert(1)');
    await user.click(step.getByRole('button', { name: 'Send the request' }));
    await waitForStep('api', 'Failed');
    expect(step.getAllByRole('alert')[0]).toHaveTextContent(/^InvalidUrl.*"javascript:" was refused before anything was sent/);

    await user.clear(url);
    await user.type(url, `https://${DEMO.demoApi.id}.execute-api.us-east-1.amazonaws.com/demo/nothing-here`);
    await user.click(step.getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(step.getByText(/^HTTP 403/)).toBeInTheDocument());
    expect(step.getByText(/this is a routing error, not a token problem/)).toBeInTheDocument();

    emulator().server.use(http.get(DEMO.demoApi.url, () => HttpResponse.error()));
    await user.clear(url);
    await user.type(url, DEMO.demoApi.url);
    await user.click(step.getByRole('button', { name: 'Send the request' }));
    await waitForStep('api', 'Failed');
    expect(step.getAllByRole('alert')[0]).toHaveTextContent(/^TypeError: Failed to fetch.*carry none unless you add Access-Control-Allow-Origin/);
    expect(url).toHaveValue(DEMO.demoApi.url);
  });
});

describe('test login, step 8: sign out and clean up', () => {
  it('signs out everywhere, shows the refresh token refused, and deletes the user this panel created after a confirmation', async () => {
    const { user } = renderTestLogin();
    await waitForStep('client', 'Done');
    const signUp = within(section('signUp'));
    await user.type(signUp.getByLabelText('Email (the username in this pool)'), 'cleanup@example.com');
    await user.type(signUp.getByLabelText('Password'), 'Tester-Passw0rd!');
    await user.click(signUp.getByRole('button', { name: 'Sign up' }));
    await waitForStep('signUp', 'Done');
    await emulator().call('cognito-idp', 'AdminConfirmSignUp', { UserPoolId: DEMO.userPoolId, Username: 'cleanup@example.com' });
    await user.click(within(section('signIn')).getByRole('button', { name: 'Sign in with USER_SRP_AUTH' }));
    await waitForStep('tokens', 'Done');

    const step = within(section('signOut'));
    await user.click(step.getByRole('button', { name: 'Sign out everywhere (GlobalSignOut)' }));
    await waitForStep('signOut', 'Done');
    expect(step.getAllByRole('alert')[0]).toHaveTextContent(/^NotAuthorizedException.*refresh token no longer works/);
    expect(step.getByText(/Signed out everywhere: the refresh token is refused now/)).toBeInTheDocument();
    expect(step.getByText('cognito-idp:GlobalSignOut')).toBeInTheDocument();

    expect(step.getByText(/was created by this panel/)).toBeInTheDocument();
    await user.click(step.getByRole('button', { name: 'Delete the test user' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete cleanup@example.com?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(step.getByRole('button', { name: 'Delete the test user' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete the test user' }));
    expect(await step.findByText('Deleted cleanup@example.com from the pool.')).toBeInTheDocument();
    expect(step.getByText('cognito-idp:AdminDeleteUser')).toBeInTheDocument();
    await expect(emulator().call('cognito-idp', 'AdminGetUser', { UserPoolId: DEMO.userPoolId, Username: 'cleanup@example.com' })).rejects.toMatchObject({ code: 'UserNotFoundException' });
    expect(within(section('tokens')).getByText(/Sign the test user in/)).toBeInTheDocument();
  });

  it('asks for an explicit choice before deleting a user it did not create, and forgets the session when the panel is left', async () => {
    const { user, router } = await signedIn();
    const step = within(section('signOut'));
    expect(step.getByText(/was not created by this panel/)).toBeInTheDocument();
    expect(step.getByRole('button', { name: 'Delete the test user' })).toBeDisabled();
    await user.click(step.getByRole('checkbox', { name: 'I want to delete this existing user' }));
    expect(step.getByRole('button', { name: 'Delete the test user' })).toBeEnabled();

    await router.navigate('/elsewhere');
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeInTheDocument();
    await router.navigate('/test-login');
    await waitForStep('client', 'Done');
    expect(within(section('tokens')).getByText(/Sign the test user in/)).toBeInTheDocument();
    expect(within(section('signIn')).getByLabelText('Password for sign-in')).toHaveValue('');
    expect(window.sessionStorage.length).toBe(0);
    expect(window.localStorage.length).toBe(0);
  });
});
