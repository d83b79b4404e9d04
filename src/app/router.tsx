import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { FullPageLoading } from '@/components/full-page-loading';
import { SignInPage } from '@/features/auth/sign-in-page';
import { FEATURES, featureForPath, type FeatureEntry } from './feature-registry';
import { RequireAdmin } from './require-admin';
import { RootLayout } from './root-layout';
import { NotFoundPage, RouteError } from './route-error';

export const SIGNED_IN_ROUTE_ID = 'signed-in';


export const appRoutes: RouteObject[] = [
  {
    id: 'root',
    element: <RootLayout signedInRouteId={SIGNED_IN_ROUTE_ID} />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoading label="Loading Poolkeeper…" />,
    children: [
      { path: 'sign-in', element: <SignInPage />, handle: { title: 'Sign in' } },
      {
        // Pathless, so '/' alone never matches the bare layout: it reaches the splat, which makes
        // React Router ask patchRoutesOnNavigation for the feature that owns the path.
        id: SIGNED_IN_ROUTE_ID,
        element: <RequireAdmin />,
        errorElement: <RouteError />,
        // Feature routes are patched in here on first visit (see patchFeatureRoutes).
        children: [{ path: '*', element: <NotFoundPage />, handle: { title: 'Not found' } }],
      },
    ],
  },
];

/**
 * Lazy feature routes via React Router's route discovery: when a path is not (fully) matched, the
 * owning feature's route module is imported and its routes are added under the signed-in layout,
 * each with its own error boundary so a failing screen keeps the header and navigation.
 */
export function patchFeatureRoutes(features: readonly FeatureEntry[] = FEATURES) {
  const loaded = new Set<string>();
  return async ({ path, patch }: { path: string; patch: (routeId: string | null, children: RouteObject[]) => void }) => {
    const feature = featureForPath(path, features);
    if (!feature || loaded.has(feature.name)) return;
    const module = await feature.load();
    loaded.add(feature.name);
    patch(
      SIGNED_IN_ROUTE_ID,
      module.routes.map((route) => ({ errorElement: <RouteError />, ...route })),
    );
  };
}

export function createAppRouter() {
  return createBrowserRouter(appRoutes, { patchRoutesOnNavigation: patchFeatureRoutes() });
}

/** For component tests: the same routes in memory. */
export function createTestRouter(initialPath: string, features: readonly FeatureEntry[] = FEATURES) {
  return createMemoryRouter(appRoutes, { initialEntries: [initialPath], patchRoutesOnNavigation: patchFeatureRoutes(features) });
}
