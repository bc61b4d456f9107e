import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FromRequestLink } from '@/features/requests/components/from-request-link';
import '@/features/laundry/laundry-strings';
import { ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { ErrorState, PageLoader } from '@/components/states';
import { formatDate, formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useClientOrder } from '@/features/laundry/api/get-laundry-order';
import { useLaundryReadyNotices } from '@/features/laundry/api/list-notifications';
import { useMarkNotificationRead } from '@/features/laundry/api/mark-notification-read';
import { ClientIntakeCondition } from '@/features/laundry/components/intake-condition';
import { lineAmount } from '@/features/laundry/components/line-summary';
import { PriceBreakdown } from '@/features/laundry/components/price-breakdown';
import { StatusBadge } from '@/features/laundry/components/status-badge';
import { StatusProgress } from '@/features/laundry/components/status-progress';
import { StatusTimeline } from '@/features/laundry/components/status-timeline';
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

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const order = query.data;

  return (
    <>
      <PageHeader
        eyebrow={
          <ButtonLink href="/client/laundry" variant="ghost" size="sm" className="back-link">
            <Icon name="arrowRight" size={16} className="back-link__icon" />
            {t('client.backToList')}
          </ButtonLink>
        }
        title={order.orderNumber}
        lead={t('client.takenOn', { date: formatDate(order.createdAt, locale) })}
        actions={<StatusBadge status={order.status} size="lg" />}
      />
      <div className="stack">
        <FromRequestLink requestId={order.requestId} base="/client" />
        {order.status === 'ready' ? <Notice tone="success">{order.deliveryRequested ? t('client.readyDeliver') : t('client.readyCollect')}</Notice> : null}
        <section className="card">
          <StatusProgress status={order.status} deliveryRequested={order.deliveryRequested} />
          <dl className="facts facts--compact progress-facts">
            <div>
              <dt>{t('common.expectedReady')}</dt>
              <dd>{order.expectedReadyDate ? formatDate(order.expectedReadyDate, locale) : t('common.noDate')}</dd>
            </div>
            <div>
              <dt>{t('common.delivery')}</dt>
              <dd>
                {order.deliveryRequested
                  ? [t('common.deliveryTo', { address: order.deliveryAddress ?? '—' }), order.deliveryDate ? t('common.deliveryOn', { date: formatDate(order.deliveryDate, locale) }) : null]
                      .filter(Boolean)
                      .join(' ')
                  : t('common.collection')}
              </dd>
            </div>
            {order.specialInstructions ? (
              <div className="facts__wide">
                <dt>{t('common.instructions')}</dt>
                <dd className="pre-line">{order.specialInstructions}</dd>
              </div>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="my-lines">
          <div className="card__header">
            <h2 id="my-lines" className="card__title">
              {t('common.lines')}
            </h2>
          </div>
          <ul role="list" className="my-lines">
            {(order.lines ?? []).map((line) => (
              <li key={line.id} className="my-lines__item">
                <span className="my-lines__text">
                  <span className="my-lines__service">
                    {lineAmount(line, t, locale)} {serviceName({ name: line.serviceName, nameEn: line.serviceNameEn }, locale)}
                  </span>
                  {line.itemType || line.conditionNotes ? <span className="my-lines__notes">{[line.itemType, line.conditionNotes].filter(Boolean).join(' · ')}</span> : null}
                </span>
                <span className="my-lines__price">{formatMoney(line.totalCents, locale)}</span>
              </li>
            ))}
          </ul>
          <PriceBreakdown breakdown={order} testId="client-price" />
        </section>
        <ThreadPanel subject="laundry_order" subjectId={order.id} />
        <ClientIntakeCondition orderId={order.id} />
        <ClientReceipt target={{ line: 'laundry', id: order.id }} />
        <section className="card" aria-labelledby="my-history">
          <div className="card__header">
            <h2 id="my-history" className="card__title">
              {t('client.historyTitle')}
            </h2>
          </div>
          <StatusTimeline history={order.history ?? []} />
        </section>
      </div>
    </>
  );
}
