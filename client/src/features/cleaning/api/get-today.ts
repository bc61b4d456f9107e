import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cleaningKeys, type WorkerJob } from './keys';

/** GET /api/cleaning-jobs/today: the worker's jobs today (Lisbon) and wherever they are still clocked in. */
export function getToday(): Promise<WorkerJob[]> {
  return api.listAll<WorkerJob>('/api/cleaning-jobs/today');
}

export function useToday() {
  // A phone left open all day keeps its day current.
  return useQuery({ queryKey: cleaningKeys.today(), queryFn: getToday, refetchInterval: 5 * 60_000 });
}
