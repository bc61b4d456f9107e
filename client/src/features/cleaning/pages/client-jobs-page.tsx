import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { ButtonLink } from '@/components/button';
import { LoadMore } from '@/components/pager';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { QueryFallback, QueryView } from '@/components/states';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useJobList } from '@/features/cleaning/api/list-jobs';
import type { ClientJob } from '@/features/cleaning/api/keys';
import { JobCards } from '@/features/cleaning/components/job-cards';
import { clientPaths } from '@/features/cleaning/paths';
import { reportPaths } from '@/features/turnovers/paths';
import '@/features/turnovers/report-strings';
import '@/features/cleaning/cleaning.css';

function Section({ title, id, status, sort }: { title: string; id: string; status: ClientJob['status'][]; sort: 'scheduledAt' | '-scheduledAt' }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const list = useJobList<ClientJob>({ status, sort }, { limit: 20 });
  if (!list.isSuccess) return <QueryFallback query={list} />;
  const jobs = list.data.pages.flatMap((p) => p.items);
  if (jobs.length === 0) return null;
  return (
    <section className="stack stack--sm" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      <JobCards jobs={jobs} hrefOf={clientPaths.detail}>
        {(job) => (
          <span className="cluster cluster--spread gap-2">
            <span className="muted text-sm">{t(`typeLong.${job.jobType}`)}</span>
            {job.price ? <span className="amount">{formatMoney(job.price.totalCents, locale)}</span> : null}
          </span>
        )}
      </JobCards>
      <LoadMore query={list} />
    </section>
  );
}

export default function ClientJobsPage() {
  const { t } = useTranslation('cleaning');
  const { t: tr } = useTranslation('hostReport');
  // One small probe decides between the empty state and the two sections.
  const any = useJobList<ClientJob>({}, { limit: 1 });
  return (
    <>
      <PageHeader
        title={t('client.title')}
        lead={t('client.lead')}
        actions={
          <ButtonLink href={reportPaths.clientList} variant="soft">
            <Icon name="checkCircle" size={18} />
            {tr('report.listTitle')}
          </ButtonLink>
        }
      />
      <QueryView query={any} empty={{ icon: 'sparkles', title: t('client.emptyTitle'), text: t('client.emptyText') }} isEmpty={(data) => (data.pages[0]?.items.length ?? 0) === 0}>
        {() => (
          <div className="stack">
            <Section id="client-upcoming" title={t('client.upcoming')} status={['scheduled', 'in_progress']} sort="scheduledAt" />
            <Section id="client-past" title={t('client.past')} status={['completed', 'cancelled']} sort="-scheduledAt" />
          </div>
        )}
      </QueryView>
    </>
  );
}
