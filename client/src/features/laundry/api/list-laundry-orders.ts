import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { DocumentPaymentStatusValue } from '@contracts/accounts';
import type { LaundryOrderClientDto, LaundryOrderDto, LaundryOrderWorkerDto, LaundryStatusValue } from '@contracts/laundry';
import { api, queryString, type ListPage } from '@/lib/api-client';
import { laundryKeys } from './keys';

export interface LaundryOrderFilters {
  status?: LaundryStatusValue[];
  /** The money state of each order (staff and clients only). */
  paymentStatus?: DocumentPaymentStatusValue[];
  clientId?: number;
  assignedWorkerId?: number;
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
  limit?: number;
}

/** GET /api/laundry-orders: one page (the server shapes each order for the caller's role). */
export function listLaundryOrders<T>(filters: LaundryOrderFilters, cursor?: string): Promise<ListPage<T>> {
  const { status, paymentStatus, ...rest } = filters;
  return api.list<T>(
    `/api/laundry-orders${queryString({ ...rest, status: status?.length ? status.join(',') : undefined, paymentStatus: paymentStatus?.length ? paymentStatus.join(',') : undefined, cursor })}`,
  );
}

/** The list with keyset paging: "show more" fetches the page after `_meta.nextCursor`. */
function useOrderPages<T>(filters: LaundryOrderFilters, options: { refetchInterval?: number } = {}) {
  return useInfiniteQuery({
    queryKey: laundryKeys.list(filters),
    queryFn: ({ pageParam }) => listLaundryOrders<T>(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
}

export const useStaffOrders = (filters: LaundryOrderFilters) => useOrderPages<LaundryOrderDto>(filters);
/** The team's queue refreshes on its own: several people work the same shelf. */
export const useWorkerOrders = (filters: LaundryOrderFilters) => useOrderPages<LaundryOrderWorkerDto>(filters, { refetchInterval: 60_000 });
export const useClientOrders = (filters: LaundryOrderFilters) => useOrderPages<LaundryOrderClientDto>(filters);
