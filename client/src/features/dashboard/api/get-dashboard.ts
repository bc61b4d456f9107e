import { useQuery } from '@tanstack/react-query';
import type { FinanceDashboardDto } from '@contracts/dashboard';
import { api } from '@/lib/api-client';

/** GET /api/dashboard as master or admin: the finance view (the server shapes the answer by role). */
export function getFinanceDashboard(signal?: AbortSignal): Promise<FinanceDashboardDto> {
  return api.get<FinanceDashboardDto>('/api/dashboard', { signal });
}

export function useFinanceDashboard() {
  // The same root key the payment screens refresh after every payment, refund or void.
  return useQuery({ queryKey: ['dashboard', 'finance'], queryFn: ({ signal }) => getFinanceDashboard(signal), staleTime: 30_000 });
}
