import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateCleaningJobInput } from '@contracts/cleaning';
import { api } from '@/lib/api-client';
import { cleaningKeys, type StaffJob } from './keys';

/** PATCH /api/cleaning-jobs/:id (with the version read; `scope` for a recurring job). */
export function updateJob({ id, input }: { id: number; input: UpdateCleaningJobInput }): Promise<StaffJob> {
  return api.patch<StaffJob>(`/api/cleaning-jobs/${id}`, input);
}

export function useUpdateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateJob,
    onSuccess: (job) => {
      // Shown at once; the answer leaves out the access notes (the place may have changed too), so the
      // job page fetches itself again. Other occurrences of a series may have changed as well.
      queryClient.setQueryData(cleaningKeys.detail(job.id), (old: object | undefined) => ({ ...old, ...job }));
      void queryClient.invalidateQueries({ queryKey: cleaningKeys.all });
    },
  });
}
