import type { RouteObject } from 'react-router';
import { detailRoutes } from './detail/routes';
import { UsersPage } from './users-page';

/** The users list ('users') plus the user page and create form ('users/new', 'users/:username/*'). */
export const routes: RouteObject[] = [{ path: 'users', element: <UsersPage />, handle: { title: 'Users' } }, ...detailRoutes];
