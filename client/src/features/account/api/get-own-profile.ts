import { useQuery } from '@tanstack/react-query';
import type { OwnClientProfileDto } from '@contracts/clients';
import { api } from '@/lib/api-client';

export type OwnProfile = OwnClientProfileDto;
export const ownProfileKey = ['clients', 'me'] as const;

/** GET /api/clients/me: the signed-in client's own record (not the staff's notes). */
export function getOwnProfile(signal?: AbortSignal) {
  return api.get<OwnProfile>('/api/clients/me', { signal });
}

export function useOwnProfile() {
  return useQuery({ queryKey: ownProfileKey, queryFn: ({ signal }) => getOwnProfile(signal) });
}
