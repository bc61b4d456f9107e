import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';

/*
 * The lookups the ticket screens need: team members to assign (staff), and laundry orders and cleaning
 * jobs to link a ticket to (searched on the server, within what the caller may see).
 */

export interface StaffOption {
  id: number;
  name: string;
  role: 'master' | 'admin' | 'worker';
  isActive: boolean;
}

/** GET /api/users: the master sees every team member, an admin the workers (and assigns themself apart). */
export function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'pick', 'staff'],
    queryFn: async () => (await api.list<StaffOption>(`/api/users${queryString({ active: 'true', limit: 100 })}`)).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export interface OrderOption {
  id: number;
  orderNumber: string;
  client: { name: string } | null;
  status: string;
}

/** GET /api/laundry-orders?q=: the first orders matching a number or a name. */
export function useOrderSearch(term: string, enabled: boolean) {
  const q = term.trim();
  return useQuery({
    queryKey: ['tickets', 'pick', 'orders', q],
    queryFn: async () => (await api.list<OrderOption>(`/api/laundry-orders${queryString({ q: q || undefined, limit: 15 })}`)).items,
    enabled,
    placeholderData: (previous) => previous,
  });
}

export interface JobOption {
  id: number;
  scheduledDate: string;
  scheduledTime: string;
  property: { name: string };
  client?: { name: string } | null;
}

/** GET /api/cleaning-jobs?q=: a worker gets only their own jobs; staff any. */
export function useJobSearch(term: string, enabled: boolean) {
  const q = term.trim();
  return useQuery({
    queryKey: ['tickets', 'pick', 'jobs', q],
    queryFn: async () => (await api.list<JobOption>(`/api/cleaning-jobs${queryString({ q: q || undefined, limit: 15, sort: '-scheduledAt' })}`)).items,
    enabled,
    placeholderData: (previous) => previous,
  });
}
