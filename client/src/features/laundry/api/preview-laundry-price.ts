import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PricePreviewInput } from '@contracts/laundry';
import type { PricePreview } from '@contracts/laundry';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { laundryKeys } from './keys';

export type PricePreviewDto = z.infer<typeof PricePreview>;

/** POST /api/laundry-orders/price-preview: the exact price of an order that is not saved yet. */
export function previewLaundryPrice(body: PricePreviewInput, signal?: AbortSignal): Promise<PricePreviewDto> {
  return api.post<PricePreviewDto>('/api/laundry-orders/price-preview', body, { signal });
}

/** The live total of the intake form; `body` is null while nothing can be priced yet. */
export function usePricePreview(body: PricePreviewInput | null) {
  return useQuery({
    queryKey: laundryKeys.preview(body ?? {}),
    queryFn: ({ signal }) => previewLaundryPrice(body!, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}
