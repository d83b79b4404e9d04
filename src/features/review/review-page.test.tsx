// @vitest-environment jsdom
import '@/lib/testing/dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CONFIG, testAdminContext, WithAdmin } from '@/lib/testing/admin-context';
import { AwsFault, fakeCognitoIdp } from '@/lib/testing/fake-aws';
import { ReviewPage } from './review-page';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const poolId = TEST_CONFIG.userPoolId;
const clients = [
  { ClientId: 'kept', ClientName: 'web' },
  { ClientId: 'gone', ClientName: 'old-app' },
];

function pool(operations: Record<string, (input: Record<string, unknown>) => unknown> = {}) {
  return fakeCognitoIdp({
    DescribeUserPool: () => ({
      UserPool: {
        Id: poolId,
        Name: 'Test pool',
        Policies: { PasswordPolicy: { MinimumLength: 6, RequireNumbers: true } },
        DeletionProtection: 'INACTIVE',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameConfiguration: { CaseSensitive: false },
        EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      },
    }),
    GetUserPoolMfaConfig: () => ({ MfaConfiguration: 'OFF' }),
    DescribeRiskConfiguration: () => new AwsFault('AccessDeniedException', `User: arn:aws:sts::000000000000:assumed-role/Admin/x is not authorized to perform: cognito-idp:DescribeRiskConfiguration on resource: arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`),
    ListUserPoolReplicas: () => ({ UserPoolReplicas: [] }),
    ListGroups: () => ({ Groups: [{ GroupName: 'admins', Precedence: 0, RoleArn: 'arn:aws:iam::000000000000:role/Admin' }] }),
    ListUserPoolClients: () => ({ UserPoolClients: clients }),
    DescribeUserPoolClient: (input) =>
      input.ClientId === 'gone'
        ? new AwsFault('ResourceNotFoundException', 'User pool client gone does not exist.')
        : { UserPoolClient: { ClientId: 'kept', ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['implicit'], CallbackURLs: ['http://web.example/cb'] } },
    ...operations,
  });
}

function renderReview(path = '/review') {
  const router = createMemoryRouter([{ path: '/review', element: <ReviewPage /> }], { initialEntries: [path] });
  render(
    <WithAdmin value={{ ...testAdminContext() }}>
      <RouterProvider router={router} />
    </WithAdmin>,
  );
  return router;
}

describe('ReviewPage', () => {
  it('shows findings worst first, filters by severity in the URL, and explains what could not be read', async () => {
    server.use(pool());
    const router = renderReview();
    expect(await screen.findByRole('heading', { name: 'Findings', level: 2 })).toBeInTheDocument();
    const list = screen.getAllByRole('listitem').filter((li) => li.classList.contains('finding'));
    expect(within(list[0]!).getByText('high')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: /^high/ }));
    expect(router.state.location.search).toBe('?severity=high');
    const shown = screen.getAllByRole('listitem').filter((li) => li.classList.contains('finding'));
    expect(shown.every((li) => within(li).queryByText('high'))).toBe(true);

    // A read the role refuses: named, never passed.
    expect(screen.getByText(/Not available: needs `cognito-idp:DescribeRiskConfiguration`/)).toBeInTheDocument();
    // The client deleted between ListUserPoolClients and DescribeUserPoolClient.
    expect(screen.getByText('This app client was deleted after the list was read. Refresh the review to see the current clients.')).toBeInTheDocument();
    // No identity pool id in this context.
    expect(screen.getAllByText(/no identity pool id was given/).length).toBeGreaterThan(0);
  });

  it('opens with the filter a link carries, and the try-a-password box checks against the pool policy', async () => {
    server.use(pool());
    renderReview('/review?severity=medium&area=password');
    await screen.findByRole('heading', { name: 'Findings', level: 2 });
    expect(screen.getByRole('checkbox', { name: /^medium/ })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Area' })).toHaveValue('password');
    expect(screen.getByText('A password needs at least 6 characters, with a number.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Try a password'), 'abcdef1');
    expect(screen.getByText('At least 6 characters').closest('li')).toHaveTextContent('(met)');
  });

  it('a pool the operator cannot describe is a clear error with a retry', async () => {
    server.use(pool({ DescribeUserPool: () => new AwsFault('AccessDeniedException', `User: arn:aws:sts::000000000000:assumed-role/Admin/x is not authorized to perform: cognito-idp:DescribeUserPool on resource: arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`) }));
    renderReview();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`The configuration of ${poolId} could not be read`);
    expect(alert).toHaveTextContent('Your role does not allow cognito-idp:DescribeUserPool');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
