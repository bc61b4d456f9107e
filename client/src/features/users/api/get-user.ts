import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { usersKey, type User } from './list-users';

/** GET /api/users/:id: the account as it is now (after a version conflict, the fresh copy). */
export function getUser(id: number, signal?: AbortSignal) {
  return api.get<User>(`/api/users/${id}`, { signal });
}

export function useUser(id: number | null) {
  return useQuery({ queryKey: [...usersKey, 'one', id], queryFn: ({ signal }) => getUser(id!, signal), enabled: id !== null });
}
