import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import { formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useJob } from '@/features/cleaning/api/get-job';
import type { WorkerJob } from '@/features/cleaning/api/keys';
import { JobStatusBadge, JobTypeBadge } from '@/features/cleaning/components/job-status-badge';
import { TapControl } from '@/features/cleaning/components/tap-control';
import { addressText, mapsHref } from '@/features/cleaning/job-format';
import { workerPaths } from '@/features/cleaning/paths';
import '@/features/cleaning/cleaning-strings';

/** The start of the worker's own open log on this job (from the detail, which has the time logs). */
export function useOpenSince(job: WorkerJob): string | undefined {
  const principal = usePrincipal();
  const detail = useJob<WorkerJob>(job.id, { enabled: job.myOpenTimeLogId !== null && !job.timeLogs });
  const logs = job.timeLogs ?? detail.data?.timeLogs ?? [];
  return logs.find((l) => l.id === job.myOpenTimeLogId || (l.endedAt === null && l.worker.id === principal.id))?.startedAt;
}

/** One of today's jobs on the worker's phone: when, where (with a maps link), and Start/End. */
export function WorkerJobCard({ job }: { job: WorkerJob }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const openSince = useOpenSince(job);
  const address = addressText(job.property);
  return (
    <article className="card stack gap-3" aria-labelledby={`worker-job-${job.id}`}>
      <div className="card__header--row">
        <span className="amount text-xl">{t('timeRange', { start: job.scheduledTime, end: formatTime(job.scheduledEndAt, locale) })}</span>
        <JobStatusBadge status={job.status} />
      </div>
      <h2 id={`worker-job-${job.id}`} className="text-xl">
        <Link to={workerPaths.detail(job.id)} className="cell-primary__title" translate="no">
          {job.property.name}
        </Link>
      </h2>
      <p className="cluster gap-2 muted text-sm">
        <JobTypeBadge type={job.jobType} />
        <span translate="no">{job.workers.map((w) => w.name.split(' ')[0]).join(' · ')}</span>
      </p>
      <a className="btn btn--soft worker-job__address" href={mapsHref(job.property)} target="_blank" rel="noreferrer" aria-label={t('worker.mapsAria', { address })}>
        <Icon name="mapPin" size={20} />
        <span translate="no">{address}</span>
        <Icon name="externalLink" size={16} />
      </a>
      <TapControl job={job} openSince={openSince} />
      <Link to={workerPaths.detail(job.id)} className="btn btn--ghost btn--block">
        {t('worker.openJob')}
        <Icon name="chevronRight" size={18} />
      </Link>
    </article>
  );
}
