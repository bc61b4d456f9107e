import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RequestCounts } from '@contracts/requests';
import { api } from '@/lib/api-client';
import { requestsKeys } from './keys';

export type RequestCountsDto = z.infer<typeof RequestCounts>;

/** GET /api/requests/counts (staff): how many wait on staff, for the inbox and the menu. */
export function useRequestCounts(enabled = true) {
  return useQuery({
    queryKey: requestsKeys.counts(),
    queryFn: ({ signal }) => api.get<RequestCountsDto>('/api/requests/counts', { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}
