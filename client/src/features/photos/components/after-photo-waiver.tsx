import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { ReasonDialog } from '@/components/dialog';
import { Notice } from '@/components/notice';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { PhotoSummary } from '@/features/photos/api/keys';
import { useWaiveAfterPhoto } from '@/features/photos/api/waive-after-photo';
import '@/components/ui-strings';
import '@/features/photos/photos-strings';

/** Staff let a job be completed without an "after" photo, saying why (the server records who, when and why). */
export function WaiverDialog({ jobId, onClose, onWaived }: { jobId: number; onClose: () => void; onWaived?: (summary: PhotoSummary) => void }) {
  const { t } = useTranslation('photos');
  const waive = useWaiveAfterPhoto();
  return (
    <ReasonDialog
      role="dialog"
      onOpenChange={(open) => !open && onClose()}
      title={t('waiver.title')}
      description={t('waiver.lead')}
      reasonLabel={t('waiver.reason')}
      reasonHint={t('waiver.reasonHint')}
      confirmLabel={t('waiver.confirm')}
      tone="primary"
      isPending={waive.isPending}
      error={waive.error}
      onConfirm={(reason) =>
        waive.mutate(
          { jobId, reason },
          {
            onSuccess: (summary) => {
              onWaived?.(summary);
              onClose();
            },
          },
        )
      }
    />
  );
}

/**
 * Staff's view of the after-photo rule on an open job: what is missing and the way past it, or the
 * waiver already given (by whom, when and why).
 */
export function AfterPhotoRule({ jobId, summary, open }: { jobId: number; summary: PhotoSummary; open: boolean }) {
  const { t } = useTranslation('photos');
  const locale = currentLocale();
  const [asking, setAsking] = useState(false);
  if (summary.waiver) {
    return (
      <Notice tone="info">
        {t('waiver.granted', { name: summary.waiver.by.name, when: formatDateTime(summary.waiver.at, locale, 'short'), reason: summary.waiver.reason })}
      </Notice>
    );
  }
  if (!open || summary.requirementMet) return null;
  return (
    <div className="photo-waiver stack gap-2">
      <Notice tone="warning">{t('waiver.needed')}</Notice>
      <Button variant="secondary" size="sm" onPress={() => setAsking(true)}>
        {t('waiver.action')}
      </Button>
      {asking ? <WaiverDialog jobId={jobId} onClose={() => setAsking(false)} /> : null}
    </div>
  );
}

/**
 * Where a completion was refused for lack of an "after" photo (409 AFTER_PHOTO_REQUIRED): the reason,
 * and for staff the way past it. Nothing for any other outcome.
 */
export function AfterPhotoRefusal({ jobId, error, onWaived }: { jobId: number; error: unknown; onWaived: () => void }) {
  const { t } = useTranslation('photos');
  const { t: rules } = useTranslation('rules');
  const [asking, setAsking] = useState(false);
  const [granted, setGranted] = useState(false);
  if (granted) return <Notice tone="success">{t('waiver.grantedShort')}</Notice>;
  if (!isApiError(error, 'AFTER_PHOTO_REQUIRED')) return null;
  return (
    <div className="photo-waiver stack gap-2">
      <Notice tone="danger">{rules('AFTER_PHOTO_REQUIRED')}</Notice>
      <Button variant="secondary" size="sm" onPress={() => setAsking(true)}>
        {t('waiver.action')}
      </Button>
      {asking ? (
        <WaiverDialog
          jobId={jobId}
          onClose={() => setAsking(false)}
          onWaived={() => {
            setGranted(true);
            onWaived();
          }}
        />
      ) : null}
    </div>
  );
}
