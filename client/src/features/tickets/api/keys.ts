import type { TicketDto } from '@contracts/tickets';

/** Every ticket query key starts here, so one invalidation refreshes the board, lists and details. */
export const ticketsKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketsKeys.all, 'list'] as const,
  list: (filters: object) => [...ticketsKeys.lists(), filters] as const,
  detail: (id: number) => [...ticketsKeys.all, 'detail', id] as const,
};

export type Ticket = TicketDto;
