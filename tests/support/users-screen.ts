/** Driving the users list in component tests: render it loaded, find its body rows and filter. */
import { screen } from '@testing-library/react';
import { renderUsersPage } from '../../src/features/users/testing/render-users-page';
import { demoAdminContext } from './demo-admin';
import type { EmulatorTarget } from './targets';

/** The users page at `path`, once every user of the view has loaded. */
export async function renderLoadedUsers(target: EmulatorTarget, path = '/users') {
  const rendered = renderUsersPage(path, await demoAdminContext(target));
  await screen.findByText(/^All [\d,]+ users? loaded/, {}, { timeout: 15_000 });
  return rendered;
}

export const bodyRows = () => screen.queryAllByRole('row').filter((row) => row.classList.contains('users-table__row--body'));
export const quickFilter = () => screen.getByLabelText('Filter loaded users');
