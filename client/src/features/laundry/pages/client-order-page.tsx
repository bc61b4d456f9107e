import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FromRequestLink } from '@/features/requests/components/from-request-link';
import '@/features/laundry/laundry-strings';
import { Card } from '@/components/card';
import { Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useClientOrder } from '@/features/laundry/api/get-laundry-order';
import { useLaundryReadyNotices } from '@/features/laundry/api/list-notifications';
import { useMarkNotificationRead } from '@/features/laundry/api/mark-notification-read';
import { ClientIntakeCondition } from '@/features/laundry/components/intake-condition';
import { lineAmount } from '@/features/laundry/components/line-summary';
import { OrderFacts, OrderHistoryCard, OrderPageHeader } from '@/features/laundry/components/order-blocks';
import { PriceBreakdown } from '@/features/laundry/components/price-breakdown';
import { StatusProgress } from '@/features/laundry/components/status-progress';
import { serviceName } from '@/features/laundry/laundry-format';
import { ClientReceipt } from '@/features/payments/components/client-receipt';
import '@/features/laundry/laundry.css';
import { ThreadPanel } from '@/features/conversations/components/thread-panel';

/** One of the client's orders: where it is, what is in it and what it costs. Read-only. */
export default function ClientOrderPage() {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const { id } = useParams();
  const query = useClientOrder(Number(id));
  const notices = useLaundryReadyNotices();
  const markRead = useMarkNotificationRead();

  // Opening the order is reading its "ready" notification, however the client got here.
  const unread = notices.data?.find((n) => n.link === `/client/laundry/${id}`);
  useEffect(() => {
    if (unread && !markRead.isPending) markRead.mutate(unread.id);
  }, [unread?.id]);

  if (!query.isSuccess) return <QueryFallback query={query} />;
  const order = query.data;

  return (
    <>
      <OrderPageHeader order={order} backHref="/client/laundry" backLabel={t('client.backToList')} lead={t('client.takenOn', { date: formatDate(order.createdAt, locale) })} />
      <div className="stack">
        <FromRequestLink requestId={order.requestId} base="/client" />
        {order.status === 'ready' ? <Notice tone="success">{order.deliveryRequested ? t('client.readyDeliver') : t('client.readyCollect')}</Notice> : null}
        <section className="card stack gap-5">
          <StatusProgress status={order.status} deliveryRequested={order.deliveryRequested} />
          <OrderFacts order={order} className="facts facts--compact progress-facts" />
        </section>
        <Card id="my-lines" title={t('common.lines')}>
          <div className="stack gap-5 divided">
            <ul role="list" className="stack gap-3">
              {(order.lines ?? []).map((line) => (
                <li key={line.id} className="split">
                  <span className="stack gap-0-5">
                    <strong>
                      {lineAmount(line, t, locale)} {serviceName({ name: line.serviceName, nameEn: line.serviceNameEn }, locale)}
                    </strong>
                    {line.itemType || line.conditionNotes ? <span className="muted text-sm">{[line.itemType, line.conditionNotes].filter(Boolean).join(' · ')}</span> : null}
                  </span>
                  <span className="amount">{formatMoney(line.totalCents, locale)}</span>
                </li>
              ))}
            </ul>
            <PriceBreakdown breakdown={order} testId="client-price" />
          </div>
        </Card>
        <ThreadPanel subject="laundry_order" subjectId={order.id} />
        <ClientIntakeCondition orderId={order.id} />
        <ClientReceipt target={{ line: 'laundry', id: order.id }} />
        <OrderHistoryCard title={t('client.historyTitle')} history={order.history ?? []} />
      </div>
    </>
  );
}
