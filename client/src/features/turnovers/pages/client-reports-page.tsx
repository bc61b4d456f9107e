import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/pager';
import { PageHeader } from '@/components/page-header';
import { QueryView } from '@/components/states';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';
import { useJobList } from '@/features/cleaning/api/list-jobs';
import type { ClientJob } from '@/features/cleaning/api/keys';
import { JobCards } from '@/features/cleaning/components/job-cards';
import { reportPaths } from '@/features/turnovers/paths';
import '@/features/cleaning/cleaning.css';
import '@/features/cleaning/cleaning-strings';
import '@/features/turnovers/report-strings';

/** The client's completed turnovers, newest first, each with its report. */
export default function ClientReportsPage() {
  const { t } = useTranslation('hostReport');
  const { t: tc } = useTranslation('cleaning');
  const locale = currentLocale();
  const list = useJobList<ClientJob>({ status: ['completed'], jobType: 'airbnb', sort: '-scheduledAt' }, { limit: 20 });
  const jobs = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('report.listTitle')} lead={t('report.listLead')} />
      <QueryView query={list} empty={{ icon: 'sparkles', title: t('report.listEmpty'), text: t('report.listEmptyText') }} isEmpty={() => jobs.length === 0}>
        {() => (
          <div className="stack stack--sm">
            <JobCards
              jobs={jobs}
              hrefOf={reportPaths.client}
              withTime={false}
              withStatus={false}
              labelOf={(job) => `${t('report.open')}: ${job.property.name}, ${formatDate(calendarDate(job.scheduledDate), locale, 'long')}`}
            >
              {(job) => (
                <span className="cluster cluster--spread gap-2">
                  <span className="muted text-sm">{tc(`typeLong.${job.jobType}`)}</span>
                  <span className="strong">{t('report.open')}</span>
                </span>
              )}
            </JobCards>
            <LoadMore query={list} />
          </div>
        )}
      </QueryView>
    </>
  );
}
