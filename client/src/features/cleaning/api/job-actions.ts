import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CancelCleaningJobInput, CompleteCleaningJobInput, CorrectTimeLogInput, TimeTapInput } from '@contracts/cleaning';
import { api } from '@/lib/api-client';
import { cleaningKeys, type StaffJob, type WorkerJob } from './keys';

/** POST /api/cleaning-jobs/:id/start or /end. A worker taps for themself; staff name the worker. */
export function tapJob({ id, action, input }: { id: number; action: 'start' | 'end'; input: TimeTapInput }): Promise<StaffJob | WorkerJob> {
  return api.post<StaffJob | WorkerJob>(`/api/cleaning-jobs/${id}/${action}`, input);
}

/** POST /api/cleaning-jobs/:id/complete: refused with OPEN_TIME_LOGS while someone is on site. */
export function completeJob({ id, input }: { id: number; input: CompleteCleaningJobInput }): Promise<StaffJob | WorkerJob> {
  return api.post<StaffJob | WorkerJob>(`/api/cleaning-jobs/${id}/complete`, input);
}

/** POST /api/cleaning-jobs/:id/cancel (staff), with a reason. */
export function cancelJob({ id, input }: { id: number; input: CancelCleaningJobInput }): Promise<StaffJob> {
  return api.post<StaffJob>(`/api/cleaning-jobs/${id}/cancel`, input);
}

/** PATCH /api/cleaning-jobs/:id/time-logs/:logId (staff), with a reason; a completed job is repriced. */
export function correctTimeLog({ id, logId, input }: { id: number; logId: number; input: CorrectTimeLogInput }): Promise<StaffJob> {
  return api.patch<StaffJob>(`/api/cleaning-jobs/${id}/time-logs/${logId}`, input);
}

/** After any action the answer is the job's new state; lists and the day are refreshed around it. */
function useJobMutation<V, R extends { id: number }>(fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (job) => {
      queryClient.setQueryData(cleaningKeys.detail(job.id), (old: object | undefined) => ({ ...old, ...job }));
      void queryClient.invalidateQueries({ queryKey: cleaningKeys.all });
    },
  });
}

export const useTapJob = () => useJobMutation(tapJob);
export const useCompleteJob = () => useJobMutation(completeJob);
export const useCancelJob = () => useJobMutation(cancelJob);
export const useCorrectTimeLog = () => useJobMutation(correctTimeLog);
