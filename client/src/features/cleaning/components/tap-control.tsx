import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { describeError } from '@/lib/error-message';
import { ApiError } from '@/lib/api-error';
import { formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { WorkerJob } from '@/features/cleaning/api/keys';
import { ElapsedTimer } from '@/features/cleaning/components/elapsed-timer';
import { pendingFor } from '@/features/cleaning/offline/tap-queue';
import { useTapQueue } from '@/features/cleaning/offline/use-tap-queue';
import '@/features/cleaning/cleaning-strings';

/**
 * Start / End for the signed-in worker, with the live timer. Taps go through the offline queue: with
 * no signal the screen moves on at once (showing that the tap waits to be sent) and the server later
 * records the time of the tap.
 */
export function TapControl({ job, openSince }: { job: WorkerJob; openSince?: string }) {
  const { t, i18n } = useTranslation('cleaning');
  const locale = currentLocale();
  const queue = useTapQueue();
  const pending = pendingFor(queue.taps, job.id);
  const failures = queue.failures.filter((f) => f.jobId === job.id);
  const onSite = pending ? pending.action === 'start' : job.myOpenTimeLogId !== null;
  const since = pending?.action === 'start' ? pending.occurredAt : onSite ? openSince : undefined;
  const closed = job.status === 'completed' || job.status === 'cancelled';
  const place = job.property.name;

  return (
    <div className={onSite ? 'tap tap--on' : 'tap'}>
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
        <div className="tap__timer">
          <span className="tap__timer-label">{t('worker.timer')}</span>
          <ElapsedTimer since={since} label={t('worker.timer')} className="tap__elapsed" />
        </div>
      ) : null}
      {pending ? (
        <p className="tap__pending" role="status">
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
      ) : (
        <Button variant="primary" size="lg" block className="tap__button tap__button--start" aria-label={t('worker.startAria', { place })} onPress={() => queue.tap(job.id, 'start')}>
          <Icon name="play" size={22} />
          {t('worker.start')}
        </Button>
      )}
    </div>
  );
}
