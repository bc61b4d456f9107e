import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateTicketInput } from '@contracts/tickets';
import { api } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { ticketsKeys, type Ticket } from './keys';

/** PATCH /api/tickets/:id (staff): priority, assignee, or open ↔ in progress, under the version read. */
export function updateTicket({ id, input }: { id: number; input: UpdateTicketInput }) {
  return api.patch<Ticket>(`/api/tickets/${id}`, input);
}

/** POST /api/tickets/:id/resolve (staff): what was done; the server records who and when. */
export function resolveTicket({ id, version, resolution }: { id: number; version: number; resolution: string }) {
  return api.post<Ticket>(`/api/tickets/${id}/resolve`, { version, resolution });
}

/** POST /api/tickets/:id/close (staff), with an optional note. */
export function closeTicket({ id, version, note }: { id: number; version: number; note?: string }) {
  return api.post<Ticket>(`/api/tickets/${id}/close`, { version, ...(note ? { note } : {}) });
}

/** POST /api/tickets/:id/reopen (staff), the reason kept as a comment. */
export function reopenTicket({ id, version, reason }: { id: number; version: number; reason: string }) {
  return api.post<Ticket>(`/api/tickets/${id}/reopen`, { version, reason });
}

/**
 * Every change answers with the ticket as it is now. A stale version means someone else changed it:
 * the detail is reloaded so the next try starts from what is current.
 */
function useTicketMutation<V extends { id: number }>(fn: (variables: V) => Promise<Ticket>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketsKeys.detail(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: ticketsKeys.lists() });
    },
    onError: (error, variables) => {
      if (isApiError(error, 'STALE_VERSION')) void queryClient.invalidateQueries({ queryKey: ticketsKeys.detail(variables.id) });
    },
  });
}

export const useUpdateTicket = () => useTicketMutation(updateTicket);
export const useResolveTicket = () => useTicketMutation(resolveTicket);
export const useCloseTicket = () => useTicketMutation(closeTicket);
export const useReopenTicket = () => useTicketMutation(reopenTicket);
