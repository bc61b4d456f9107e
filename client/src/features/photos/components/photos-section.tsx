import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useJob } from '@/features/cleaning/api/get-job';
import type { AnyJob } from '@/features/cleaning/api/keys';
import '@/features/photos/photos-strings';
import '@/features/photos/photos.css';
import { JobSection } from '@/features/cleaning/components/job-page-parts';

// Each audience loads only its own part: the camera and queue for workers, the grid for staff, the gallery for clients.
const WorkerPhotos = lazy(() => import('@/features/photos/components/worker-photos'));
const StaffPhotos = lazy(() => import('@/features/photos/components/staff-photos'));
const ClientGallery = lazy(() => import('@/features/photos/components/client-gallery').then((m) => ({ default: m.ClientGallery })));

/** A job's photos on its page, for whoever is looking: staff, one of its workers, or its client. */
export function JobPhotosSection({ jobId }: { jobId: number }) {
  const { t } = useTranslation('photos');
  const principal = usePrincipal();
  // The page has loaded the job already: this reads the same cached answer.
  const job = useJob<AnyJob>(jobId).data;
  const open = job ? job.status === 'scheduled' || job.status === 'in_progress' : false;
  const counts = job?.photoCounts;
  const titleId = `job-${jobId}-photos`;
  const role = principal.role;

  return (
    <JobSection
      id={titleId}
      icon="camera"
      title={t('title')}
      data-photos-slot={jobId}
      actions={
        counts && counts.before + counts.after + counts.detail > 0 ? (
          <p className="muted text-sm" data-photo-counts="">
            {t('counts', counts)}
          </p>
        ) : null
      }
    >
      <Suspense fallback={<div className="photo-grid__loading skeleton" aria-hidden="true" />}>
        {role === 'client' ? <ClientGallery jobId={jobId} /> : role === 'worker' ? <WorkerPhotos jobId={jobId} open={open} /> : <StaffPhotos jobId={jobId} open={open} />}
      </Suspense>
    </JobSection>
  );
}
