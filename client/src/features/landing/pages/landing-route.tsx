import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { clearSession, storePrincipal, useSession } from '@/features/auth/api/get-session';
import { LandingPage } from '@/features/landing/pages/landing-page';
import { safeNext, withNext } from '@/app/paths';
import { sessionHint } from '@/lib/session-hint';

/** The landing page inside the app: a signed-in visitor (or one who just signed in) goes straight to their area. */
export default function LandingRoute() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const expectSession = sessionHint.get();
  const session = useSession({ enabled: expectSession });

  const principal = session.data;
  if (principal) {
    const target = safeNext(next, principal.role);
    return <Navigate to={principal.mustChangePassword ? withNext('/change-password', target) : target} replace />;
  }
  // The content does not wait for the session check (on a slow network that was seconds of a bare
  // spinner): a visitor who turns out to be signed in is taken to their area when the answer arrives.
  return (
    <LandingPage
      onSignedIn={(signedIn) => {
        clearSession(queryClient);
        storePrincipal(queryClient, signedIn);
      }}
      navigate={(to) => void navigate(to)}
    />
  );
}
