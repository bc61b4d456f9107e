import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '@/components/states';
import { useSession, type Role } from '@/features/auth/api/get-session';
import { homePath, safeNext, signInPath, withNext } from '@/app/paths';
import { flash } from '@/lib/flash';
import { sessionHint } from '@/lib/session-hint';

/**
 * The gate in front of every signed-in page. Signed out → the sign-in page (remembering this page);
 * a forced password change → that page first; another role's area → the own home. The server enforces
 * all of this too; here it only spares the user a screen they cannot use.
 */
export function RequireSession({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const location = useLocation();
  // A browser that never signed in (or signed out) is sent to sign in without asking the server.
  const expectSession = sessionHint.get();
  const session = useSession({ enabled: expectSession });
  const here = `${location.pathname}${location.search}`;
  // After signing out there is nowhere to come back to.
  const signInHere = flash.peek() === 'signed-out' ? '/' : signInPath(here);

  if (!expectSession && !session.data) return <Navigate to={signInHere} replace />;
  if (session.isPending) return <PageLoader />;
  if (session.isError && session.data === undefined) {
    return (
      <main className="page-center">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  const principal = session.data;
  if (!principal) return <Navigate to={signInHere} replace />;
  if (principal.mustChangePassword) return <Navigate to={withNext('/change-password', here)} replace />;
  if (!roles.includes(principal.role)) return <Navigate to={homePath(principal.role)} replace />;
  return children;
}

/** The forced password change page: only for an account that must change it. */
export function RequirePasswordChange({ children }: { children: ReactNode }) {
  const location = useLocation();
  const [params] = useSearchParams();
  const expectSession = sessionHint.get();
  const session = useSession({ enabled: expectSession });
  if (expectSession && session.isPending) return <PageLoader />;
  const principal = session.data;
  if (!principal) return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  if (!principal.mustChangePassword) return <Navigate to={safeNext(params.get('next'), principal.role)} replace />;
  return children;
}
