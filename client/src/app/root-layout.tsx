import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate, type NavigateOptions } from 'react-router';
import { RouterProvider } from 'react-aria-components';
import { useAppHref } from '@/app/app-href';
import { ErrorBoundary } from '@/app/error-boundary';
import { RouteErrorPage } from '@/app/route-error-page';
import { useSessionSync } from '@/app/use-session-sync';

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NavigateOptions;
  }
}

/** A new page starts at the top (unless the link points at an anchor on it). */
function useScrollToTop() {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    if (!hash) window.scrollTo(0, 0);
  }, [pathname, hash]);
}

/**
 * Around every page: React Aria links navigate in-app, the session is kept in step, and a render
 * error anywhere shows the error page (cleared by navigating elsewhere).
 */
export function RootLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useSessionSync();
  useScrollToTop();
  return (
    <RouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useAppHref}>
      <ErrorBoundary resetKey={pathname} fallback={(error) => <RouteErrorPage error={error} />}>
        <Outlet />
      </ErrorBoundary>
    </RouterProvider>
  );
}
