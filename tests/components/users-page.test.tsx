// @vitest-environment jsdom
/**
 * The users list as a new operator meets it (issue 11): stale states, wording, keyboard,
 * privilege-granting bulk runs, and work that survives a reload. Against the emulator's node host
 * with the demo operator's identity-pool credentials, driving the UI as an operator does.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyRows, renderLoadedUsers } from '../support/users-screen';
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
});
