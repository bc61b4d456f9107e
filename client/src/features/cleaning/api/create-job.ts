import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateCleaningJobInput } from '@contracts/cleaning';
import { api } from '@/lib/api-client';
import { cleaningKeys, type StaffJob } from './keys';

/** POST /api/cleaning-jobs (one Idempotency-Key per press: a retry never books twice). */
export function createJob(input: CreateCleaningJobInput): Promise<StaffJob> {
  return api.create<StaffJob>('/api/cleaning-jobs', input);
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJob,
    onSuccess: (job) => {
      queryClient.setQueryData(cleaningKeys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: cleaningKeys.lists() });
    },
  });
}
