import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/tickets/tickets-strings';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState, PageLoader } from '@/components/states';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useTickets } from '@/features/tickets/api/list-tickets';
import { TicketFiltersBar } from '@/features/tickets/components/ticket-filters';
import { TicketFormDialog } from '@/features/tickets/components/ticket-form-dialog';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { ticketPaths } from '@/features/tickets/paths';
import { useTicketFilters } from '@/features/tickets/use-ticket-filters';
import { CREATED_STATE } from '@/features/tickets/use-created-notice';
import '@/components/kit.css';
import '@/features/tickets/tickets.css';

/** The office's board: tickets by status, most urgent and then oldest first, filtered in the address. */
export default function StaffTicketsPage() {
  const { t } = useTranslation('tickets');
  const principal = usePrincipal();
  const navigate = useNavigate();
  const paths = ticketPaths(principal.role);
  const state = useTicketFilters(principal.id);
  const list = useTickets(state.filters);
  const [creating, setCreating] = useState(false);
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('staffLead')}
        actions={
          <Button variant="primary" onPress={() => setCreating(true)}>
            <Icon name="plus" size={18} />
            {t('newTicket')}
          </Button>
        }
      />
      <TicketFiltersBar state={state} myId={principal.id} />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : tickets.length === 0 ? (
        state.active ? (
          <EmptyState icon="ticket" title={t('list.noMatchTitle')}>
            {t('list.noMatchText')}
          </EmptyState>
        ) : (
          <EmptyState icon="ticket" title={t('list.emptyTitle')}>
            {t('list.emptyText')}
          </EmptyState>
        )
      ) : (
        <div className="stack">
          <TicketList tickets={tickets} hrefOf={paths.detail} />
          {list.hasNextPage ? (
            <div className="ticket-more">
              <Button onPress={() => void list.fetchNextPage()} isPending={list.isFetchingNextPage}>
                {t('list.showMore')}
              </Button>
            </div>
          ) : null}
        </div>
      )}
      {creating ? (
        <TicketFormDialog
          onClose={() => setCreating(false)}
          onCreated={(ticket) => {
            setCreating(false);
            void navigate(paths.detail(ticket.id), { state: CREATED_STATE });
          }}
        />
      ) : null}
    </>
  );
}
