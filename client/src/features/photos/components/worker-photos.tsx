import { useMemo } from 'react';
import { usePhotoSummary } from '@/features/photos/api/get-summary';
import { PhotoCapture } from '@/features/photos/components/photo-capture';
import { PhotoGrid } from '@/features/photos/components/photo-grid';
import { UploadQueueList } from '@/features/photos/components/upload-queue-list';
import { usePhotoQueue } from '@/features/photos/queue/use-photo-queue';
import { Notice } from '@/components/notice';
import { useTranslation } from 'react-i18next';
import '@/features/photos/photos-strings';

/** The worker's photos of a job: taking them (while the job is open), the ones still on the phone, and the ones sent. */
export default function WorkerPhotos({ jobId, open }: { jobId: number; open: boolean }) {
  const { t } = useTranslation('photos');
  const { queue, items, online } = usePhotoQueue();
  const summary = usePhotoSummary(jobId);
  const mine = items.filter((i) => i.jobId === jobId);
  const rooms = useMemo(() => {
    const names = new Map<string, string>();
    for (const room of summary.data?.rooms ?? []) if (room.roomArea) names.set(room.roomArea.toLowerCase(), room.roomArea);
    for (const item of mine) if (item.roomArea) names.set(item.roomArea.toLowerCase(), item.roomArea);
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }, [summary.data, mine]);

  return (
    <>
      {open ? <PhotoCapture jobId={jobId} rooms={rooms} onQueue={(uploads) => queue.add(uploads)} /> : <Notice tone="info">{t('capture.closed')}</Notice>}
      <UploadQueueList items={mine} queue={queue} online={online} />
      <PhotoGrid jobId={jobId} summary={summary.data} filters={false} />
    </>
  );
}
