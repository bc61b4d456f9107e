import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { describeError } from '@/lib/error-message';
import { ApiError } from '@/lib/api-error';
import { formatDate, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate, lisbonDate } from '@/lib/lisbon-time';
import type { WorkerJob } from '@/features/cleaning/api/keys';
import { useCompleteJob } from '@/features/cleaning/api/job-actions';
import { ElapsedTimer } from '@/features/cleaning/components/elapsed-timer';
import { OpenLogsRefusal, openLogsOf } from '@/features/cleaning/components/open-logs-refusal';
import { pendingFor } from '@/features/cleaning/offline/tap-queue';
import { useTapQueue } from '@/features/cleaning/offline/use-tap-queue';
import '@/features/cleaning/cleaning-strings';

type Confirming = 'otherDay' | 'restart' | null;

/** "Concluir serviço" as the main action of the last worker out, with the server's refusal in place. */
function CompleteAction({ job }: { job: WorkerJob }) {
  const { t } = useTranslation('cleaning');
  const complete = useCompleteJob();
  return (
    <>
      <OpenLogsRefusal error={complete.error} />
      <ErrorNotice error={complete.error && !openLogsOf(complete.error) ? complete.error : null} />
      <Button variant="primary" size="lg" block className="tap__button" isPending={complete.isPending} onPress={() => complete.mutate({ id: job.id, input: {} })}>
        <Icon name="checkCircle" size={22} />
        {t('worker.complete')}
      </Button>
    </>
  );
}

/**
 * Start / End for the signed-in worker, with the live timer. Taps go through the offline queue: with
 * no signal the screen moves on at once (showing that the tap waits to be sent) and the server later
 * records the time of the tap. Once the worker has ended their time, Start is no longer the main action
 * (a second tap would open a second log by accident): the last one out gets "Concluir serviço", the
 * others nothing, and starting again takes an explicit, confirmed "Voltar a iniciar". A Start on a job
 * booked for another day asks first.
 */
export function TapControl({ job, openSince }: { job: WorkerJob; openSince?: string }) {
  const { t, i18n } = useTranslation('cleaning');
  const locale = currentLocale();
  const queue = useTapQueue();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const pending = pendingFor(queue.taps, job.id);
  const failures = queue.failures.filter((f) => f.jobId === job.id && f.action !== 'tick');
  const onSite = pending ? pending.action === 'start' : job.myOpenTimeLogId !== null;
  const since = pending?.action === 'start' ? pending.occurredAt : onSite ? openSince : undefined;
  const closed = job.status === 'completed' || job.status === 'cancelled';
  const logged = job.myTimeLogged || pending !== undefined;
  const lastOut = job.status === 'in_progress' && job.othersOnSite === 0 && pending === undefined;
  const place = job.property.name;
  const start = () => {
    setConfirming(null);
    queue.tap(job.id, 'start');
  };

  return (
    <div className="stack gap-3">
      {failures.map((failure) => (
        <Notice key={failure.id} tone="danger">
          <span>
            {t(failure.action === 'start' ? 'worker.failedStart' : 'worker.failedEnd', {
              time: formatTime(failure.occurredAt, locale),
              reason: describeError(new ApiError(409, failure.code, '', ''), i18n).message,
            })}
          </span>{' '}
          <Button variant="ghost" size="sm" onPress={() => queue.dismissFailure(failure.id)}>
            {t('worker.dismiss')}
          </Button>
        </Notice>
      ))}
      {onSite && since ? (
        <div className="notice notice--warning cluster--spread tap__timer">
          <span className="strong">{t('worker.timer')}</span>
          <ElapsedTimer since={since} label={t('worker.timer')} className="tap__elapsed" />
        </div>
      ) : null}
      {pending ? (
        <p className="notice notice--warning strong tap__pending" role="status">
          <Icon name={queue.sending ? 'refresh' : 'cloudOff'} size={18} />
          {queue.sending && !pending.delayed
            ? t('worker.sending')
            : t(pending.action === 'start' ? 'worker.pendingStart' : 'worker.pendingEnd', { time: formatTime(pending.occurredAt, locale) })}
        </p>
      ) : (
        <p className="visually-hidden" role="status" />
      )}
      {closed ? null : onSite ? (
        <Button variant="danger" size="lg" block className="tap__button tap__button--end" aria-label={t('worker.endAria', { place })} onPress={() => queue.tap(job.id, 'end')}>
          <Icon name="stop" size={22} />
          {t('worker.end')}
        </Button>
      ) : logged ? (
        <>
          {lastOut ? <CompleteAction job={job} /> : <p className="muted">{job.othersOnSite > 0 ? t('worker.othersOnSite', { count: job.othersOnSite }) : t('worker.timeRecorded')}</p>}
          <Button variant="ghost" size="sm" onPress={() => setConfirming('restart')}>
            <Icon name="play" size={16} />
            {t('worker.restart')}
          </Button>
        </>
      ) : (
        <Button
          variant="primary"
          size="lg"
          block
          className="tap__button tap__button--start"
          aria-label={t('worker.startAria', { place })}
          onPress={() => (job.scheduledDate === lisbonDate() ? start() : setConfirming('otherDay'))}
        >
          <Icon name="play" size={22} />
          {t('worker.start')}
        </Button>
      )}
      {confirming ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && setConfirming(null)}
          tone="primary"
          title={t(confirming === 'restart' ? 'worker.restartTitle' : 'worker.otherDayTitle')}
          confirmLabel={t(confirming === 'restart' ? 'worker.restartConfirm' : 'worker.otherDayConfirm')}
          onConfirm={start}
        >
          {confirming === 'restart'
            ? t('worker.restartText')
            : t('worker.otherDayText', { date: formatDate(calendarDate(job.scheduledDate), locale, 'full'), time: job.scheduledTime })}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
