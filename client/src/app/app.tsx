import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from '@/app/router';
import { clearSession, storePrincipal, type Principal } from '@/features/auth/api/get-session';
import { createQueryClient } from '@/lib/query-client';

const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/** Records the account that signed in on the landing page before the app was loaded. */
export function startSignedIn(principal: Principal): void {
  clearSession(queryClient);
  storePrincipal(queryClient, principal);
}
