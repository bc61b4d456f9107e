import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { LaundryOrderClientDto, LaundryOrderDto, LaundryOrderWorkerDto } from '@contracts/laundry';
import { api } from '@/lib/api-client';
import { laundryKeys } from './keys';

export type AnyLaundryOrder = LaundryOrderDto | LaundryOrderWorkerDto | LaundryOrderClientDto;

/** GET /api/laundry-orders/:id: the order with its lines and history, shaped for the caller's role. */
export function getLaundryOrder<T extends AnyLaundryOrder>(id: number): Promise<T> {
  return api.get<T>(`/api/laundry-orders/${id}`);
}

function useOrder<T extends AnyLaundryOrder>(id: number) {
  return useQuery({ queryKey: laundryKeys.detail(id), queryFn: () => getLaundryOrder<T>(id), enabled: Number.isInteger(id) && id > 0 });
}

export const useStaffOrder = (id: number) => useOrder<LaundryOrderDto>(id);
export const useWorkerOrder = (id: number) => useOrder<LaundryOrderWorkerDto>(id);
export const useClientOrder = (id: number) => useOrder<LaundryOrderClientDto>(id);

/** Every answer of a change is the fresh order: store it and let the lists refetch. */
export function storeOrder(queryClient: QueryClient, order: AnyLaundryOrder): void {
  queryClient.setQueryData(laundryKeys.detail(order.id), order);
  void queryClient.invalidateQueries({ queryKey: [...laundryKeys.orders(), 'list'] });
}
