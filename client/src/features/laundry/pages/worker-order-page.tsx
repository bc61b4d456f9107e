import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import '@/features/laundry/laundry-strings';
import { ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { ErrorState, PageLoader } from '@/components/states';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useWorkerOrder } from '@/features/laundry/api/get-laundry-order';
import { StatusBadge } from '@/features/laundry/components/status-badge';
import { StatusTimeline } from '@/features/laundry/components/status-timeline';
import { WorkerActions } from '@/features/laundry/components/worker-actions';
import { WorkLines } from '@/features/laundry/components/worker-lines';
import { OrderRack } from '@/features/laundry/racks/order-rack';
import '@/features/laundry/laundry.css';

/** One order for the team: what to do with it and the big button for the next step. No money. */
export default function WorkerOrderPage() {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const { id } = useParams();
  const query = useWorkerOrder(Number(id));
  const [done, setDone] = useState<string | null>(null);

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const order = query.data;

  return (
    <>
      <PageHeader
        eyebrow={
          <ButtonLink href="/worker/laundry" variant="ghost" size="sm" className="back-link">
            <Icon name="arrowRight" size={16} className="back-link__icon" />
            {t('worker.backToQueue')}
          </ButtonLink>
        }
        title={order.orderNumber}
        lead={order.client.name}
        actions={<StatusBadge status={order.status} size="lg" />}
      />
      <div className="stack">
        {done ? <Notice tone="success">{done}</Notice> : null}
        <OrderRack order={order} />
        <section className="card" aria-labelledby="work-title">
          <div className="card__header">
            <h2 id="work-title" className="card__title">
              {t('common.lines')}
            </h2>
          </div>
          <WorkLines lines={order.lines ?? []} />
        </section>
        <section className="card" aria-labelledby="work-details">
          <h2 id="work-details" className="visually-hidden">
            {t('detail.detailsTitle')}
          </h2>
          <dl className="facts">
            <div>
              <dt>{t('common.expectedReady')}</dt>
              <dd>{order.expectedReadyDate ? formatDate(order.expectedReadyDate, locale) : t('common.noDate')}</dd>
            </div>
            <div>
              <dt>{t('common.delivery')}</dt>
              <dd>
                {order.deliveryRequested
                  ? [t('common.delivery'), order.deliveryDate ? t('common.deliveryOn', { date: formatDate(order.deliveryDate, locale) }) : null].filter(Boolean).join(' ')
                  : t('common.collection')}
              </dd>
            </div>
            <div>
              <dt>{t('common.assignee')}</dt>
              <dd>{order.assignedWorker?.name ?? t('common.unassigned')}</dd>
            </div>
            {order.specialInstructions ? (
              <div className="facts__wide">
                <dt>{t('common.instructions')}</dt>
                <dd className="pre-line">{order.specialInstructions}</dd>
              </div>
            ) : null}
            {order.internalNotes ? (
              <div className="facts__wide">
                <dt>{t('common.internalNotes')}</dt>
                <dd className="pre-line">{order.internalNotes}</dd>
              </div>
            ) : null}
          </dl>
        </section>
        <div className="worker-actions-bar">
          <WorkerActions order={order} onDone={(status) => setDone(t('worker.done', { number: order.orderNumber, status: t(`status.${status}`) }))} />
        </div>
        <section className="card" aria-labelledby="work-history">
          <div className="card__header">
            <h2 id="work-history" className="card__title">
              {t('detail.timelineTitle')}
            </h2>
          </div>
          <StatusTimeline history={order.history ?? []} />
        </section>
      </div>
    </>
  );
}
