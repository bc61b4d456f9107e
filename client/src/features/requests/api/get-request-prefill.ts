import { useQuery } from '@tanstack/react-query';
import type { RequestPrefillDto } from '@contracts/requests';
import { api } from '@/lib/api-client';
import { requestsKeys } from './keys';

/** GET /api/requests/:id/prefill (staff): what the order or job form opens with; nothing changes. */
export function useRequestPrefill(id: number | null) {
  return useQuery({
    queryKey: requestsKeys.prefill(id ?? 0),
    queryFn: ({ signal }) => api.get<RequestPrefillDto>(`/api/requests/${id}/prefill`, { signal }),
    enabled: id !== null && Number.isInteger(id) && id > 0,
    retry: false,
  });
}
