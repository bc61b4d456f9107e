import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import type { UploadFailure } from '@/features/photos/queue/photo-store';
import type { QueueItem, UploadQueue } from '@/features/photos/queue/upload-queue';
import { classifyFailure } from '@/features/photos/queue/upload-queue';
import { ApiError } from '@/lib/api-error';
import { roomName } from '@/features/photos/components/photo-text';
import '@/features/photos/photos-strings';
import '@/features/photos/photos.css';

/** Why a photo was not sent, in the worker's language (a short clause, shown after "Not sent:"). */
export function failureReason(t: TFunction<'photos'>, failure: UploadFailure | null): string {
  const code = failure?.code ?? 'GENERIC';
  if (failure?.quota) return t(failure.quota.scope === 'userDay' ? 'errors.quotaUserDay' : 'errors.quotaJob', { limit: failure.quota.limit });
  const known = ['UNSUPPORTED_MEDIA_TYPE', 'FILE_TOO_LARGE', 'IMAGE_TOO_LARGE', 'INVALID_IMAGE', 'JOB_CLOSED', 'PHOTO_QUOTA_EXCEEDED', 'FORBIDDEN', 'NOT_FOUND', 'NETWORK_ERROR', 'STORAGE_UNAVAILABLE', 'PHOTO_FILE_MISSING'] as const;
  const match = known.find((k) => k === code);
  if (match) return t(`errors.${match}`);
  if (failure && failure.status >= 500) return t('errors.STORAGE_UNAVAILABLE');
  return t('errors.GENERIC');
}

/** A waiting photo whose last attempt failed for a reason that may pass. */
const isWaiting = (item: QueueItem) => item.state === 'queued' && item.lastError !== null;

function statusOf(t: TFunction<'photos'>, item: QueueItem): string {
  if (item.state === 'uploading') return t('queue.uploading', { percent: Math.round((item.progress ?? 0) * 100) });
  if (item.state === 'failed') return t('queue.failed', { reason: failureReason(t, item.lastError) });
  if (isWaiting(item)) {
    const kind = classifyFailure(new ApiError(item.lastError!.status, item.lastError!.code, '', ''));
    return kind === 'signIn' ? t('queue.waitingSignIn') : t('queue.waiting', { reason: failureReason(t, item.lastError) });
  }
  return t('queue.queued');
}

/**
 * The photos still on the phone: each with its own progress and state, retry for one or all, and
 * remove for one the server refused. Sent photos leave this list and appear in the job's photos.
 */
export function UploadQueueList({ items, queue, online, showJob = false }: { items: QueueItem[]; queue: UploadQueue; online: boolean; showJob?: boolean }) {
  const { t } = useTranslation('photos');
  if (items.length === 0) return null;
  const stuck = items.filter((i) => i.state === 'failed' || isWaiting(i));
  return (
    <section className="stack gap-3" aria-labelledby="upload-queue-title">
      <div className="card__header--row">
        <div>
          <h3 id="upload-queue-title" className="cluster gap-2 text-base">
            {t('queue.title')} <span className="badge badge--accent">{items.length}</span>
          </h3>
          <p className="muted text-sm">{t('queue.lead')}</p>
        </div>
        {stuck.length > 0 ? (
          <Button size="sm" variant="secondary" onPress={() => queue.retryAll()}>
            <Icon name="refresh" size={16} />
            {t('queue.retryAll')}
          </Button>
        ) : null}
      </div>
      {online ? null : <Notice tone="warning">{t('queue.offline')}</Notice>}
      <ul role="list" className="stack gap-2">
        {items.map((item) => {
          const name = `${t(`type.${item.photoType}`)} · ${roomName(t, item.roomArea)}`;
          return (
            <li key={item.id} className="panel upload-item" data-state={item.state} data-upload-key={item.id}>
              {item.preview ? (
                <span className="photo-thumb">
                  <img src={item.preview} alt="" className="photo-thumb__image" />
                </span>
              ) : (
                <span className="photo-thumb photo-thumb--missing" aria-hidden="true">
                  <Icon name="camera" size={20} />
                </span>
              )}
              <div className="stack gap-0-5 text-sm user-text">
                <p className="strong">
                  {name}
                  {showJob ? <span className="muted"> · {t('queue.otherJob', { id: item.jobId })}</span> : null}
                </p>
                {item.caption ? <p className="muted">{item.caption}</p> : null}
                <p className={item.state === 'failed' ? 'field__error' : undefined}>{statusOf(t, item)}</p>
                {item.state === 'uploading' ? <progress className="upload-item__progress" max={1} value={item.progress ?? 0} aria-label={t('queue.progressLabel', { name })} /> : null}
              </div>
              {item.state === 'failed' || isWaiting(item) ? (
                <div className="upload-item__actions cluster gap-2 justify-end">
                  <Button size="sm" variant="soft" aria-label={t('queue.retryLabel', { name })} onPress={() => queue.retry(item.id)}>
                    {t('queue.retry')}
                  </Button>
                  {item.state === 'failed' ? (
                    <Button size="sm" variant="ghost" aria-label={t('queue.removeLabel', { name })} onPress={() => void queue.remove(item.id)}>
                      {t('queue.remove')}
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
