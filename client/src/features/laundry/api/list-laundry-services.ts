import { useQuery } from '@tanstack/react-query';
import type { LaundryServiceDto } from '@contracts/laundry';
import { api } from '@/lib/api-client';
import { laundryKeys } from './keys';

/** GET /api/laundry-services: the catalogue with prices (staff and clients); staff may include inactive ones. */
export function listLaundryServices(includeInactive = false): Promise<LaundryServiceDto[]> {
  return api.listAll<LaundryServiceDto>(`/api/laundry-services${includeInactive ? '?includeInactive=true' : ''}`);
}

export function useLaundryServices(includeInactive = false) {
  return useQuery({ queryKey: laundryKeys.services(includeInactive), queryFn: () => listLaundryServices(includeInactive), staleTime: 5 * 60_000 });
}
