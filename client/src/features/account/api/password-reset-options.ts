import { useEffect, useState } from 'react';
import { api } from '@/lib/api-client';

export interface PasswordResetOptions {
  emailResetAvailable: boolean;
}

/** GET /api/auth/password-reset-options: whether "forgot password" by e-mail works on this server. */
export function getPasswordResetOptions(signal?: AbortSignal) {
  return api.get<PasswordResetOptions>('/api/auth/password-reset-options', { signal });
}

/**
 * The answer for the sign-in panel, part of the landing page's first load: a plain fetch, not the
 * query cache, which that load does without. Undefined until it arrives (and when it fails).
 */
export function usePasswordResetOptions(): PasswordResetOptions | undefined {
  const [options, setOptions] = useState<PasswordResetOptions>();
  useEffect(() => {
    const controller = new AbortController();
    getPasswordResetOptions(controller.signal).then(setOptions, () => undefined);
    return () => controller.abort();
  }, []);
  return options;
}
