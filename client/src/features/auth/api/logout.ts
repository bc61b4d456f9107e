import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '@/lib/api-client';
import { flash } from '@/lib/flash';
import { clearSession } from './get-session';

/** POST /api/auth/logout: the server destroys the session and clears its cookie. */
export function logout(): Promise<{ loggedOut: true }> {
  return api.post<{ loggedOut: true }>('/api/auth/logout');
}

/**
 * Signs out and returns to the landing page. The app forgets the account even when the call fails:
 * the user asked to leave this device. The "signed out" flash also tells the guards not to add a
 * "come back here" to the address while the page changes.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({ mutationFn: logout });
  const signOut = () =>
    mutation
      .mutateAsync()
      .catch(() => undefined)
      .then(() => {
        flash.set('signed-out');
        clearSession(queryClient);
        void navigate('/', { replace: true });
      });
  return { signOut, isPending: mutation.isPending };
}
