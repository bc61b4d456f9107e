import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cleaningKeys } from '@/features/cleaning/api/keys';
import { photoKeys, type PhotoSummary } from './keys';

/** POST /api/cleaning-jobs/:id/after-photo-waiver (staff): the job may be completed without an "after" photo; audited. */
export function waiveAfterPhoto({ jobId, reason }: { jobId: number; reason: string }): Promise<PhotoSummary> {
  return api.post<PhotoSummary>(`/api/cleaning-jobs/${jobId}/after-photo-waiver`, { reason });
}

export function useWaiveAfterPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: waiveAfterPhoto,
    onSuccess: (summary) => {
      queryClient.setQueryData(photoKeys.summary(summary.jobId), summary);
      void queryClient.invalidateQueries({ queryKey: cleaningKeys.detail(summary.jobId) });
    },
  });
}
