import type { RouteObject } from 'react-router';
import { ReviewPage } from './review-page';

export const routes: RouteObject[] = [{ path: 'review', element: <ReviewPage />, handle: { title: 'Configuration' } }];
