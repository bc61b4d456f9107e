import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { ApiError } from '@/lib/api-error';

export interface ErrorDescription {
  message: string;
  /** The correlation id to quote, for failures only the server can explain. */
  reference?: string;
}

/**
 * Any thrown value as a sentence in the current language. API codes are looked up under `errors.<CODE>`
 * (sign-in, transport and server faults, part of the first load) and then in the `rules` namespace
 * (business rules, loaded with the signed-in screens); an unknown code gets the generic sentence.
 */
export function describeError(error: unknown, i18n: I18n): ErrorDescription {
  const apiError = error instanceof ApiError ? error : undefined;
  const code = apiError?.code ?? 'GENERIC';
  const key = [`errors.${code}`, `rules:${code}`].find((candidate) => i18n.exists(candidate));
  const seconds = apiError?.retryAfterSeconds;
  const wait =
    seconds === undefined ? i18n.t('errors.waitMoment') : i18n.t('errors.waitMinutes', { count: Math.max(1, Math.ceil(seconds / 60)) });
  const known = key !== undefined;
  const message = known ? String(i18n.t(key as 'errors.GENERIC', { wait })) : i18n.t('errors.GENERIC');
  const needsReference = !apiError || !known || apiError.status >= 500 || apiError.code === 'BAD_RESPONSE';
  return { message, reference: needsReference ? apiError?.correlationId : undefined };
}

export function useDescribeError() {
  const { i18n } = useTranslation();
  return useCallback((error: unknown) => describeError(error, i18n), [i18n]);
}
