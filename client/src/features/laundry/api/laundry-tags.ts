import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ItemStageValue, TagLookupDto } from '@contracts/laundry-floor';
import { api } from '@/lib/api-client';
import { laundryKeys } from './keys';

/** GET /api/laundry-tags/:code: the scanned label's item and enough of its order to act on it. Unknown → 404. */
export function lookupTag(code: string): Promise<TagLookupDto> {
  return api.get<TagLookupDto>(`/api/laundry-tags/${encodeURIComponent(code)}`);
}

/**
 * POST /api/laundry-items/:id/stage: one step forward. Of two scans at once the server moves the item
 * once and answers the other with 409 INVALID_TRANSITION, so a double tap never skips a stage.
 */
export function useAdvanceItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, stage }: { itemId: number; stage: ItemStageValue }) => api.post<TagLookupDto>(`/api/laundry-items/${itemId}/stage`, { stage }),
    onSuccess: (lookup) => {
      void queryClient.invalidateQueries({ queryKey: laundryKeys.detail(lookup.order.id) });
      void queryClient.invalidateQueries({ queryKey: [...laundryKeys.orders(), 'list'] });
    },
  });
}
