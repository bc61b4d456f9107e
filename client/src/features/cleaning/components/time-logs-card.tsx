import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeLogDto } from '@contracts/cleaning';
import { Button } from '@/components/button';
import { ReasonDialog } from '@/components/dialog';
import { DateTimeField } from '@/components/date-fields';
import { Icon } from '@/components/icon';
import { ApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';
import { formatDateTime, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useCorrectTimeLog } from '@/features/cleaning/api/job-actions';
import { fromLisbonInput, toLisbonInput } from '@/features/cleaning/components/lisbon-datetime';
import { ElapsedTimer } from '@/features/cleaning/components/elapsed-timer';
import { formatSeconds } from '@/features/cleaning/job-format';
import '@/features/cleaning/cleaning-strings';
import { JobSection } from './job-page-parts';

function CorrectDialog({ jobId, log, onClose }: { jobId: number; log: TimeLogDto; onClose: () => void }) {
  const { t } = useTranslation('cleaning');
  const describe = useDescribeError();
  const correct = useCorrectTimeLog();
  const [start, setStart] = useState(toLisbonInput(log.startedAt));
  const [end, setEnd] = useState(log.endedAt ? toLisbonInput(log.endedAt) : '');
  // These refusals are about the end time: said at that field instead of the footer.
  const endError = correct.error instanceof ApiError && ['END_BEFORE_START', 'END_REQUIRED', 'OVERLAPS_TIME_LOG'].includes(correct.error.code) ? describe(correct.error).message : undefined;

  const save = (reason: string) => {
    const startedAt = fromLisbonInput(start);
    const endedAt = end ? fromLisbonInput(end) : undefined;
    correct.mutate(
      {
        id: jobId,
        logId: log.id,
        input: {
          reason,
          ...(startedAt && startedAt !== new Date(log.startedAt).toISOString() ? { startedAt } : {}),
          ...(endedAt && endedAt !== (log.endedAt ? new Date(log.endedAt).toISOString() : undefined) ? { endedAt } : {}),
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <ReasonDialog
      role="dialog"
      onOpenChange={(open) => !open && onClose()}
      title={t('correct.title', { name: log.worker.name })}
      description={t('correct.lead')}
      reasonLabel={t('correct.reason')}
      reasonHint={t('correct.reasonHint')}
      cancelLabel={t('correct.close')}
      confirmLabel={t('correct.save')}
      tone="primary"
      isPending={correct.isPending}
      error={endError ? null : correct.error}
      onConfirm={save}
    >
      <DateTimeField label={t('correct.start')} value={start} onChange={setStart} />
      <DateTimeField label={t('correct.end')} value={end} onChange={setEnd} min={start} errorMessage={endError} />
    </ReasonDialog>
  );
}

/** Everyone's time on site; staff can correct a log (with a reason, audited, the price follows). */
export function TimeLogsCard({ jobId, logs, canCorrect }: { jobId: number; logs: TimeLogDto[]; canCorrect: boolean }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const [editing, setEditing] = useState<TimeLogDto | null>(null);
  return (
    <JobSection id="job-logs" title={t('detail.timeLogs')} icon="clock">
      {logs.length === 0 ? (
        <p className="muted">{t('detail.noLogs')}</p>
      ) : (
        <ul role="list" className="stack gap-3 divided">
          {logs.map((log) => (
            <li key={log.id} className="cluster cluster--spread">
              <div className="log__main stack gap-1">
                <p className="strong" translate="no">
                  {log.worker.name}
                </p>
                <p className="muted text-sm">
                  <span>{formatDateTime(log.startedAt, locale, 'short')}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="visually-hidden"> – </span>
                  <span>{log.endedAt ? formatTime(log.endedAt, locale) : t('detail.running')}</span>
                </p>
                <div className="cluster gap-1 log__notes">
                  {log.startOccurredAt ? <span className="badge">{t('detail.tappedOffline', { time: formatTime(log.startReceivedAt, locale) })}</span> : null}
                  {log.endOccurredAt && log.endReceivedAt ? <span className="badge">{t('detail.tappedOffline', { time: formatTime(log.endReceivedAt, locale) })}</span> : null}
                  {log.flaggedForReview ? <span className="badge badge--warning">{t('detail.flagged')}</span> : null}
                  {log.startedBy.id !== log.worker.id ? <span className="badge">{t('detail.recordedBy', { name: log.startedBy.name })}</span> : null}
                  {log.correction ? <span className="log__correction muted text-sm">{t('detail.corrected', { name: log.correction.by?.name ?? '—', reason: log.correction.reason })}</span> : null}
                </div>
              </div>
              <div className="cluster gap-2">
                <span className="amount">
                  {log.durationSeconds !== null ? formatSeconds(log.durationSeconds, t) : <ElapsedTimer since={log.startedAt} label={t('worker.timer')} />}
                </span>
                {canCorrect ? (
                  <Button variant="ghost" size="sm" onPress={() => setEditing(log)} aria-label={t('detail.correctFor', { name: log.worker.name })}>
                    <Icon name="pencil" size={16} />
                    {t('detail.correct')}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? <CorrectDialog jobId={jobId} log={editing} onClose={() => setEditing(null)} /> : null}
    </JobSection>
  );
}
