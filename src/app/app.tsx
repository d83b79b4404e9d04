import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { ToastRegion } from '@/components/toast-region';
import { RuntimeProvider, type Runtime } from '@/config/runtime-context';
import { SessionProvider } from '@/features/auth/session-context';
import { toasts } from '@/lib/toast';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { createAppServices, type AppServices } from './services';
import { ServicesProvider } from './services-context';

/** Cached pool data belongs to one operator's session; none of it outlives sign-out. */
function useClearCacheOnSignOut(services: AppServices, queryClient: QueryClient) {
  useEffect(() => {
    let wasSignedIn = services.session.getState().status === 'signed-in';
    return services.session.subscribe(() => {
      const signedIn = services.session.getState().status === 'signed-in';
      if (wasSignedIn && !signedIn) queryClient.clear();
      wasSignedIn = signedIn;
    });
  }, [services, queryClient]);
}

export function App({ runtime, services: given, router: givenRouter }: { runtime: Runtime; services?: AppServices; router?: ReturnType<typeof createAppRouter> }) {
  const [services] = useState(() => given ?? createAppServices(runtime.config));
  const queryClient = useMemo(
    () =>
      createQueryClient({
        toasts,
        onSessionEnded: (error) => services.session.endLocally({ tone: 'info', message: error.message }),
      }),
    [services],
  );
  const [router] = useState(() => givenRouter ?? createAppRouter());
  useClearCacheOnSignOut(services, queryClient);

  return (
    <RuntimeProvider runtime={runtime}>
      <ServicesProvider services={services}>
        <QueryClientProvider client={queryClient}>
          <SessionProvider controller={services.session}>
            <RouterProvider router={router} />
            <ToastRegion />
          </SessionProvider>
        </QueryClientProvider>
      </ServicesProvider>
    </RuntimeProvider>
  );
}
