import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { formatDateTime, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useJob } from '@/features/cleaning/api/get-job';
import type { ClientJob } from '@/features/cleaning/api/keys';
import { HistoryList } from '@/features/cleaning/components/history-list';
import { JobPageHeader, JobSection } from '@/features/cleaning/components/job-page-parts';
import { MoneyCard } from '@/features/cleaning/components/money-card';
import { PhotosSection } from '@/features/cleaning/components/photos-section';
import { addressText, formatSeconds } from '@/features/cleaning/job-format';
import { clientPaths } from '@/features/cleaning/paths';
import { ClientReceipt } from '@/features/payments/components/client-receipt';
import { ReportLinkCard } from '@/features/turnovers/components/report-link-card';
import { reportPaths } from '@/features/turnovers/paths';
import '@/features/cleaning/cleaning.css';
import { ThreadPanel } from '@/features/conversations/components/thread-panel';

export default function ClientJobPage() {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const id = Number(useParams().id);
  const query = useJob<ClientJob>(id);
  if (!query.isSuccess) return <QueryFallback query={query} />;
  const job = query.data;
  const logs = job.timeLogs ?? [];
  const seconds = logs.reduce((sum, l) => sum + (l.durationSeconds ?? 0), 0);

  return (
    <>
      <JobPageHeader job={job} backTo={clientPaths.list} backLabel={t('client.back')} />
      <div className="stack">
        {job.status === 'cancelled' && job.cancelReason ? <Notice tone="warning">{t('detail.cancelledBecause', { reason: job.cancelReason })}</Notice> : null}
        <JobSection id="client-summary" title={job.status === 'completed' ? t('client.summary') : t('detail.summary')}>
          <dl className="facts">
            <div>
              <dt>{t('detail.place')}</dt>
              <dd translate="no">
                <Link to={`/client/properties/${job.property.id}`}>{job.property.name}</Link>
                <span className="facts__sub">{addressText(job.property)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('detail.when')}</dt>
              <dd>{t('timeRange', { start: job.scheduledTime, end: formatTime(job.scheduledEndAt, locale) })}</dd>
            </div>
            <div>
              <dt>{t('client.team')}</dt>
              <dd translate="no">{job.workers.map((w) => w.name).join(', ')}</dd>
            </div>
            {job.startedAt ? (
              <div>
                <dt>{t('client.startedAt')}</dt>
                <dd>{formatDateTime(job.startedAt, locale, 'medium')}</dd>
              </div>
            ) : null}
            {job.completedAt ? (
              <div>
                <dt>{t('client.finishedAt')}</dt>
                <dd>{formatDateTime(job.completedAt, locale, 'medium')}</dd>
              </div>
            ) : null}
            {logs.length > 0 ? (
              <div>
                <dt>{t('client.timeOnSite')}</dt>
                <dd>{formatSeconds(seconds, t)}</dd>
              </div>
            ) : null}
            {job.specialInstructions ? (
              <div className="facts__wide">
                <dt>{t('detail.instructions')}</dt>
                <dd className="facts__text" translate="no">
                  {job.specialInstructions}
                </dd>
              </div>
            ) : null}
          </dl>
        </JobSection>
        <div className="detail-layout">
          <div className="stack">
            <ThreadPanel subject="cleaning_job" subjectId={job.id} />
            {job.status === 'completed' && job.jobType === 'airbnb' ? <ReportLinkCard href={reportPaths.client(job.id)} /> : null}
            <PhotosSection jobId={job.id} />
          </div>
          <div className="stack">
            {job.status === 'cancelled' ? null : <MoneyCard title={job.price ? t('detail.money') : t('client.estimate')} price={job.price} estimate={job.estimate} estimateNote={t('client.estimateNote')} />}
            {job.status === 'completed' ? <ClientReceipt target={{ line: 'cleaning', id: job.id }} /> : null}
            <HistoryList history={job.history ?? []} />
          </div>
        </div>
      </div>
    </>
  );
}
