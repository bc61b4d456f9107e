import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useLocation, useRoutes, type RouteObject } from 'react-router';
import { PageLoader } from '@/components/states';
import { ErrorBoundary } from '@/app/error-boundary';
import { RootLayout } from '@/app/root-layout';
import { RequirePasswordChange, RequireSession } from '@/app/require-session';
import { RouteErrorPage } from '@/app/route-error-page';
import { SHELLS, type Section, type ShellConfig } from '@/app/sections';
import { RequireSectionRole } from '@/app/require-section-role';
import LandingRoute from '@/features/landing/pages/landing-route';

/**
 * Everything except the landing page is its own chunk, fetched when first needed: a client's first
 * load never downloads the management screens. Each such chunk arrives with the full icon set, which
 * the landing page does without.
 */
function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(() => Promise.all([load(), import('@/components/icon-set')]).then(([module]) => module));
}

const ChangePasswordPage = lazyPage(() => import('@/features/auth/pages/change-password-page'));
const NotFoundPage = lazyPage(() => import('@/features/errors/pages/not-found-page'));
const ForgotPasswordPage = lazyPage(() => import('@/features/account/pages/forgot-password-page'));
const ResetPasswordPage = lazyPage(() => import('@/features/account/pages/reset-password-page'));
const SharedReportPage = lazyPage(() => import('@/features/turnovers/pages/shared-report-page'));

function withSuspense(Component: ComponentType) {
  return (
    <Suspense fallback={<PageLoader />}>
      <Component />
    </Suspense>
  );
}

/** A page's own error boundary: the shell around it (navigation, sign-out) keeps working. */
function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname} fallback={(error) => <RouteErrorPage error={error} inline />}>
      {children}
    </ErrorBoundary>
  );
}

function sectionRoute(section: Section): RouteObject {
  const Page = lazyPage(section.page);
  const page = withSuspense(Page);
  const element = <PageBoundary>{section.roles ? <RequireSectionRole roles={section.roles}>{page}</RequireSectionRole> : page}</PageBoundary>;
  return section.path ? { path: section.path, element } : { index: true, element };
}

function shellRoute(shell: ShellConfig): RouteObject {
  const Layout = lazyPage(shell.layout);
  return {
    path: shell.base,
    element: (
      <RequireSession roles={shell.roles}>
        <Suspense fallback={<PageLoader />}>
          <Layout shell={shell} />
        </Suspense>
      </RequireSession>
    ),
    children: [...shell.sections.map(sectionRoute), { path: '*', element: withSuspense(NotFoundPage) }],
  };
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { index: true, element: <LandingRoute /> },
      { path: 'change-password', element: <RequirePasswordChange>{withSuspense(ChangePasswordPage)}</RequirePasswordChange> },
      { path: 'forgot-password', element: withSuspense(ForgotPasswordPage) },
      { path: 'reset-password', element: withSuspense(ResetPasswordPage) },
      // A turnover report a host shared: no sign-in (issue 20 §5).
      { path: 'r/:token', element: withSuspense(SharedReportPage) },
      ...SHELLS.map(shellRoute),
      { path: '*', element: withSuspense(NotFoundPage) },
    ],
  },
];

/** The route table, rendered under <BrowserRouter> (declarative mode keeps the router small). */
export function AppRoutes() {
  return useRoutes(routes);
}
