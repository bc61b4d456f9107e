import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { TicketPriorityValue, TicketStatusValue } from '@contracts/tickets';
import { api, queryString, type ListPage } from '@/lib/api-client';
import { ticketsKeys, type Ticket } from './keys';

export interface TicketFilters {
  status?: TicketStatusValue[];
  priority?: TicketPriorityValue[];
  assigneeId?: number;
  unassigned?: boolean;
}

const PAGE_SIZE = 50;

/**
 * GET /api/tickets: most urgent first, oldest first within a priority (the server's default order).
 * A worker gets only those they reported or are assigned to.
 */
export function listTickets(filters: TicketFilters, cursor?: string, signal?: AbortSignal): Promise<ListPage<Ticket>> {
  const { status, priority, ...rest } = filters;
  return api.list<Ticket>(`/api/tickets${queryString({ ...rest, status: status?.join(','), priority: priority?.join(','), limit: PAGE_SIZE, cursor })}`, { signal });
}

export function useTickets(filters: TicketFilters) {
  return useInfiniteQuery({
    queryKey: ticketsKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listTickets(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
