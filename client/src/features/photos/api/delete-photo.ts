import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cleaningKeys } from '@/features/cleaning/api/keys';
import { photoKeys } from './keys';

/** DELETE /api/photos/:id: staff, or the worker who took it while the job is open (audited). */
export function deletePhoto(id: number): Promise<void> {
  return api.delete<void>(`/api/photos/${id}`);
}

export function useDeletePhoto(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePhoto,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: photoKeys.job(jobId) });
      void queryClient.invalidateQueries({ queryKey: cleaningKeys.detail(jobId) });
    },
  });
}
