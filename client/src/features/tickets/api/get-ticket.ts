import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ticketsKeys, type Ticket } from './keys';

/** GET /api/tickets/:id: the ticket with its comments (404 for a worker when it is not theirs). */
export function getTicket(id: number, signal?: AbortSignal) {
  return api.get<Ticket>(`/api/tickets/${id}`, { signal });
}

export function useTicket(id: number) {
  return useQuery({ queryKey: ticketsKeys.detail(id), queryFn: ({ signal }) => getTicket(id, signal), enabled: Number.isInteger(id) && id > 0 });
}
