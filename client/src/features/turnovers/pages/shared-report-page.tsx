import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Logo } from '@/components/logo';
import { PageHeader } from '@/components/page-header';
import { ErrorState, PageLoader } from '@/components/states';
import { ApiError } from '@/lib/api-error';
import { currentLocale, setLocale } from '@/lib/i18n';
import { useSharedReport } from '@/features/turnovers/api/host-report-api';
import { ReportView, reportTitle } from '@/features/turnovers/components/report-view';
import '@/features/turnovers/report-strings';

/** Keeps search engines off the page while it is shown (the API's answers say the same in their headers). */
function useNoIndex() {
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'robots';
    meta.content = 'noindex';
    document.head.appendChild(meta);
    return () => meta.remove();
  }, []);
}

/**
 * A turnover's report through a link a host shared (`/r/:token`): no sign-in, phone first, the very view
 * the host reads. An unknown, expired or switched-off link is one "not available" page.
 */
export default function SharedReportPage() {
  const { t } = useTranslation('hostReport');
  const locale = currentLocale();
  const token = useParams().token ?? '';
  const query = useSharedReport(token);
  useNoIndex();
  return (
    <div className="shared-report stack gap-4">
      <div className="cluster cluster--spread">
        <Logo />
        <LanguageSwitcher value={locale} onChange={(next) => void setLocale(next)} />
      </div>
      <main className="stack gap-4" id="main">
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <PageHeader title={t('report.notFoundTitle')} lead={t('report.notFoundText')} />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : (
        <>
          <PageHeader eyebrow={t('report.eyebrow')} title={t('report.title', reportTitle(query.data, locale))} />
          <ReportView report={query.data} />
        </>
      )}
      </main>
    </div>
  );
}
