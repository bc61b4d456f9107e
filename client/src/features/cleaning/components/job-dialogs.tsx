import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter, ModalDialog, ReasonDialog } from '@/components/dialog';
import { DateTimeField } from '@/components/date-fields';
import { RadioCards, TextAreaInput } from '@/components/form-controls';
import { isApiError } from '@/lib/api-error';
import { useCancelJob, useCompleteJob } from '@/features/cleaning/api/job-actions';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { fromLisbonInput, toLisbonInput } from '@/features/cleaning/components/lisbon-datetime';
import { OpenLogsRefusal, openLogsOf } from '@/features/cleaning/components/open-logs-refusal';
import { AfterPhotoRefusal } from '@/features/photos/components/after-photo-waiver';
import '@/features/cleaning/cleaning-strings';

export function CancelJobDialog({ job, onClose }: { job: StaffJob; onClose: () => void }) {
  const { t } = useTranslation('cleaning');
  const cancel = useCancelJob();
  const [scope, setScope] = useState<'this' | 'future'>('this');
  return (
    <ReasonDialog
      onOpenChange={(open) => !open && onClose()}
      title={t('cancelDialog.title')}
      description={t('cancelDialog.lead')}
      reasonLabel={t('cancelDialog.reason')}
      reasonHint={t('cancelDialog.reasonHint')}
      cancelLabel={t('cancelDialog.keep')}
      confirmLabel={t('cancelDialog.confirm')}
      isPending={cancel.isPending}
      error={cancel.error}
      onConfirm={(reason) => cancel.mutate({ id: job.id, input: { reason, scope } }, { onSuccess: onClose })}
    >
      {job.series && !job.series.ended ? (
        <RadioCards
          label={t('cancelDialog.scopeLabel')}
          value={scope}
          onChange={(v) => setScope(v === 'future' ? 'future' : 'this')}
          options={[
            { value: 'this', label: t('cancelDialog.scopeThis') },
            { value: 'future', label: t('cancelDialog.scopeFuture') },
          ]}
        />
      ) : null}
    </ReasonDialog>
  );
}

/**
 * Staff complete a job; anyone still clocked in needs an end time first (PRODUCT §4: completion is
 * refused with open logs unless staff give end times), defaulting to now.
 */
export function CompleteJobDialog({ job, onClose }: { job: StaffJob; onClose: () => void }) {
  const { t } = useTranslation('cleaning');
  const complete = useCompleteJob();
  const open = (job.timeLogs ?? []).filter((l) => l.endedAt === null);
  const [ends, setEnds] = useState<Record<number, string>>(() => Object.fromEntries(open.map((l) => [l.id, toLisbonInput(Date.now())])));
  const [note, setNote] = useState('');
  const refused = openLogsOf(complete.error);
  const failure = complete.error && !refused && !isApiError(complete.error, 'AFTER_PHOTO_REQUIRED') ? complete.error : null;
  return (
    <ModalDialog isOpen onOpenChange={(isOpen) => !isOpen && !complete.isPending && onClose()} title={t('completeDialog.title')} description={t('completeDialog.lead')}>
      {refused ? <OpenLogsRefusal error={complete.error} /> : null}
      <AfterPhotoRefusal jobId={job.id} error={complete.error} onWaived={() => complete.reset()} />
      {open.length > 0 ? (
        <>
          <p>{t('completeDialog.openLead', { count: open.length })}</p>
          {open.map((log) => (
            <DateTimeField
              key={log.id}
              label={t('completeDialog.leftAt', { name: log.worker.name })}
              min={toLisbonInput(log.startedAt)}
              value={ends[log.id] ?? ''}
              onChange={(value) => setEnds((current) => ({ ...current, [log.id]: value }))}
            />
          ))}
        </>
      ) : null}
      <TextAreaInput label={t('completeDialog.note')} value={note} onChange={setNote} rows={2} maxLength={500} />
      <DialogFooter
        onCancel={onClose}
        cancelLabel={t('completeDialog.keep')}
        confirmLabel={t('completeDialog.confirm')}
        isPending={complete.isPending}
        error={failure}
        onConfirm={() => {
          const openLogEnds = open.map((log) => ({ timeLogId: log.id, endedAt: fromLisbonInput(ends[log.id] ?? '') ?? new Date().toISOString() }));
          complete.mutate({ id: job.id, input: { ...(openLogEnds.length > 0 ? { openLogEnds } : {}), ...(note.trim() ? { note: note.trim() } : {}) } }, { onSuccess: onClose });
        }}
      />
    </ModalDialog>
  );
}
