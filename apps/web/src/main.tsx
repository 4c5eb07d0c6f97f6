import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type AnyRoute } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, unwrap } from './lib/api/client';
import { queryClient } from './lib/api/query-client';
import { configure, restoreSession } from './lib/auth/session';
import { startI18n } from './lib/i18n/i18n';
import { router } from './app/router';
import './styles.css';

/** The page's own code loads while sign-in goes on, instead of after it. */
function preloadCurrentPage(): void {
  const routes: Record<string, AnyRoute> = router.routesById;
  for (const match of router.matchRoutes(router.latestLocation)) {
    void router.loadRouteChunk(routes[match.routeId])?.catch(() => undefined);
  }
}

async function boot(): Promise<void> {
  preloadCurrentPage();
  const configuration = await unwrap(api.GET('/sign-in/configuration'));
  configure(configuration);
  await startI18n();
  const returnTo = await restoreSession();
  if (returnTo) router.history.replace(returnTo);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void boot().catch((error: unknown) => {
  const root = document.getElementById('root') as HTMLElement;
  root.innerHTML =
    '<main><h1>riskledger</h1><p>Konsolen kunde inte starta. The console could not start.</p><p class="boot-error"></p></main>';
  (root.querySelector('.boot-error') as HTMLElement).textContent = String(error);
});
