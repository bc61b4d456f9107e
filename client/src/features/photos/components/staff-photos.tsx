import { useTranslation } from 'react-i18next';
import { usePhotoSummary } from '@/features/photos/api/get-summary';
import { AfterPhotoRule } from '@/features/photos/components/after-photo-waiver';
import { PhotoGrid } from '@/features/photos/components/photo-grid';
import '@/features/photos/photos-strings';

/** Staff's photos of a job: the after-photo rule, how many the client has opened, and the grid. */
export default function StaffPhotos({ jobId, open }: { jobId: number; open: boolean }) {
  const { t } = useTranslation('photos');
  const summary = usePhotoSummary(jobId);
  const data = summary.data;
  return (
    <>
      {data ? <AfterPhotoRule jobId={jobId} summary={data} open={open} /> : null}
      {data && data.counts.total > 0 && data.seenByClient !== undefined ? (
        <p className="muted text-sm">{t('grid.seenSummary', { seen: data.seenByClient, total: data.counts.total })}</p>
      ) : null}
      <PhotoGrid jobId={jobId} summary={data} />
    </>
  );
}
