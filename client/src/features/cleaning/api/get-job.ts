import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cleaningKeys, type AnyJob } from './keys';

/** GET /api/cleaning-jobs/:id: with workers, time logs and history (a job you may not see is 404). */
export function getJob<T extends AnyJob>(id: number): Promise<T> {
  return api.get<T>(`/api/cleaning-jobs/${id}`);
}

export function useJob<T extends AnyJob>(id: number, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: cleaningKeys.detail(id),
    queryFn: () => getJob<T>(id),
    enabled: (options.enabled ?? true) && Number.isInteger(id) && id > 0,
    refetchInterval: options.refetchInterval,
  });
}
