// @vitest-environment jsdom
import '@/lib/testing/dom';
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { renderTestLogin, screen, section, emulatorPerFile, waitForStep } from './harness';

const emulator = emulatorPerFile();

async function createClient(input: Record<string, unknown>): Promise<string> {
  const out = (await emulator().call('cognito-idp', 'CreateUserPoolClient', { UserPoolId: DEMO.userPoolId, ClientName: 'extra', ...input })) as {
    UserPoolClient: { ClientId: string };
  };
  return out.UserPoolClient.ClientId;
}

describe('test login, step 1: the app client', () => {
  it('describes the configured end-user client at once, with its auth flows, and lists the pool\'s clients to pick from', async () => {
    const { user } = renderTestLogin();
    await waitForStep('client', 'Done');
    const step = within(section('client'));
    expect(step.getByText('acme-mobile-app')).toBeInTheDocument();
    expect(step.getByText('ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH')).toBeInTheDocument();
    expect(step.getByText(/None — a public client/)).toBeInTheDocument();
    expect(step.getByText('cognito-idp:DescribeUserPoolClient')).toBeInTheDocument();
    expect(step.getByText('cognito-idp:DescribeUserPool')).toBeInTheDocument();

    await user.click(step.getByRole('button', { name: "List the pool's app clients" }));
    await waitForStep('client', 'Done');
    const list = step.getByRole('list', { name: 'App clients of the pool' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('poolkeeper-admin'), expect.stringContaining('test-login'), expect.stringContaining('acme-mobile-app')]),
    );
    await user.click(within(list).getByRole('button', { name: 'Use test-login' }));
    await waitFor(() => expect(step.getByText('ALLOW_USER_SRP_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH')).toBeInTheDocument());
    expect(step.getByRole('textbox', { name: 'App client id' })).toHaveValue(DEMO.testClientId);
  });

  it('says why a client with a secret cannot be used from a browser, and never shows the secret', async () => {
    const withSecret = await createClient({ GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const { user } = renderTestLogin();
    await waitForStep('client', 'Done');
    const field = screen.getByRole('textbox', { name: 'App client id' });
    await user.clear(field);
    await user.type(field, withSecret);
    await user.click(screen.getByRole('button', { name: 'Use this client' }));
    expect(await screen.findByText('This client has a secret, so it cannot be used from a browser')).toBeInTheDocument();
    expect(within(section('client')).getByText(/must carry a SECRET_HASH/)).toBeInTheDocument();
    const secret = ((await emulator().call('cognito-idp', 'DescribeUserPoolClient', { UserPoolId: DEMO.userPoolId, ClientId: withSecret })) as { UserPoolClient: { ClientSecret: string } }).UserPoolClient.ClientSecret;
    expect(document.body.textContent).not.toContain(secret);
    expect(document.body.textContent).toContain('ClientSecret');
  });

  it('explains when USER_SRP_AUTH is not allowed, and an unknown client by its Cognito error', async () => {
    const noSrp = await createClient({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const { user } = renderTestLogin();
    await waitForStep('client', 'Done');
    const field = screen.getByRole('textbox', { name: 'App client id' });
    await user.clear(field);
    await user.type(field, noSrp);
    await user.click(screen.getByRole('button', { name: 'Use this client' }));
    expect(await screen.findByText('USER_SRP_AUTH is not allowed for this client')).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, 'nosuchclient000000000000x');
    await user.click(screen.getByRole('button', { name: 'Use this client' }));
    await waitForStep('client', 'Failed');
    expect(within(section('client')).getAllByRole('alert').map((a) => a.textContent)).toContainEqual(expect.stringMatching(/^ResourceNotFoundException.*does not exist/));
    expect(field).toHaveValue('nosuchclient000000000000x');
  });

  it("imports the client from the app's aws-exports, and refuses another pool's", async () => {
    const { user } = renderTestLogin();
    await waitForStep('client', 'Done');
    await user.click(screen.getByText("Import the client from your app's aws-exports"));
    const box = screen.getByLabelText(/aws-exports.js/);
    await user.click(box);
    await user.paste(`const awsmobile = { "aws_user_pools_id": "us-east-1_Other1", "aws_user_pools_web_client_id": "${DEMO.testClientId}" };`);
    await user.click(screen.getByRole('button', { name: 'Import aws_user_pools_web_client_id' }));
    expect(await screen.findByText(/That app uses user pool us-east-1_Other1/)).toBeInTheDocument();
    await user.clear(box);
    await user.paste(`{ "aws_user_pools_id": "${DEMO.userPoolId}", "aws_user_pools_web_client_id": "${DEMO.testClientId}" }`);
    await user.click(screen.getByRole('button', { name: 'Import aws_user_pools_web_client_id' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'App client id' })).toHaveValue(DEMO.testClientId));
    await waitFor(() => expect(within(section('client')).getByText('test-login')).toBeInTheDocument());
  });
});
