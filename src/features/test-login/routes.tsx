import type { RouteObject } from 'react-router';
import { TestLoginPage } from './test-login-page';

export const routes: RouteObject[] = [{ path: 'test-login', element: <TestLoginPage />, handle: { title: 'Test login' } }];
