import type { RouteObject } from 'react-router';

export interface FeatureEntry {
  name: string;
  /** The first URL segment the feature owns inside the signed-in area ('' = the home page). */
  segment: string;
  /** The feature's route module (`src/features/<name>/routes.tsx`), loaded on first visit. */
  load: () => Promise<{ routes: RouteObject[] }>;
  /** Present only for screens that work: the navigation lists exactly these. */
  nav?: { label: string; to: string; end?: boolean };
}

/**
 * Every feature's routes hang under the signed-in layout with paths relative to it ('users',
 * 'users/:username/*'). To add a feature: one entry here; its code stays out of the first bundle.
 */
export const FEATURES: FeatureEntry[] = [
  { name: 'overview', segment: '', load: () => import('@/features/overview/routes'), nav: { label: 'Overview', to: '/', end: true } },
  { name: 'users', segment: 'users', load: () => import('@/features/users/routes'), nav: { label: 'Users', to: '/users' } },
  { name: 'email', segment: 'email', load: () => import('@/features/email/routes'), nav: { label: 'Email & codes', to: '/email' } },
  { name: 'review', segment: 'review', load: () => import('@/features/review/routes'), nav: { label: 'Configuration', to: '/review' } },
  { name: 'test-login', segment: 'test-login', load: () => import('@/features/test-login/routes'), nav: { label: 'Test login', to: '/test-login' } },
];

/** The feature that owns a path such as '/users/alice/groups' (basename already removed). */
export function featureForPath(pathname: string, features: readonly FeatureEntry[] = FEATURES): FeatureEntry | undefined {
  const segment = pathname.replace(/^\/+/, '').split('/')[0] ?? '';
  return features.find((feature) => feature.segment === decodeURIComponent(segment));
}
