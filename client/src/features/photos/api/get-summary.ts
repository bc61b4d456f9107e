import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { photoKeys, type PhotoSummary } from './keys';

/** GET /api/cleaning-jobs/:id/photos/summary: counts per type and room, the after-photo rule, what the client saw (staff). */
export function getPhotoSummary(jobId: number): Promise<PhotoSummary> {
  return api.get<PhotoSummary>(`/api/cleaning-jobs/${jobId}/photos/summary`);
}

export function usePhotoSummary(jobId: number) {
  return useQuery({ queryKey: photoKeys.summary(jobId), queryFn: () => getPhotoSummary(jobId) });
}
