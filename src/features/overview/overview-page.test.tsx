// @vitest-environment jsdom
import '@/lib/testing/dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AwsFault, fakeCognitoIdp, fakeSes } from '@/lib/testing/fake-aws';
import { TEST_CONFIG, WithAdmin } from '@/lib/testing/admin-context';
import { OverviewPage } from './overview-page';

const created = Date.UTC(2026, 0, 15, 9, 30) / 1000;

function pool(overrides: Record<string, unknown> = {}) {
  return {
    UserPool: {
      Id: TEST_CONFIG.userPoolId,
      Name: 'Acme customers',
      Arn: `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${TEST_CONFIG.userPoolId}`,
      EstimatedNumberOfUsers: 1234,
      MfaConfiguration: 'OPTIONAL',
      DeletionProtection: 'ACTIVE',
      UsernameAttributes: ['email'],
      CreationDate: created,
      LastModifiedDate: created,
      EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/no-reply@example.com', From: 'no-reply@example.com' },
      ...overrides,
    },
  };
}

/** ListGroups answers in pages of two, to check the count follows NextToken. */
const groups = ['admins', 'support', 'beta'];
const listGroups = (input: Record<string, unknown>) => {
  const start = input.NextToken ? Number(input.NextToken) : 0;
  const page = groups.slice(start, start + 2).map((GroupName) => ({ GroupName }));
  return { Groups: page, ...(start + 2 < groups.length ? { NextToken: String(start + 2) } : {}) };
};

const quotaXml = '<Max24HourSend>200</Max24HourSend><MaxSendRate>1</MaxSendRate><SentLast24Hours>8</SentLast24Hours>';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderOverview() {
  return render(
    <WithAdmin>
      <OverviewPage />
    </WithAdmin>,
  );
}

const card = (name: string) => screen.getByRole('region', { name });

describe('OverviewPage', () => {
  it('shows a loading state, then every figure from the real calls', async () => {
    server.use(
      fakeCognitoIdp({ DescribeUserPool: () => pool(), ListGroups: listGroups, ListUserPoolClients: () => ({ UserPoolClients: [{ ClientId: 'a' }, { ClientId: 'b' }] }) }),
      fakeSes({ GetSendQuota: () => quotaXml }),
    );
    renderOverview();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the user pool…');

    expect(await screen.findByText('1,234')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Pool overview' })).toBeInTheDocument();
    expect(within(card('Users')).getByText('estimated users')).toBeInTheDocument();
    expect(await within(card('Groups')).findByText('3')).toBeInTheDocument();
    expect(await within(card('App clients')).findByText('2')).toBeInTheDocument();
    expect(await within(card('Email limit')).findByText('of 200 sent')).toBeInTheDocument();
    expect(within(card('Email limit')).getByRole('meter', { name: 'SES emails sent in the last 24 hours' })).toHaveAttribute('aria-valuenow', '8');
    const poolCard = card('Pool');
    expect(within(poolCard).getByText(TEST_CONFIG.userPoolId)).toBeInTheDocument();
    expect(within(poolCard).getByText('us-east-1')).toBeInTheDocument();
    expect(within(poolCard).getAllByText(/2026/, { selector: 'dd' })).toHaveLength(2);
    expect(within(card('Security')).getByText('Optional')).toBeInTheDocument();
    expect(within(card('Security')).getByText('Active')).toBeInTheDocument();
    expect(within(card('Email')).getByText('Amazon SES')).toBeInTheDocument();
  });

  it('states the Cognito default sender limit without asking SES', async () => {
    server.use(
      fakeCognitoIdp({
        DescribeUserPool: () => pool({ EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' }, MfaConfiguration: 'OFF', DeletionProtection: 'INACTIVE' }),
        ListGroups: listGroups,
        ListUserPoolClients: () => ({ UserPoolClients: [{ ClientId: 'a' }] }),
      }),
      // No SES handler: a GetSendQuota call would fail the test as an unhandled request.
    );
    renderOverview();
    expect(await within(await screen.findByRole('region', { name: 'Email limit' })).findByText('emails a day')).toBeInTheDocument();
    expect(within(card('Email limit')).getByText('50')).toBeInTheDocument();
    expect(within(card('Email')).getByText('Cognito default')).toBeInTheDocument();
    expect(within(card('Security')).getByText('Off')).toBeInTheDocument();
    expect(within(card('Security')).getByText('Inactive')).toBeInTheDocument();
    expect(await within(card('App clients')).findByText('app client')).toBeInTheDocument();
  });

  it('shows empty states for a pool with no users and no groups', async () => {
    server.use(
      fakeCognitoIdp({ DescribeUserPool: () => pool({ EstimatedNumberOfUsers: 0 }), ListGroups: () => ({ Groups: [] }), ListUserPoolClients: () => ({ UserPoolClients: [] }) }),
      fakeSes({ GetSendQuota: () => quotaXml }),
    );
    renderOverview();
    expect(await screen.findByText(/No users yet\./)).toBeInTheDocument();
    expect(await screen.findByText(/No groups yet\./)).toBeInTheDocument();
    expect(await screen.findByText(/No app clients\./)).toBeInTheDocument();
  });

  it('explains a failure in words and recovers on retry', async () => {
    let calls = 0;
    server.use(
      fakeCognitoIdp({
        DescribeUserPool: () => (++calls === 1 ? new AwsFault('AccessDeniedException', `User: arn:aws:sts::000000000000:assumed-role/R/x is not authorized to perform: cognito-idp:DescribeUserPool on resource: arn:aws:cognito-idp:us-east-1:000000000000:userpool/${TEST_CONFIG.userPoolId}`) : pool()),
        ListGroups: listGroups,
        ListUserPoolClients: () => ({ UserPoolClients: [] }),
      }),
      fakeSes({ GetSendQuota: () => quotaXml }),
    );
    renderOverview();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The user pool could not be loaded');
    expect(alert).toHaveTextContent(`Your role does not allow cognito-idp:DescribeUserPool on arn:aws:cognito-idp:us-east-1:000000000000:userpool/${TEST_CONFIG.userPoolId}.`);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1,234')).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('says the network is down when AWS cannot be reached, and loads once it can', async () => {
    let offline = true;
    server.use(
      http.post(`https://cognito-idp.${TEST_CONFIG.region}.amazonaws.com/`, () => (offline ? HttpResponse.error() : undefined)),
      fakeCognitoIdp({ DescribeUserPool: () => pool(), ListGroups: listGroups, ListUserPoolClients: () => ({ UserPoolClients: [] }) }),
      fakeSes({ GetSendQuota: () => quotaXml }),
    );
    renderOverview();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cannot reach AWS. Check your network connection and try again.');
    offline = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1,234')).toBeInTheDocument();
  });

  it('keeps the page when only a count fails, with its own retry', async () => {
    let fail = true;
    server.use(
      fakeCognitoIdp({
        DescribeUserPool: () => pool(),
        ListGroups: (input) => (fail ? new AwsFault('TooManyRequestsException', 'Rate exceeded') : listGroups(input)),
        ListUserPoolClients: () => ({ UserPoolClients: [] }),
      }),
      fakeSes({ GetSendQuota: () => quotaXml }),
    );
    renderOverview();
    const groupsAlert = await within(await screen.findByRole('region', { name: 'Groups' })).findByRole('alert');
    expect(groupsAlert).toHaveTextContent('Too many requests reached AWS at once. Wait a moment and try again.');
    expect(screen.getByText('1,234')).toBeInTheDocument();
    fail = false;
    await userEvent.click(within(groupsAlert).getByRole('button', { name: 'Try again' }));
    expect(await within(card('Groups')).findByText('3')).toBeInTheDocument();
  });

  it('refreshes every figure, not just the pool, on Refresh', async () => {
    const calls = { describe: 0, groups: 0, clients: 0, quota: 0 };
    server.use(
      fakeCognitoIdp({
        DescribeUserPool: () => (calls.describe++, pool({ EstimatedNumberOfUsers: 1000 + calls.describe })),
        ListGroups: (input) => (calls.groups++, listGroups(input)),
        ListUserPoolClients: () => (calls.clients++, { UserPoolClients: [] }),
      }),
      fakeSes({ GetSendQuota: () => (calls.quota++, quotaXml) }),
    );
    renderOverview();
    expect(await screen.findByText('1,001')).toBeInTheDocument();
    await within(card('Email limit')).findByText('of 200 sent');
    await within(card('Groups')).findByText('3');
    const before = { ...calls };
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('1,002')).toBeInTheDocument();
    await waitFor(() => expect(calls.quota).toBe(before.quota + 1));
    expect(calls.clients).toBe(before.clients + 1);
    expect(calls.groups).toBe(before.groups + 2);
  });

  it('shows an SES failure inside the email card only', async () => {
    server.use(
      fakeCognitoIdp({ DescribeUserPool: () => pool(), ListGroups: listGroups, ListUserPoolClients: () => ({ UserPoolClients: [] }) }),
      fakeSes({ GetSendQuota: () => new AwsFault('AccessDenied', 'User is not authorized to perform: ses:GetSendQuota', 403) }),
    );
    renderOverview();
    const alert = await within(await screen.findByRole('region', { name: 'Email limit' })).findByRole('alert');
    expect(alert).toHaveTextContent('Your role does not allow ses:GetSendQuota.');
  });
});
