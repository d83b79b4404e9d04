/**
 * Test-only: the users list route (and a stub user page) in a memory router with a fresh query
 * client and the given admin context, the way the signed-in layout provides them. jsdom has no
 * layout, so the table's scroll area is given a size for the virtualizer to fill.
 */
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import type { AdminContextValue } from '@/aws/admin-context';
import { testQueryClient, WithAdmin } from '@/lib/testing/admin-context';
import { UsersPage } from '../users-page';

function UserPageStub() {
  const { username } = useParams();
  return <h1>User page for {username}</h1>;
}

let sized = false;
/** Gives `.users-table__scroll` a viewport (jsdom reports 0×0 for everything). */
export function sizeScrollAreas(height = 600, width = 1400) {
  if (sized) return;
  sized = true;
  const size = (axis: 'clientHeight' | 'clientWidth' | 'offsetHeight' | 'offsetWidth', value: number) => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, axis);
    Object.defineProperty(HTMLElement.prototype, axis, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('users-table__scroll') ? value : (original?.get?.call(this) ?? 0);
      },
    });
  };
  size('clientHeight', height);
  size('offsetHeight', height);
  size('clientWidth', width);
  size('offsetWidth', width);
}

export function renderUsersPage(path: string, ctx: AdminContextValue) {
  sizeScrollAreas();
  const queryClient = testQueryClient();
  const router = createMemoryRouter(
    [
      {
        path: '/',
        children: [
          { path: 'users', element: <UsersPage /> },
          { path: 'users/:username/*', element: <UserPageStub /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  const view = render(
    <WithAdmin value={ctx} client={queryClient}>
      <RouterProvider router={router} />
    </WithAdmin>,
  );
  return { ...view, router, queryClient };
}
