import { useTranslation } from 'react-i18next';
import '@/features/tickets/tickets-strings';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useTickets } from '@/features/tickets/api/list-tickets';
import { TicketFiltersBar } from '@/features/tickets/components/ticket-filters';
import { TicketsResult, useNewTicket } from '@/features/tickets/components/ticket-board';
import { useTicketFilters } from '@/features/tickets/use-ticket-filters';
import '@/components/kit.css';
import '@/features/tickets/tickets.css';

/** The office's board: tickets by status, most urgent and then oldest first, filtered in the address. */
export default function StaffTicketsPage() {
  const { t } = useTranslation('tickets');
  const principal = usePrincipal();
  const state = useTicketFilters(principal.id);
  const list = useTickets(state.filters);
  const newTicket = useNewTicket();

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('staffLead')}
        actions={
          <Button variant="primary" onPress={newTicket.open}>
            <Icon name="plus" size={18} />
            {t('newTicket')}
          </Button>
        }
      />
      <TicketFiltersBar state={state} myId={principal.id} />
      <TicketsResult
        list={list}
        empty={
          state.active ? (
            <EmptyState icon="ticket" title={t('list.noMatchTitle')}>
              {t('list.noMatchText')}
            </EmptyState>
          ) : (
            <EmptyState icon="ticket" title={t('list.emptyTitle')}>
              {t('list.emptyText')}
            </EmptyState>
          )
        }
      />
      {newTicket.dialog}
    </>
  );
}
