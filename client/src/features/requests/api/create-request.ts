import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRequestInput } from '@contracts/requests';
import { api } from '@/lib/api-client';
import { sendAttachedPhotos } from '@/features/photos/api/attached-photos';
import { requestsKeys, type ClientRequest } from './keys';

/** POST /api/requests with an Idempotency-Key: a double tap or a retry on a weak signal asks once. */
export function createRequest(body: CreateRequestInput, idempotencyKey: string) {
  return api.create<ClientRequest>('/api/requests', body, { idempotencyKey });
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateRequestInput; idempotencyKey: string }) => createRequest(body, idempotencyKey),
    onSuccess: (request) => {
      queryClient.setQueryData(requestsKeys.detail(request.id), request);
      void queryClient.invalidateQueries({ queryKey: requestsKeys.lists() });
    },
  });
}

/** POST /api/requests/:id/photos: the client's photos of what the request is about (through the photo pipeline). */
export function useAddRequestPhotos(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: File[]) => sendAttachedPhotos<ClientRequest>(`/api/requests/${id}/photos`, files),
    onSuccess: (request) => queryClient.setQueryData(requestsKeys.detail(request.id), request),
  });
}
