/**
 * Test-only: renders the detail routes at a URL inside a memory router, with a fresh query
 * client and the given admin context, the way the signed-in layout would.
 */
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import type { AdminContextValue } from '@/aws/admin-context';
import { testQueryClient, WithAdmin } from '@/lib/testing/admin-context';
import { noticeFrom } from '../paths';
import { detailRoutes } from '../routes';

function ListStub() {
  const notice = noticeFrom(useLocation().state);
  return (
    <>
      <h1>All users</h1>
      {notice && <p>{notice.text}</p>}
    </>
  );
}

export function renderRoute(path: string, ctx: AdminContextValue) {
  const queryClient = testQueryClient();
  const router = createMemoryRouter([{ path: '/', children: [...detailRoutes, { path: 'users', element: <ListStub /> }] }], {
    initialEntries: [path],
  });
  const view = render(
    <WithAdmin value={ctx} client={queryClient}>
      <RouterProvider router={router} />
    </WithAdmin>,
  );
  return { ...view, router, queryClient };
}
