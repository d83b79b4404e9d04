import type { RouteObject } from 'react-router';
import { OverviewPage } from './overview-page';

export const routes: RouteObject[] = [{ index: true, element: <OverviewPage />, handle: { title: 'Overview' } }];
