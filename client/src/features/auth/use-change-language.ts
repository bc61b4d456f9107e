import { useCallback } from 'react';
import type { LocaleCode } from '@contracts/auth';
import { setLocale } from '@/lib/i18n';
import { useUpdateProfile } from '@/features/auth/api/update-profile';
import { useSession } from '@/features/auth/api/get-session';

/**
 * Switches the language at once and stores it on the account, so it follows the user to other
 * devices (and into the messages the system sends them).
 */
export function useChangeLanguage() {
  const { data: principal } = useSession({ enabled: false });
  const update = useUpdateProfile();
  const change = useCallback(
    (locale: LocaleCode) => {
      void setLocale(locale);
      if (principal && !principal.mustChangePassword && principal.locale !== locale) update.mutate({ locale });
    },
    [principal, update],
  );
  return { change, status: update.status, error: update.error };
}
