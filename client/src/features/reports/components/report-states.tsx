import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '@/components/notice';
import { ErrorState, PageLoader } from '@/components/states';
import { isApiError } from '@/lib/api-error';
import '@/features/reports/reports-strings';

/**
 * A failed report. A 400 is a period the server does not accept (a quarter outside 1–4, a range over
 * 366 days, the end before the start): said in words, naming what to change, rather than as a fault.
 */
export function ReportError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('reports');
  if (isApiError(error, 'VALIDATION_FAILED')) {
    const fields = new Set(error.fieldIssues.map((issue) => issue.path.replace(/^query\./, '')));
    const reasons = [fields.has('year') && t('invalid.year'), fields.has('quarter') && t('invalid.quarter'), (fields.size === 0 || ['from', 'to', 'month'].some((f) => fields.has(f))) && t('invalid.range')].filter(Boolean);
    return (
      <Notice tone="danger">
        <strong>{t('invalid.title')}</strong>
        {reasons.map((reason) => (
          <p key={String(reason)}>{reason}</p>
        ))}
      </Notice>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** Loading, failure or the report; while a new period loads the previous figures stay, marked as updating. */
export function ReportBody<T>({ query, children }: { query: { data: T | undefined; error: unknown; isPending: boolean; isError: boolean; isPlaceholderData?: boolean; refetch: () => unknown }; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('reports');
  if (query.isError) return <ReportError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <PageLoader />;
  return (
    <div className="report-body stack gap-3" aria-busy={query.isPlaceholderData || undefined}>
      {query.isPlaceholderData ? (
        <p className="muted text-sm" role="status">
          {t('updating')}
        </p>
      ) : null}
      {children(query.data)}
    </div>
  );
}
