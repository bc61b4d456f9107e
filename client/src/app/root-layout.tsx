import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate, type NavigateOptions } from 'react-router';
import { useTranslation } from 'react-i18next';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { useAppHref } from '@/app/app-href';
import { ErrorBoundary } from '@/app/error-boundary';
import { RouteErrorPage } from '@/app/route-error-page';
import { useSessionSync } from '@/app/use-session-sync';
import { currentLocale, LOCALE_TAGS } from '@/lib/i18n';

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
 * Around every page: React Aria speaks the app's language (its own words, such as a combo box's "Show
 * suggestions", and its dates and numbers follow the language chosen here, not the browser's), links navigate in-app, the session is kept in step, and a render
 * error anywhere shows the error page (cleared by navigating elsewhere).
 */
export function RootLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useSessionSync();
  useScrollToTop();
  useTranslation(); // re-renders on a change of language
  return (
    <I18nProvider locale={LOCALE_TAGS[currentLocale()]}>
      <RouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useAppHref}>
        <ErrorBoundary resetKey={pathname} fallback={(error) => <RouteErrorPage error={error} />}>
          <Outlet />
        </ErrorBoundary>
      </RouterProvider>
    </I18nProvider>
  );
}
