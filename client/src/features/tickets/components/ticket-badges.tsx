import { useTranslation } from 'react-i18next';
import type { TicketPriorityValue, TicketStatusValue } from '@contracts/tickets';
import '@/features/tickets/tickets-strings';

export function TicketStatusBadge({ status }: { status: TicketStatusValue }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={`badge ticket-status ticket-status--${status}`}>
      <span className="ticket-status__dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

/** The priority in words (never colour alone), with a stronger look as it grows. */
export function PriorityBadge({ priority }: { priority: TicketPriorityValue }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={`badge ticket-priority ticket-priority--${priority}`}>
      <span className="visually-hidden">{t('priorityPrefix')} </span>
      {t(`priority.${priority}`)}
    </span>
  );
}
