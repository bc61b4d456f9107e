import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptRequestInput, ProposeRequestInput } from '@contracts/requests';
import { api } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { newId } from '@/lib/ids';
import { requestsKeys, type ClientRequest } from './keys';

/** POST /api/requests/:id/propose (staff): another day and window for the client to accept or decline. */
export const proposeRequest = ({ id, input }: { id: number; input: ProposeRequestInput }) => api.post<ClientRequest>(`/api/requests/${id}/propose`, input);
/** POST /api/requests/:id/decline (staff), with the reason the client reads. */
export const declineRequest = ({ id, version, reason }: { id: number; version: number; reason: string }) => api.post<ClientRequest>(`/api/requests/${id}/decline`, { version, reason });
/** POST /api/requests/:id/accept-proposal (client). */
export const acceptProposal = ({ id, version }: { id: number; version: number }) => api.post<ClientRequest>(`/api/requests/${id}/accept-proposal`, { version });
/** POST /api/requests/:id/decline-proposal (client). */
export const declineProposal = ({ id, version }: { id: number; version: number }) => api.post<ClientRequest>(`/api/requests/${id}/decline-proposal`, { version });
/** POST /api/requests/:id/cancel (client), until it is accepted. */
export const cancelRequest = ({ id, version, reason }: { id: number; version: number; reason?: string }) =>
  api.post<ClientRequest>(`/api/requests/${id}/cancel`, { version, ...(reason ? { reason } : {}) });
/**
 * POST /api/requests/:id/accept (staff) with the order or job form, under one Idempotency-Key per
 * confirmation: a double click or a retry makes one order; a second member of staff gets 409 with its id.
 */
export const acceptRequest = ({ id, input, idempotencyKey }: { id: number; input: AcceptRequestInput; idempotencyKey?: string }) =>
  api.create<ClientRequest>(`/api/requests/${id}/accept`, input, { idempotencyKey: idempotencyKey ?? newId() });

/** Every change answers with the request as it is now; a stale version reloads it. */
function useRequestMutation<V extends { id: number }>(fn: (variables: V) => Promise<ClientRequest>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (request) => {
      queryClient.setQueryData(requestsKeys.detail(request.id), request);
      void queryClient.invalidateQueries({ queryKey: requestsKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: requestsKeys.counts() });
    },
    onError: (error, variables) => {
      if (isApiError(error, 'STALE_VERSION') || isApiError(error, 'INVALID_TRANSITION')) void queryClient.invalidateQueries({ queryKey: requestsKeys.detail(variables.id) });
    },
  });
}

export const useProposeRequest = () => useRequestMutation(proposeRequest);
export const useDeclineRequest = () => useRequestMutation(declineRequest);
export const useAcceptProposal = () => useRequestMutation(acceptProposal);
export const useDeclineProposal = () => useRequestMutation(declineProposal);
export const useCancelRequest = () => useRequestMutation(cancelRequest);
export const useAcceptRequest = () => useRequestMutation(acceptRequest);
