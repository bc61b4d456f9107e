import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { QueryView } from '@/components/states';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { staffPaths } from '@/features/cleaning/paths';
import { useHostReport } from '@/features/turnovers/api/host-report-api';
import { ReportShare } from '@/features/turnovers/components/report-share';
import { ReportView, reportTitle } from '@/features/turnovers/components/report-view';
import { reportPaths } from '@/features/turnovers/paths';
import '@/features/turnovers/report-strings';
import { BackLink } from '@/components/back-link';

/** A completed turnover's report, signed in: the client's page and staff's (the same page), with "Share". */
export default function ReportPage() {
  const { t } = useTranslation('hostReport');
  const locale = currentLocale();
  const id = Number(useParams().id);
  const principal = usePrincipal();
  const query = useHostReport(id);
  const staff = principal.role !== 'client';
  const back = staff ? { to: staffPaths.detail(id), label: t('report.back') } : { to: reportPaths.clientList, label: t('report.backToList') };
  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      <QueryView query={query}>
        {(data) => (
          <>
            <PageHeader eyebrow={t('report.eyebrow')} title={t('report.title', reportTitle(data, locale))} />
            <div className="stack">
              <ReportView report={data} />
              <ReportShare jobId={id} />
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
