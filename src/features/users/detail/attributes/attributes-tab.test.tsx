// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { putFakeUser } from '@/aws/user-detail.fake';
import { fakePoolPerTest } from '../testing/fake-server';
import { renderRoute } from '../testing/render-route';

const markup = '<img src=x onerror="window.pwned=1"><b>bold</b>';
const start = fakePoolPerTest((pool) => {
  putFakeUser(pool, {
    username: 'alice',
    attributes: { email: 'alice@example.com', email_verified: 'true', given_name: markup, 'custom:tenant': 'acme' },
  });
});

const status = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite');
const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('attributes tab', () => {
  it('types every attribute from the schema: editable, read-only, and markup shown as text', async () => {
    const { ctx } = start();
    const { container } = renderRoute('/users/alice/attributes', ctx);
    const givenName = await screen.findByLabelText('given_name');
    expect(givenName).toHaveValue(markup);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByLabelText('email_verified').tagName).toBe('SELECT');
    expect(screen.getByLabelText('email')).toHaveAttribute('aria-required', 'true');
    expect(within(row('custom:tenant')).getByText('acme')).toBeInTheDocument();
    expect(within(row('custom:tenant')).queryByRole('textbox')).toBeNull();
    expect(within(row('custom:tenant')).getByText(/read-only/)).toBeInTheDocument();
    expect(within(row('sub')).queryByRole('textbox')).toBeNull();
    expect(within(row('custom:tier')).getByText('Number')).toBeInTheDocument();
  });

  it('saves changed attributes and deletes cleared optional ones in one go', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice/attributes', ctx);
    const save = await screen.findByRole('button', { name: 'Save attributes' });
    expect(save).toBeDisabled();
    await userEvent.clear(screen.getByLabelText('given_name'));
    expect(screen.getByLabelText('custom:tier')).not.toBeVisible();
    await userEvent.click(screen.getByText('Attributes not set (4)'));
    expect(screen.getByLabelText('custom:tier')).toBeVisible();
    await userEvent.type(screen.getByLabelText('custom:tier'), '3');
    await userEvent.click(save);
    await waitFor(() => expect(status()).toHaveTextContent("Saved alice's attributes: updated custom:tier; deleted given_name."));
    expect(pool.users.get('alice')?.attributes).toMatchObject({ 'custom:tier': '3' });
    expect(pool.users.get('alice')?.attributes.given_name).toBeUndefined();
    expect(pool.calls.map((c) => c.op)).toContain('AdminDeleteUserAttributes');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save attributes' })).toBeDisabled());
  });

  it('shows validation errors at the field and sends nothing', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice/attributes', ctx);
    await userEvent.click(await screen.findByText(/Attributes not set/, { selector: 'summary' }));
    await userEvent.type(screen.getByLabelText('phone_number'), '0123');
    await userEvent.type(screen.getByLabelText('custom:tier'), '9');
    await userEvent.click(screen.getByRole('button', { name: 'Save attributes' }));
    expect(await screen.findByText(/E\.164 format/)).toBeInTheDocument();
    expect(screen.getByText('Must be at most 5.')).toBeInTheDocument();
    expect(screen.getByLabelText('phone_number')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('phone_number')).toHaveAccessibleDescription(/E\.164/);
    expect(pool.calls.filter((c) => c.op.startsWith('AdminUpdate'))).toEqual([]);
  });

  it('puts a Cognito error about an attribute at that attribute', async () => {
    const { pool, ctx } = start();
    pool.failures.set('AdminUpdateUserAttributes', ['AliasExistsException', 'An account with the given email already exists.']);
    renderRoute('/users/alice/attributes', ctx);
    const email = await screen.findByLabelText('email');
    await userEvent.clear(email);
    await userEvent.type(email, 'taken@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save attributes' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription(/Another account already uses this email/));
    expect(email).toHaveFocus();
  });

  it('deletes one optional attribute after confirming', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice/attributes', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete given_name' }));
    await userEvent.click(within(screen.getByRole('alertdialog', { name: 'Delete given_name?' })).getByRole('button', { name: 'Delete attribute' }));
    await waitFor(() => expect(status()).toHaveTextContent('deleted given_name'));
    expect(pool.users.get('alice')?.attributes.given_name).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Delete email' })).toBeNull();
  });

  it('asks before leaving with unsaved edits (another tab of the page, Back, closing the tab), and keeps them on Stay', async () => {
    const { ctx } = start();
    const { router } = renderRoute('/users/alice/attributes', ctx);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    await screen.findByLabelText('given_name');
    expect(unload()).toBe(false);
    await userEvent.type(screen.getByLabelText('given_name'), ' Jr');
    expect(unload()).toBe(true);

    await userEvent.click(screen.getByRole('link', { name: 'Groups' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe('/users/alice/attributes');
    expect(screen.getByLabelText('given_name')).toHaveValue(`${markup} Jr`);

    await userEvent.click(screen.getByRole('link', { name: 'All users' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByRole('heading', { name: 'All users' })).toBeInTheDocument();
    expect(unload()).toBe(false);
  });
});
