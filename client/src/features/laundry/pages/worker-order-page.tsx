import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import '@/features/laundry/laundry-strings';
import { Card } from '@/components/card';
import { Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { useWorkerOrder } from '@/features/laundry/api/get-laundry-order';
import { OrderFacts, OrderHistoryCard, OrderPageHeader } from '@/features/laundry/components/order-blocks';
import { WorkerActions } from '@/features/laundry/components/worker-actions';
import { WorkLines } from '@/features/laundry/components/worker-lines';
import { OrderRack } from '@/features/laundry/racks/order-rack';
import '@/features/laundry/laundry.css';

/** One order for the team: what to do with it and the big button for the next step. No money. */
export default function WorkerOrderPage() {
  const { t } = useTranslation('laundry');
  const { id } = useParams();
  const query = useWorkerOrder(Number(id));
  const [done, setDone] = useState<string | null>(null);

  if (!query.isSuccess) return <QueryFallback query={query} />;
  const order = query.data;

  return (
    <>
      <OrderPageHeader order={order} backHref="/worker/laundry" backLabel={t('worker.backToQueue')} lead={<span translate="no">{order.client.name}</span>} />
      <div className="stack">
        {done ? <Notice tone="success">{done}</Notice> : null}
        <OrderRack order={order} />
        <Card id="work-title" title={t('common.lines')}>
          <WorkLines lines={order.lines ?? []} />
        </Card>
        <Card id="work-details" title={t('detail.detailsTitle')} titleHidden>
          <OrderFacts order={order} />
        </Card>
        <div className="worker-actions-bar">
          <WorkerActions order={order} onDone={(status) => setDone(t('worker.done', { number: order.orderNumber, status: t(`status.${status}`) }))} />
        </div>
        <OrderHistoryCard title={t('detail.timelineTitle')} history={order.history ?? []} />
      </div>
    </>
  );
}
