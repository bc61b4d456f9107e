import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { QueryFallback, QueryView } from '@/components/states';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { addDays, lisbonDate } from '@/lib/lisbon-time';
import { useToday } from '@/features/cleaning/api/get-today';
import { useJobList } from '@/features/cleaning/api/list-jobs';
import type { WorkerJob } from '@/features/cleaning/api/keys';
import { JobCards } from '@/features/cleaning/components/job-cards';
import { WorkerJobCard } from '@/features/cleaning/components/worker-job-card';
import { useOnline } from '@/features/cleaning/offline/use-tap-queue';
import { workerPaths } from '@/features/cleaning/paths';
import '@/features/cleaning/cleaning.css';

function Upcoming() {
  const { t } = useTranslation('cleaning');
  const today = lisbonDate();
  const list = useJobList<WorkerJob>({ from: addDays(today, 1), to: addDays(today, 14), status: ['scheduled'] }, { limit: 20 });
  const jobs = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="stack stack--sm" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title" className="card__title">
        {t('worker.upcoming')}
      </h2>
      {!list.isSuccess ? (
        <QueryFallback query={list} />
      ) : jobs.length === 0 ? (
        <p className="muted">{t('worker.upcomingEmpty')}</p>
      ) : (
        <JobCards jobs={jobs} hrefOf={workerPaths.detail}>
          {(job) => (
            <span className="muted text-sm" translate="no">
              {job.property.addressLine1}, {job.property.city}
            </span>
          )}
        </JobCards>
      )}
    </section>
  );
}

export default function WorkerTodayPage() {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const online = useOnline();
  const today = useToday();
  return (
    <>
      <PageHeader eyebrow={<span className="capitalize-first">{formatDate(Date.now(), locale, 'full')}</span>} title={t('worker.title')} />
      <div className="stack">
        {online ? null : (
          <Notice tone="warning">{t('worker.offline')}</Notice>
        )}
        <QueryView query={today} empty={{ icon: 'sparkles', title: t('worker.emptyTitle'), text: t('worker.emptyText') }}>
          {(data) => (
            <div className="stack gap-4">
              {data.map((job) => (
                <WorkerJobCard key={job.id} job={job} />
              ))}
            </div>
          )}
        </QueryView>
        <Upcoming />
      </div>
    </>
  );
}
