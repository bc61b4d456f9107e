import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

interface StaffAccount {
  id: number;
  name: string;
  username: string;
}

/** GET /api/users (first 100 by name): the staff the actor filter offers (an admin sees workers). */
export function listActors(signal?: AbortSignal) {
  return api.list<StaffAccount>('/api/users?limit=100&sort=name', { signal });
}

export function useActors() {
  return useQuery({ queryKey: ['audit-log', 'actors'], queryFn: ({ signal }) => listActors(signal), select: (page) => page.items, staleTime: 5 * 60_000 });
}
