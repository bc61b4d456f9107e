import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePropertyInput, UpdatePropertyInput } from '@contracts/properties';
import { api } from '@/lib/api-client';
import { propertiesKey, type Property } from './list-properties';

/** POST /api/clients/:id/properties (the first property becomes primary). */
export function createProperty({ clientId, input }: { clientId: number; input: CreatePropertyInput }) {
  return api.create<Property>(`/api/clients/${clientId}/properties`, input);
}

/** PATCH /api/properties/:id with the version that was read. */
export function updateProperty({ id, input }: { id: number; input: UpdatePropertyInput }) {
  return api.patch<Property>(`/api/properties/${id}`, input);
}

export function useCreateProperty(clientId: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createProperty, onSuccess: () => queryClient.invalidateQueries({ queryKey: propertiesKey(clientId) }) });
}

export function useUpdateProperty(clientId: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateProperty, onSuccess: () => queryClient.invalidateQueries({ queryKey: propertiesKey(clientId) }) });
}
