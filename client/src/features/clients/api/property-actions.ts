import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { propertiesKey } from './list-properties';

export type PropertyAction = 'make-primary' | 'deactivate' | 'reactivate' | 'delete';

/**
 * POST /api/properties/:id/make-primary | deactivate | reactivate, and DELETE /api/properties/:id
 * (refused with PROPERTY_HAS_JOBS when cleaning jobs point at it: deactivate instead).
 */
export function runPropertyAction({ id, action }: { id: number; action: PropertyAction }) {
  return action === 'delete' ? api.delete<void>(`/api/properties/${id}`) : api.post<unknown>(`/api/properties/${id}/${action}`);
}

export function usePropertyAction(clientId: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: runPropertyAction, onSuccess: () => queryClient.invalidateQueries({ queryKey: propertiesKey(clientId) }) });
}
