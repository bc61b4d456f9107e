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
    // The booking's answer leaves out the access notes (only the job page reveals them, audited): the
    // job page asks for itself rather than start from an answer that would say "none recorded".
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cleaningKeys.lists() });
    },
  });
}
