import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UserDto } from '@contracts/users';
import { api, queryString } from '@/lib/api-client';

export type User = UserDto;
export interface UserFilters {
  search: string;
  role: '' | 'master' | 'admin' | 'worker';
  active: '' | 'true' | 'false';
  offset: number;
}
export const PAGE_SIZE = 25;

/** Every query of this feature starts with this key, so one invalidation refreshes them all. */
export const usersKey = ['users'] as const;

/** GET /api/users: one page of staff accounts (an admin sees workers only). */
export function listUsers(filters: UserFilters, signal?: AbortSignal) {
  const query = queryString({ search: filters.search, role: filters.role, active: filters.active, offset: filters.offset, limit: PAGE_SIZE });
  return api.list<User>(`/api/users${query}`, { signal });
}

export function useUsers(filters: UserFilters) {
  return useQuery({ queryKey: [...usersKey, 'list', filters], queryFn: ({ signal }) => listUsers(filters, signal), placeholderData: keepPreviousData });
}
