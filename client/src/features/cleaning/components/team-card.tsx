import { useTranslation } from 'react-i18next';
import type { TimeLogDto } from '@contracts/cleaning';
import { Button } from '@/components/button';
import { ErrorNotice } from '@/components/notice';
import { formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { initials } from '@/lib/initials';
import { useTapJob } from '@/features/cleaning/api/job-actions';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { formatSeconds } from '@/features/cleaning/job-format';
import '@/features/cleaning/cleaning-strings';
import { JobSection } from '@/features/cleaning/components/job-page-parts';

/** Who is on the job and where each one is; staff may start or end for someone (recorded as theirs). */
export function TeamCard({ job }: { job: StaffJob }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const tap = useTapJob();
  const open = job.status === 'scheduled' || job.status === 'in_progress';
  const logsOf = (workerId: number): TimeLogDto[] => (job.timeLogs ?? []).filter((l) => l.worker.id === workerId);

  return (
    <JobSection id="job-team" icon="users" title={t('detail.team')}>
      <ErrorNotice error={tap.error} />
      <ul role="list" className="stack gap-3">
        {job.workers.map((worker) => {
          const logs = logsOf(worker.id);
          const running = logs.find((l) => l.endedAt === null);
          const seconds = logs.reduce((sum, l) => sum + (l.durationSeconds ?? 0), 0);
          const pending = tap.isPending && tap.variables?.input.workerId === worker.id;
          return (
            <li key={worker.id} className="cluster">
              <span className="avatar" aria-hidden="true">
                {initials(worker.name)}
              </span>
              <span className="team__text">
                <span className="cluster gap-2 strong">
                  <span translate="no">{worker.name}</span>
                  {worker.isPrimary ? <span className="badge badge--primary">{t('lead')}</span> : null}
                </span>
                <span className={running ? 'team__state--on text-sm' : 'muted text-sm'}>
                  {running ? t('detail.onSite', { time: formatTime(running.startedAt, locale) }) : logs.length > 0 ? t('detail.finished', { duration: formatSeconds(seconds, t) }) : t('detail.notStarted')}
                </span>
              </span>
              {open ? (
                <Button
                  variant="secondary"
                  size="sm"
                  isPending={pending}
                  isDisabled={tap.isPending && !pending}
                  onPress={() => tap.mutate({ id: job.id, action: running ? 'end' : 'start', input: { workerId: worker.id } })}
                >
                  {running ? t('detail.endFor', { name: worker.name.split(' ')[0] }) : t('detail.startFor', { name: worker.name.split(' ')[0] })}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {open ? <p className="muted text-sm">{t('detail.onBehalfNote')}</p> : null}
    </JobSection>
  );
}
