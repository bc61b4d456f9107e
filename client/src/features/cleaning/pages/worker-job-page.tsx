import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { formatDateTime, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useJob } from '@/features/cleaning/api/get-job';
import type { WorkerJob } from '@/features/cleaning/api/keys';
import { JobPageHeader, JobSection, TimeRows } from '@/features/cleaning/components/job-page-parts';
import { PhotosSection } from '@/features/cleaning/components/photos-section';
import { TapControl } from '@/features/cleaning/components/tap-control';
import { useOpenSince } from '@/features/cleaning/components/worker-job-card';
import { addressText, formatSeconds, mapsHref, workerAccess } from '@/features/cleaning/job-format';
import { pendingFor } from '@/features/cleaning/offline/tap-queue';
import { useOnline, useTapQueue } from '@/features/cleaning/offline/use-tap-queue';
import { workerPaths } from '@/features/cleaning/paths';
import { JobChecklistCard } from '@/features/turnovers/components/job-checklist';
import { JobIssuesCard } from '@/features/turnovers/components/job-issues';
import { JobLinenCard } from '@/features/turnovers/components/job-linen-card';
import '@/features/cleaning/cleaning.css';
import { ThreadPanel } from '@/features/conversations/components/thread-panel';

export default function WorkerJobPage() {
  const id = Number(useParams().id);
  const query = useJob<WorkerJob>(id);
  if (!query.isSuccess) return <QueryFallback query={query} />;
  return <WorkerJobView job={query.data} />;
}

function WorkerJobView({ job }: { job: WorkerJob }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const principal = usePrincipal();
  const online = useOnline();
  const queue = useTapQueue();
  const openSince = useOpenSince(job);

  const pending = pendingFor(queue.taps, job.id);
  const onSite = pending ? pending.action === 'start' : job.myOpenTimeLogId !== null;
  const myLogs = (job.timeLogs ?? []).filter((l) => l.worker.id === principal.id);
  const mySeconds = myLogs.reduce((sum, l) => sum + (l.durationSeconds ?? 0), 0);
  const address = addressText(job.property);
  const open = job.status === 'scheduled' || job.status === 'in_progress';
  const access = job.property.accessInstructions;
  const accessShown = workerAccess(job);

  return (
    <>
      <JobPageHeader job={job} backTo={workerPaths.today} backLabel={t('worker.back')} />
      <div className="stack worker-detail">
        {online ? null : <Notice tone="warning">{t('worker.offline')}</Notice>}
        {job.status === 'completed' ? <Notice tone="success">{t('worker.completed')}</Notice> : null}
        {job.status === 'cancelled' ? <Notice tone="warning">{t('worker.cancelled')}</Notice> : null}

        <section className="card stack gap-4" aria-labelledby="worker-where">
          <h2 id="worker-where" className="visually-hidden">
            {t('detail.place')}
          </h2>
          <a className="btn btn--soft worker-job__address" href={mapsHref(job.property)} target="_blank" rel="noreferrer" aria-label={t('worker.mapsAria', { address })}>
            <Icon name="mapPin" size={20} />
            <span translate="no">{address}</span>
            <Icon name="externalLink" size={16} />
          </a>
          <div className="cluster">
            {/* Plain links: the in-app router must not resolve a maps address or a phone number as a path. */}
            <a href={mapsHref(job.property)} target="_blank" rel="noreferrer" className="btn btn--soft">
              <Icon name="compass" size={18} />
              {t('worker.maps')}
            </a>
            <a href={`tel:${job.client.phone}`} className="btn btn--soft">
              <Icon name="phone" size={18} />
              {t('worker.call', { name: job.client.name.split(' ')[0] })}
            </a>
          </div>
          {open ? <TapControl job={job} openSince={openSince} /> : null}
        </section>

        <JobChecklistCard jobId={job.id} open={open} canTick />
        {job.jobType === 'airbnb' ? <JobLinenCard jobId={job.id} open={open} orderHref={(id) => `/worker/laundry/${id}`} /> : null}
        <JobIssuesCard jobId={job.id} canRaise={open} />

        <JobSection id="worker-access" title={t('worker.access')} icon="key">
          {accessShown === 'shown' ? (
            <p className="notice notice--warning facts__text" translate="no">
              {access}
            </p>
          ) : accessShown === 'later' ? (
            <p className="muted">{t('worker.accessFrom', { when: formatDateTime(job.accessInstructionsFrom, locale, 'medium') })}</p>
          ) : accessShown === 'closed' ? (
            <p className="muted">{t('worker.accessClosed')}</p>
          ) : (
            <p className="muted">{t('worker.accessNone')}</p>
          )}
        </JobSection>

        {job.specialInstructions ? (
          <JobSection id="worker-instructions" title={t('worker.instructions')}>
            <p className="facts__text" translate="no">
              {job.specialInstructions}
            </p>
          </JobSection>
        ) : null}
        {job.internalNotes ? (
          <JobSection id="worker-notes" title={t('worker.notes')}>
            <p className="facts__text" translate="no">
              {job.internalNotes}
            </p>
          </JobSection>
        ) : null}

        <JobSection id="worker-time" title={t('worker.yourTime')} icon="clock">
          {myLogs.length === 0 ? (
            <p className="muted">{t('worker.notStartedYet')}</p>
          ) : (
            <TimeRows
              logs={myLogs}
              keyOf={(log) => log.id}
              range={(log) => `${formatTime(log.startedAt, locale)} → ${log.endedAt ? formatTime(log.endedAt, locale) : t('detail.running')}`}
              duration={(log) => (log.durationSeconds !== null ? formatSeconds(log.durationSeconds, t) : null)}
            />
          )}
          {myLogs.length > 0 && !onSite ? <p className="muted">{t('worker.youFinished', { duration: formatSeconds(mySeconds, t) })}</p> : null}
        </JobSection>

        <JobSection id="worker-team" title={t('worker.team')} icon="users">
          <ul role="list" className="stack gap-3">
            {job.workers.map((w) => (
              <li key={w.id} className="cluster">
                <span className="cluster gap-2 strong">
                  <span translate="no">{w.name}</span>
                  {w.isPrimary ? <span className="badge badge--primary">{t('lead')}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </JobSection>

        {/* The job's conversation is the worker's only while the job is open. */}
        {open ? <ThreadPanel subject="cleaning_job" subjectId={job.id} /> : null}
        <PhotosSection jobId={job.id} />
      </div>
    </>
  );
}
