import { useSearchParams } from 'react-router';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriorityValue, type TicketStatusValue } from '@contracts/tickets';
import type { TicketFilters } from '@/features/tickets/api/list-tickets';

/** What still needs someone: the board's default. */
export const ACTIVE_STATUSES: TicketStatusValue[] = ['open', 'in_progress'];

/**
 * The board's filters live in the address (`?status=resolved&priority=urgent&assignee=me`): a reload or
 * a shared link shows the same board. No status means open and in progress; `status=all` everything.
 */
export function useTicketFilters(myId: number) {
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') ?? '';
  const status: TicketStatusValue[] | undefined =
    statusParam === 'all' ? undefined : (TICKET_STATUSES as readonly string[]).includes(statusParam) ? [statusParam as TicketStatusValue] : ACTIVE_STATUSES;
  const priorityParam = params.get('priority') ?? '';
  const priority = (TICKET_PRIORITIES as readonly string[]).includes(priorityParam) ? [priorityParam as TicketPriorityValue] : undefined;
  const assignee = params.get('assignee') ?? '';
  const assigneeId = assignee === 'me' ? myId : Number(assignee) > 0 ? Number(assignee) : undefined;
  const filters: TicketFilters = { status, priority, assigneeId, unassigned: assignee === 'none' ? true : undefined };

  const set = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return {
    filters,
    values: { status: statusParam || 'active', priority: priorityParam || 'any', assignee: assignee || 'any' },
    active: params.has('status') || params.has('priority') || params.has('assignee'),
    setStatus: (value: string) => set('status', value === 'active' ? undefined : value),
    setPriority: (value: string) => set('priority', value === 'any' ? undefined : value),
    setAssignee: (value: string) => set('assignee', value === 'any' ? undefined : value),
    clear: () => setParams({}, { replace: true }),
  };
}
