import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaundryStatusValue } from '@contracts/laundry';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { StatusBadge } from './status-badge';
import { StatusTimeline, type TimelineEntry } from './status-timeline';
import '@/features/laundry/laundry-strings';
import { BackLink } from '@/components/back-link';

/** An order page's header for every role: the way back, the order number, a lead and the status. */
export function OrderPageHeader({ order, backHref, backLabel, lead }: { order: { orderNumber: string; status: LaundryStatusValue }; backHref: string; backLabel: string; lead: ReactNode }) {
  return (
    <PageHeader
      eyebrow={
        <BackLink to={backHref}>{backLabel}</BackLink>
      }
      title={order.orderNumber}
      dataTitle
      lead={lead}
      actions={<StatusBadge status={order.status} size="lg" />}
    />
  );
}

/** What each role's view of an order may carry for its facts: a field a role does not see is absent. */
export interface OrderFactsSource {
  expectedReadyDate: string | null;
  deliveryRequested: boolean;
  deliveryDate: string | null;
  specialInstructions: string | null;
  deliveryAddress?: string | null;
  assignedWorker?: { name: string } | null;
  internalNotes?: string | null;
  cancelReason?: string | null;
}

function WideFact({ label, text }: { label: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <div className="facts__wide">
      <dt>{label}</dt>
      <dd className="facts__text" translate="no">
        {text}
      </dd>
    </div>
  );
}

/**
 * An order's facts as its role sees them: when it is due, collection or delivery (with the address for
 * those who see it), who has it, the instructions and, where the role sees them, notes and the cancel
 * reason. `children` come first (the client and the order type for staff).
 */
export function OrderFacts({ order, className = 'facts', children }: { order: OrderFactsSource; className?: string; children?: ReactNode }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const where = 'deliveryAddress' in order ? t('common.deliveryTo', { address: order.deliveryAddress ?? '—' }) : t('common.delivery');
  return (
    <dl className={className}>
      {children}
      <div>
        <dt>{t('common.expectedReady')}</dt>
        <dd>{order.expectedReadyDate ? formatDate(order.expectedReadyDate, locale) : t('common.noDate')}</dd>
      </div>
      <div>
        <dt>{t('common.delivery')}</dt>
        <dd>
          {order.deliveryRequested
            ? [where, order.deliveryDate ? t('common.deliveryOn', { date: formatDate(order.deliveryDate, locale) }) : null].filter(Boolean).join(' ')
            : t('common.collection')}
        </dd>
      </div>
      {'assignedWorker' in order ? (
        <div>
          <dt>{t('common.assignee')}</dt>
          <dd translate={order.assignedWorker ? 'no' : undefined}>{order.assignedWorker?.name ?? t('common.unassigned')}</dd>
        </div>
      ) : null}
      <WideFact label={t('common.instructions')} text={order.specialInstructions} />
      <WideFact label={t('common.internalNotes')} text={order.internalNotes} />
      <WideFact label={t('detail.cancelReasonLabel')} text={order.cancelReason} />
    </dl>
  );
}

/** Every status change of an order in a card, newest first. */
export function OrderHistoryCard({ title, history }: { title: string; history: TimelineEntry[] }) {
  return (
    <Card id="order-history" title={title}>
      <StatusTimeline history={history} />
    </Card>
  );
}
