import type { RouteObject } from 'react-router';
import { CreateUserPage } from '../create/create-user-page';
import { RouteError } from './components/route-error';
import { UserPage } from './components/user-page';

/**
 * Routes of the user page and the create form, relative to the signed-in layout. 'users/new' is a
 * static segment and outranks ':username' — so a user literally named "new" is reachable only as
 * /users/new/attributes (the tab routes), which the typed path helpers always produce.
 */
export const detailRoutes: RouteObject[] = [
  { path: 'users/new', element: <CreateUserPage />, errorElement: <RouteError /> },
  { path: 'users/:username/*', element: <UserPage />, errorElement: <RouteError /> },
];
