// @vitest-environment jsdom
/**
 * The users list as a new operator meets it (issue 11): stale states, wording, keyboard,
 * privilege-granting bulk runs, and work that survives a reload. Against the emulator's node host
 * with the demo operator's identity-pool credentials, driving the UI as an operator does.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { bodyRows, quickFilter, renderLoadedUsers, rowHasText, selectByEmail } from '../support/users-screen';
// Not a React hook despite the name: it registers vitest beforeAll/afterAll.
import { nodeHostTarget } from '../support/targets';

const target = nodeHostTarget({ users: 40 });

afterEach(() => {
  cleanup();
  target.host().server.resetHandlers();
  localStorage.clear();
  sessionStorage.clear();
});

const renderLoaded = (path?: string) => renderLoadedUsers(target, path);

async function usernameOf(email: string): Promise<string> {
  const page = (await target.host().call('cognito-idp', 'ListUsers', { UserPoolId: DEMO.userPoolId, Filter: `email = "${email}"` })) as { Users: { Username: string }[] };
  return page.Users[0]!.Username;
}

async function groupsOf(username: string): Promise<string[]> {
  const page = (await target.host().call('cognito-idp', 'AdminListGroupsForUser', { UserPoolId: DEMO.userPoolId, Username: username })) as { Groups: { GroupName: string }[] };
  return page.Groups.map((g) => g.GroupName);
}

describe('users list, as a new operator meets it', () => {
  it('a search refused at the form leaves no stale empty state or counts from the search before', async () => {
    const user = userEvent.setup();
    await renderLoaded('/users?attribute=email&match=starts-with&value=nobody-at-all');
    expect(await screen.findByRole('heading', { name: 'No users match' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Confirmed 0$/ })).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Search value'));
    await user.click(screen.getByRole('button', { name: /^Search$/ }));
    expect(await screen.findByText('Type a value to search for.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No users match' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Confirmed 0$/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Search not run' })).toBeInTheDocument();

    // A valid search runs and shows its own answer.
    await user.type(screen.getByLabelText('Search value'), 'olivia');
    await user.click(screen.getByRole('button', { name: /^Search$/ }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: 'Search not run' })).not.toBeInTheDocument();
  });

  it('says counts in the right number, names attribute columns in words, and its filter example finds a demo user', async () => {
    const user = userEvent.setup();
    await renderLoaded('/users?attribute=email&match=equals&value=noah.kim%40example.net');
    expect(screen.getByRole('status')).toHaveTextContent(/^The only user loaded in .* \(1 ListUsers call, /);
    expect(screen.getByText('1 user', { exact: true })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Columns' }));
    for (const name of ['custom:plan', 'name']) {
      await user.selectOptions(screen.getByLabelText('Attribute from the pool schema'), name);
      await user.click(screen.getByRole('button', { name: 'Add column' }));
    }
    expect(screen.getByRole('columnheader', { name: /^Plan \(custom\)/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /^Name/ })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /custom:plan/ })).not.toBeInTheDocument();

    // The placeholder's example, typed as shown, finds someone in the demo pool.
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    await screen.findByText(/^All [\d,]+ users loaded/, {}, { timeout: 15_000 });
    const example = /e\.g\. (.*)$/.exec(quickFilter().getAttribute('placeholder') ?? '')?.[1] ?? '';
    expect(example).not.toBe('');
    await user.type(quickFilter(), example);
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    expect(rowHasText(bodyRows()[0]!, 'noah.kim@example.net')).toBe(true);
  });

  it('adds users to the admin group only after the group name is typed, and lists who was given administrator access, by email', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await selectByEmail(user, ['liam.chen@example.org', 'olivia.martin@example.org']);
    await user.selectOptions(screen.getByLabelText('Action'), 'add-to-group');
    await user.selectOptions(screen.getByLabelText('Group'), 'admins');
    await user.click(screen.getByRole('button', { name: 'Add to group…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Make 2 users administrators?' });
    expect(dialog).toHaveTextContent(/full control of this user pool/);
    const confirm = within(dialog).getByRole('button', { name: 'Give 2 users administrator access' });
    await user.type(within(dialog).getByLabelText('Type admins to confirm'), '2');
    expect(confirm).toBeDisabled();
    await user.clear(within(dialog).getByLabelText('Type admins to confirm'));
    await user.type(within(dialog).getByLabelText('Type admins to confirm'), 'admins');
    await user.click(confirm);

    const results = await screen.findByRole('region', { name: 'Add to group “admins”: results' }, { timeout: 10_000 });
    const granted = within(results).getByRole('list', { name: 'Users given administrator access' });
    expect(within(granted).getAllByRole('listitem').map((li) => li.textContent?.split(' ')[0])).toEqual(
      expect.arrayContaining(['liam.chen@example.org', 'olivia.martin@example.org']),
    );
    // Result rows name the user by email, the generated username beside it.
    const row = within(results).getByRole('row', { name: /liam\.chen@example\.org/ });
    expect(row).toHaveTextContent(/liam\.chen@example\.org [0-9a-f-]{36}/);
  });

  it('reaches the row actions with Tab and closes the Columns menu with Escape', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await user.type(quickFilter(), 'liam.chen@example.org');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    bodyRows()[0]!.focus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Resend code' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Confirm' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: /^Copy username/ })).toHaveFocus();

    const columns = screen.getByRole('button', { name: 'Columns' });
    await user.click(columns);
    await user.click(screen.getByRole('checkbox', { name: 'Created' }));
    expect(screen.getByRole('group', { name: 'Choose columns' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Choose columns' })).not.toBeInTheDocument();
    expect(columns).toHaveFocus();
    expect(columns).toHaveAttribute('aria-expanded', 'false');
  });

  it('names users by email in the first column (username on hover), clips long values with the whole on hover, and remembers resized columns', async () => {
    const user = userEvent.setup();
    const { unmount } = await renderLoaded();
    await user.type(quickFilter(), 'liam.chen@example.org');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    const link = within(bodyRows()[0]!).getAllByRole('link')[0]!;
    expect(link).toHaveTextContent('liam.chen@example.org');
    expect(link.getAttribute('title')).toMatch(/^Username [0-9a-f-]{36}$/);
    expect(within(bodyRows()[0]!).getAllByTitle('liam.chen@example.org').length).toBeGreaterThan(0);

    const grip = screen.getByRole('separator', { name: 'Resize Email' });
    expect(grip).toHaveAttribute('aria-valuenow', '240');
    grip.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(grip).toHaveAttribute('aria-valuenow', '272');
    await user.keyboard('{ArrowLeft}'.repeat(20));
    expect(grip).toHaveAttribute('aria-valuenow', '140'); // its minimum
    await user.keyboard('{ArrowRight}');
    unmount();
    // Another visit in this browser gets the same width.
    await renderLoaded();
    expect(screen.getByRole('separator', { name: 'Resize Email' })).toHaveAttribute('aria-valuenow', '156');
  });

  it('a reload mid-run keeps what was done, offers to resume the rest, and applies nothing twice', async () => {
    const user = userEvent.setup();
    const emails = ['liam.chen@example.org', 'olivia.martin@example.org', 'noah.kim@example.net'];
    const usernames = await Promise.all(emails.map(usernameOf));
    const held = usernames[2]!;
    const adds: string[] = [];
    let release: () => void = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    target.host().server.use(
      http.post('https://cognito-idp.us-east-1.amazonaws.com/', async ({ request }) => {
        if (request.headers.get('x-amz-target') !== 'AWSCognitoIdentityProviderService.AdminAddUserToGroup') return undefined;
        const body = (await request.clone().json()) as { Username: string };
        adds.push(body.Username);
        // The third user's first request is still under way when the page goes away.
        if (body.Username === held && adds.filter((u) => u === held).length === 1) await hold;
        return undefined;
      }),
    );
    try {
      const first = await renderLoaded();
      await selectByEmail(user, emails);
      await user.selectOptions(screen.getByLabelText('Action'), 'add-to-group');
      await user.selectOptions(screen.getByLabelText('Group'), 'beta-testers');
      await user.click(screen.getByRole('button', { name: 'Add to group…' }));
      await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Add to group 3 users' }));
      await screen.findByText(/2 done, 0 skipped, 0 failed/, {}, { timeout: 10_000 });
      // Leaving is questioned while it runs.
      const unload = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(unload);
      expect(unload.defaultPrevented).toBe(true);

      // Reload: the page goes away (pagehide) and comes back with a fresh cache.
      window.dispatchEvent(new Event('pagehide'));
      first.unmount();
      await renderLoaded();
      const results = screen.getByRole('region', { name: 'Add to group “beta-testers”: results' });
      expect(results).toHaveTextContent('The page was reloaded while this ran');
      expect(results).toHaveTextContent('2 done, 0 skipped, 0 failed, 1 not run');
      for (const email of emails.slice(0, 2)) expect(within(results).getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) })).toHaveTextContent('Done');

      await user.click(within(results).getByRole('button', { name: 'Resume the remaining 1' }));
      await waitFor(() => expect(screen.getByRole('region', { name: /results$/ })).toHaveTextContent('3 done, 0 skipped, 0 failed'), { timeout: 10_000 });
      // The two done before the reload were not sent again.
      expect(adds.filter((u) => u === usernames[0]).length).toBe(1);
      expect(adds.filter((u) => u === usernames[1]).length).toBe(1);
      for (const name of usernames) expect(await groupsOf(name)).toContain('beta-testers');
    } finally {
      release();
    }
  });
});
