import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { LoadMore } from '@/components/pager';
import { QueryFallback } from '@/components/states';
import { usePrincipal } from '@/features/auth/api/get-session';
import type { useTickets } from '@/features/tickets/api/list-tickets';
import { TicketFormDialog } from '@/features/tickets/components/ticket-form-dialog';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { ticketPaths } from '@/features/tickets/paths';
import { CREATED_STATE } from '@/features/tickets/use-created-notice';
import '@/features/tickets/tickets-strings';

/** A list page's tickets: loading, the failure, `empty` when there are none, else the list and the way to the next page. */
export function TicketsResult({ list, empty }: { list: ReturnType<typeof useTickets>; empty: ReactNode }) {
  const principal = usePrincipal();
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (!list.isSuccess) return <QueryFallback query={list} />;
  if (tickets.length === 0) return <>{empty}</>;
  return (
    <div className="stack">
      <TicketList tickets={tickets} hrefOf={ticketPaths(principal.role).detail} />
      <LoadMore query={list} />
    </div>
  );
}

/** A list page's way to a new ticket: `open` shows the form; once created, the ticket's page says so. */
export function useNewTicket(): { open: () => void; dialog: ReactNode } {
  const principal = usePrincipal();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const dialog = creating ? (
    <TicketFormDialog
      onClose={() => setCreating(false)}
      onCreated={(ticket) => {
        setCreating(false);
        void navigate(ticketPaths(principal.role).detail(ticket.id), { state: CREATED_STATE });
      }}
    />
  ) : null;
  return { open: () => setCreating(true), dialog };
}
