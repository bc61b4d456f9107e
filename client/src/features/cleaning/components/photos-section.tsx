import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import '@/features/cleaning/cleaning-strings';

/**
 * Where a job's photos go (upload queue for the team, galleries for staff and the client). The photos
 * feature renders into this section; until then it says what will appear here.
 */
export function PhotosSection({ jobId }: { jobId: number }) {
  const { t } = useTranslation('cleaning');
  const titleId = `job-${jobId}-photos`;
  return (
    <section className="card job-section job-photos" aria-labelledby={titleId} data-photos-slot={jobId}>
      <h2 id={titleId} className="card__title job-section__title">
        <Icon name="camera" size={20} />
        {t('photosTitle')}
      </h2>
      <p className="muted">{t('photosSoon')}</p>
    </section>
  );
}
