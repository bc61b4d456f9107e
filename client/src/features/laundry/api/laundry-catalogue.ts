import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateLaundryServiceBody, LaundryServiceDto } from '@contracts/laundry';
import type { CreateLaundryCategoryBody, LaundryCategoryDto, UpdateLaundryCategoryBody } from '@contracts/laundry-floor';
import { api } from '@/lib/api-client';
import { laundryKeys } from './keys';

/** GET /api/laundry-categories: the price list's headings; staff may include deactivated ones. */
export function useLaundryCategories(includeInactive = false) {
  return useQuery({
    queryKey: laundryKeys.categories(includeInactive),
    queryFn: () => api.listAll<LaundryCategoryDto>(`/api/laundry-categories${includeInactive ? '?includeInactive=true' : ''}`),
    staleTime: 5 * 60_000,
  });
}

/** POST /api/laundry-categories */
export function useCreateLaundryCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateLaundryCategoryBody>) => api.post<LaundryCategoryDto>('/api/laundry-categories', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: laundryKeys.allCategories() }),
  });
}

/** PATCH /api/laundry-categories/:id: rename, reorder or (de)activate, with the version read. */
export function useUpdateLaundryCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof UpdateLaundryCategoryBody> }) => api.patch<LaundryCategoryDto>(`/api/laundry-categories/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: laundryKeys.allCategories() }),
  });
}

/** POST /api/laundry-services: a new price-list entry (its code is made from the name). */
export function useCreateLaundryService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateLaundryServiceBody>) => api.post<LaundryServiceDto>('/api/laundry-services', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: laundryKeys.allServices() }),
  });
}
