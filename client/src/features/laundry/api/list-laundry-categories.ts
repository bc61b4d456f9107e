import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LaundryCategory } from '@contracts/laundry-floor';
import { api } from '@/lib/api-client';

export type LaundryCategoryDto = z.infer<typeof LaundryCategory>;

/** GET /api/laundry-categories: the price list's categories in their order (active ones). */
export function useLaundryCategories() {
  return useQuery({
    queryKey: ['laundry', 'categories'] as const,
    queryFn: () => api.listAll<LaundryCategoryDto>('/api/laundry-categories'),
    staleTime: 5 * 60_000,
  });
}
