import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import { workerPaths } from '@/features/cleaning/paths';
import type { UploadQueueState } from '@/features/photos/queue/upload-queue';
import '@/features/photos/photos-strings';
import '@/features/photos/photos.css';

/**
 * The worker's reminder, on every screen, that photos are still on the phone: how many are going, how
 * many wait for a signal, how many were refused, with a link to the job whose queue needs a look.
 */
export function PendingUploads({ state }: { state: UploadQueueState }) {
  const { t } = useTranslation('photos');
  const { pathname } = useLocation();
  const { items } = state;
  if (items.length === 0) return null;
  const failed = items.filter((i) => i.state === 'failed');
  const first = failed[0] ?? items[0]!;
  // On that job's own page its queue is on screen already.
  if (pathname === workerPaths.detail(first.jobId)) return null;
  // "Waiting" when nothing can go now: no signal, or every photo's last attempt failed and awaits its retry.
  const stalled = !state.online || items.every((i) => i.state !== 'uploading' && i.lastError !== null);
  const tone = failed.length > 0 ? 'failed' : stalled ? 'waiting' : 'uploading';
  // The pill is a large badge in the tone of its state.
  const badge = tone === 'failed' ? 'danger' : tone === 'waiting' ? 'warning' : 'info';
  const text =
    tone === 'failed'
      ? t('indicator.failed', { count: failed.length })
      : tone === 'waiting'
        ? t('indicator.waiting', { count: items.length })
        : t('indicator.uploading', { count: items.length });
  return (
    <div className="pending-uploads" role="status">
      <Link to={workerPaths.detail(first.jobId)} className={`badge badge--lg badge--${badge} pending-uploads__pill`}>
        {tone === 'uploading' ? <span className="spinner" aria-hidden="true" /> : <Icon name={tone === 'failed' ? 'alertCircle' : 'cloudOff'} size={18} />}
        <span>{text}</span>
      </Link>
    </div>
  );
}
