import { lazy, Suspense, type ReactNode } from 'react';
import { PageLoader } from '@/components/states';
import { usePrincipal, type Role } from '@/features/auth/api/get-session';

const NotFoundPage = lazy(() => import('@/features/errors/pages/not-found-page'));

/** A section some roles of a shell may not open: to them it does not exist (as the API answers 404). */
export function RequireSectionRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const principal = usePrincipal();
  if (roles.includes(principal.role)) return children;
  return (
    <Suspense fallback={<PageLoader />}>
      <NotFoundPage />
    </Suspense>
  );
}
