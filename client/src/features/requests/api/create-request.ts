import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRequestInput } from '@contracts/requests';
import { api } from '@/lib/api-client';
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
