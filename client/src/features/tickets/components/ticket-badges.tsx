import { useTranslation } from 'react-i18next';
import type { TicketPriorityValue, TicketStatusValue } from '@contracts/tickets';
import '@/components/kit.css';
import '@/features/tickets/tickets-strings';

const STATUS_TONE: Record<TicketStatusValue, string> = {
  open: ' badge--info',
  in_progress: ' badge--warning',
  resolved: ' badge--success',
  closed: '',
};

export function TicketStatusBadge({ status }: { status: TicketStatusValue }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={`badge${STATUS_TONE[status]}`}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

// Low and medium are outlined only; high and urgent take the warning and danger tones.
const PRIORITY_TONE: Record<TicketPriorityValue, string> = {
  low: 'badge--outline',
  medium: 'badge--outline',
  high: 'badge--warning',
  urgent: 'badge--danger',
};

/** The priority in words (never colour alone), with a stronger look as it grows. */
export function PriorityBadge({ priority }: { priority: TicketPriorityValue }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={`badge ${PRIORITY_TONE[priority]}`}>
      <span className="visually-hidden">{t('priorityPrefix')} </span>
      {t(`priority.${priority}`)}
    </span>
  );
}
