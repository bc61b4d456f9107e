import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddConditionInput, OrderConditionDto, UploadConditionPhotosResultDto } from '@contracts/laundry-condition';
import { api } from '@/lib/api-client';
import { newId } from '@/lib/ids';
import { sendPhotoForm } from '@/features/photos/api/upload-photo';
import { preparePhoto } from '@/features/photos/queue/downsize-image';
import { laundryKeys } from './keys';

/** GET /api/laundry-orders/:id/condition: what was noted about the order's items at intake. */
export function useOrderCondition(orderId: number) {
  return useQuery({
    queryKey: laundryKeys.condition(orderId),
    queryFn: () => api.get<OrderConditionDto>(`/api/laundry-orders/${orderId}/condition`),
    enabled: Number.isInteger(orderId) && orderId > 0,
  });
}

/** POST /api/laundry-items/:id/condition: a note of a kind (stain, tear…) on one item. */
export function useAddCondition(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: number; body: AddConditionInput }) => api.post<OrderConditionDto>(`/api/laundry-items/${itemId}/condition`, body),
    onSuccess: (condition) => queryClient.setQueryData(laundryKeys.condition(orderId), condition),
  });
}

/**
 * POST /api/laundry-items/:id/condition-photos with one photo: made smaller and upright on the device
 * first (as every photo the app sends), under an upload key so a retried send makes no second photo.
 */
export async function uploadConditionPhoto(itemId: number, file: File): Promise<UploadConditionPhotosResultDto> {
  const prepared = await preparePhoto(file);
  const form = new FormData();
  form.append('uploadKey', newId());
  form.append('photos', prepared.blob, prepared.fileName);
  return sendPhotoForm<UploadConditionPhotosResultDto>(`/api/laundry-items/${itemId}/condition-photos`, form);
}

export function useUploadConditionPhoto(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, file }: { itemId: number; file: File }) => uploadConditionPhoto(itemId, file),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: laundryKeys.condition(orderId) }),
  });
}

/** DELETE /api/laundry-conditions/:id or /api/laundry-condition-photos/:id: staff take back a mistake. */
export function useRemoveCondition(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ what, id }: { what: 'note' | 'photo'; id: number }) =>
      api.delete<OrderConditionDto>(what === 'note' ? `/api/laundry-conditions/${id}` : `/api/laundry-condition-photos/${id}`),
    onSuccess: (condition) => queryClient.setQueryData(laundryKeys.condition(orderId), condition),
  });
}

/** POST /api/laundry-orders/:id/condition/acknowledge: the client has seen what was noted. */
export function useAcknowledgeCondition(orderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OrderConditionDto>(`/api/laundry-orders/${orderId}/condition/acknowledge`),
    onSuccess: (condition) => queryClient.setQueryData(laundryKeys.condition(orderId), condition),
  });
}
