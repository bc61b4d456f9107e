import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTicketInput } from '@contracts/tickets';
import { api } from '@/lib/api-client';
import { ticketsKeys, type Ticket } from './keys';

/** POST /api/tickets, with one Idempotency-Key per press: a retry on a weak signal never files it twice. */
export function createTicket(input: CreateTicketInput) {
  return api.create<Ticket>('/api/tickets', input);
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketsKeys.detail(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: ticketsKeys.lists() });
    },
  });
}
