import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LaundryServiceDto } from '@contracts/laundry';
import type { UpdateLaundryServiceBody } from '@contracts/laundry';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { laundryKeys } from './keys';

export type UpdateLaundryServiceInput = z.input<typeof UpdateLaundryServiceBody>;

/** PATCH /api/laundry-services/:id: price, minimum, description or active, with the version read. */
export function updateLaundryService(id: number, body: UpdateLaundryServiceInput): Promise<LaundryServiceDto> {
  return api.patch<LaundryServiceDto>(`/api/laundry-services/${id}`, body);
}

export function useUpdateLaundryService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateLaundryServiceInput }) => updateLaundryService(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: laundryKeys.allServices() }),
  });
}
