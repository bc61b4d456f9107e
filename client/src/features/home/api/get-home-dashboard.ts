import { useQuery } from '@tanstack/react-query';
import type { ClientDashboardDto, WorkerDashboardDto } from '@contracts/dashboard';
import { api } from '@/lib/api-client';

/** GET /api/dashboard: the server shapes the answer by who asks (a worker's day, a client's orders). */
function getDashboard<T>(signal?: AbortSignal): Promise<T> {
  return api.get<T>('/api/dashboard', { signal });
}

/** A worker's jobs today and upcoming and the laundry queue; refreshed every minute while open. */
export function useWorkerDashboard() {
  return useQuery({
    queryKey: ['dashboard', 'worker'],
    queryFn: ({ signal }) => getDashboard<WorkerDashboardDto>(signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** A client's open orders, upcoming visits and unread notifications. */
export function useClientDashboard() {
  return useQuery({ queryKey: ['dashboard', 'client'], queryFn: ({ signal }) => getDashboard<ClientDashboardDto>(signal), refetchOnWindowFocus: true });
}
