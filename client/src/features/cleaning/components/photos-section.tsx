import { JobPhotosSection } from '@/features/photos/components/photos-section';

/**
 * Where a job's photos go on the three job pages (worker, staff, client). The photos feature draws
 * them: capture and upload queue for the team, grid for staff, before/after gallery for the client.
 */
export function PhotosSection({ jobId }: { jobId: number }) {
  return <JobPhotosSection jobId={jobId} />;
}
