import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { onApiEvent } from '@/lib/api-client';
import { flash } from '@/lib/flash';
import { setLocale } from '@/lib/i18n';
import { clearSession, getSession, sessionQueryKey } from '@/features/auth/api/get-session';

/**
 * Keeps the app in step with the session: the account's language is applied when it signs in or
 * changes it; a 401 from any call (the session expired or was ended elsewhere) signs the app out, and
 * the guards send the user to sign in and back; a 403 PASSWORD_CHANGE_REQUIRED re-reads the session.
 */
export function useSessionSync() {
  const queryClient = useQueryClient();
  // Observes the cache only; whoever needs the session fetches it.
  const { data } = useQuery({ queryKey: sessionQueryKey, queryFn: getSession, enabled: false });
  const locale = data?.locale;

  useEffect(() => {
    if (locale) void setLocale(locale);
  }, [locale]);

  useEffect(() => {
    const offExpired = onApiEvent('unauthenticated', () => {
      if (queryClient.getQueryData(sessionQueryKey)) flash.set('expired');
      clearSession(queryClient);
    });
    const offPasswordChange = onApiEvent('password-change-required', () => {
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    });
    return () => {
      offExpired();
      offPasswordChange();
    };
  }, [queryClient]);
}
