/** Driving the users list in component tests: render it loaded, find its body rows and filter. */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import { renderUsersPage } from '../../src/features/users/testing/render-users-page';
import { demoAdminContext } from './demo-admin';
import type { EmulatorTarget } from './targets';

/** The users page at `path`, once every user of the view has loaded. */
export async function renderLoadedUsers(target: EmulatorTarget, path = '/users') {
  const rendered = renderUsersPage(path, await demoAdminContext(target));
  await screen.findByText(/^(All [\d,]+ users|The only user) loaded/, {}, { timeout: 15_000 });
  return rendered;
}

export const bodyRows = () => screen.queryAllByRole('row').filter((row) => row.classList.contains('users-table__row--body'));
export const quickFilter = () => screen.getByLabelText('Filter loaded users');

/** Selects each user found by filtering for their email (selection survives the quick filter). */
export async function selectByEmail(user: UserEvent, emails: readonly string[]) {
  for (const email of emails) {
    await user.clear(quickFilter());
    await user.type(quickFilter(), email);
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    await user.click(within(bodyRows()[0]!).getByRole('checkbox'));
  }
}

/** The username a body row links to (the first column shows the email in email-sign-in pools). */
export const rowUsername = (row: HTMLElement) => decodeURIComponent(within(row).getAllByRole('link')[0]!.getAttribute('href')!.split('/')[2]!);

/** A cell's text in a row, where the first column and the Email column may both show the email. */
export const rowHasText = (row: HTMLElement, text: string) => within(row).queryAllByText(text).length > 0;
