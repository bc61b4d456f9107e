import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { ReasonDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { useJobChecklist, useWaiveChecklist } from '@/features/turnovers/api/turnovers-api';
import '@/features/turnovers/turnovers-strings';
import '@/features/turnovers/turnovers.css';
import { JobSection } from '@/features/cleaning/components/job-page-parts';

function WaiveDialog({ jobId, onClose }: { jobId: number; onClose: () => void }) {
  const { t } = useTranslation('turnovers');
  const waive = useWaiveChecklist(jobId);
  return (
    <ReasonDialog
      role="dialog"
      onOpenChange={(open) => !open && onClose()}
      title={t('checklist.waiveTitle')}
      description={t('checklist.waiveLead')}
      reasonLabel={t('checklist.reason')}
      reasonHint={t('checklist.reasonHelp')}
      confirmLabel={t('checklist.waive')}
      pendingLabel={t('checklist.waiving')}
      tone="primary"
      isPending={waive.isPending}
      error={waive.error}
      onConfirm={(reason) => waive.mutate(reason, { onSuccess: onClose })}
    />
  );
}

/** Staff: a job's checklist as ticked by the team, with the waiver (a reason, audited) while the job is open. */
export function StaffChecklistCard({ jobId, open }: { jobId: number; open: boolean }) {
  const { t } = useTranslation('turnovers');
  const checklist = useJobChecklist(jobId);
  const [waiving, setWaiving] = useState(false);
  if (!checklist.isSuccess) return <QueryFallback query={checklist} />;
  const data = checklist.data;
  if (data.items.length === 0) return null;
  const done = data.items.filter((i) => i.done).length;

  return (
    <JobSection
      id={`staff-checklist-${jobId}`}
      icon="checkCircle"
      title={t('checklist.title')}
      actions={
        <span className="badge">{t('checklist.progress', { done, total: data.items.length })}</span>
      }
    >
      {data.waiver ? (
        <Notice tone="info">{t('checklist.waived', { reason: data.waiver.reason })}</Notice>
      ) : data.requiredLeft > 0 ? (
        <Notice tone="warning">{t('checklist.requiredLeft', { count: data.requiredLeft })}</Notice>
      ) : (
        <Notice tone="success">{t('checklist.complete')}</Notice>
      )}
      <ul role="list" className="stack gap-2">
        {data.items.map((item) => (
          <li key={item.id} className={item.done ? 'staff-checklist__item is-done' : 'staff-checklist__item'}>
            <Icon name={item.done ? 'checkCircle' : 'alertCircle'} size={18} label={item.done ? t('checklist.itemDone') : t('checklist.itemOpen')} />
            <span>
              <span className="muted">{item.section} · </span>
              {item.label}
              {item.requiresPhoto ? <Icon name="camera" size={16} label={t('checklist.photo')} className="staff-checklist__photo" /> : null}
              {item.required ? null : <span className="muted"> ({t('checklist.optional')})</span>}
            </span>
          </li>
        ))}
      </ul>
      {open && !data.waiver && data.requiredLeft > 0 ? (
        <Button variant="secondary" onPress={() => setWaiving(true)}>
          {t('checklist.waive')}
        </Button>
      ) : null}
      {waiving ? <WaiveDialog jobId={jobId} onClose={() => setWaiving(false)} /> : null}
    </JobSection>
  );
}
