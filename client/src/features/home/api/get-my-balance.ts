import { useQuery } from '@tanstack/react-query';
import type { ReceivablesSummaryDto } from '@contracts/receivables';
import { api } from '@/lib/api-client';

/** GET /api/receivables/summary: what the signed-in client owes, by the one definition staff use too. */
export function useMyBalance() {
  return useQuery({
    queryKey: ['receivables', 'summary', 'mine'],
    queryFn: ({ signal }) => api.get<ReceivablesSummaryDto>('/api/receivables/summary', { signal }),
    refetchOnWindowFocus: true,
  });
}
