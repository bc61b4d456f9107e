import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Radio, RadioGroup, Label } from 'react-aria-components';
import type { LaundryOrderWorkerDto, LaundryStatusValue } from '@contracts/laundry';
import '@/features/laundry/laundry-strings';
import { LoadMore } from '@/components/pager';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { QueryView } from '@/components/states';
import { formatCount, formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useWorkerOrders } from '@/features/laundry/api/list-laundry-orders';
import { CheckboxField } from '@/components/fields';
import { lineSummary } from '@/features/laundry/components/line-summary';
import { WorkerActions } from '@/features/laundry/components/worker-actions';
import '@/features/laundry/laundry.css';

type Tab = 'received' | 'in_progress' | 'ready';
const TABS: Array<[Tab, 'worker.toStart' | 'worker.inProgress' | 'worker.ready', 'worker.emptyToStart' | 'worker.emptyInProgress' | 'worker.emptyReady']> = [
  ['received', 'worker.toStart', 'worker.emptyToStart'],
  ['in_progress', 'worker.inProgress', 'worker.emptyInProgress'],
  ['ready', 'worker.ready', 'worker.emptyReady'],
];

function QueueCard({ order, mine, onDone }: { order: LaundryOrderWorkerDto; mine: boolean; onDone: (status: LaundryStatusValue) => void }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  return (
    <li className="card stack gap-3 queue-card">
      <Link to={`/worker/laundry/${order.id}`} className="stack gap-1 queue-card__link" aria-label={t('worker.open', { number: order.orderNumber })}>
        <div className="cluster gap-2">
          <span className="amount text-lg" translate="no">
            {order.orderNumber}
          </span>
          {mine ? <span className="badge badge--accent">{t('worker.assignedToYou')}</span> : null}
          <Icon name="chevronRight" size={20} className="muted queue-card__chevron" />
        </div>
        <p className="muted strong" translate="no">
          {order.client.name}
        </p>
      </Link>
      {order.lines ? (
        <ul role="list" className="stack gap-1 strong">
          {order.lines.map((line) => (
            <li key={line.id}>{lineSummary(line, t, locale)}</li>
          ))}
        </ul>
      ) : (
        <p className="strong">{formatCount(order.lineCount, 'items', locale)}</p>
      )}
      <p className="cluster gap-1 muted text-sm">
        <Icon name="calendar" size={16} />
        {t('common.expectedReady')}: {order.expectedReadyDate ? formatDate(order.expectedReadyDate, locale) : t('common.noDate')}
        {order.deliveryRequested ? (
          <>
            <span aria-hidden="true"> · </span>
            <Icon name="mapPin" size={16} />
            {t('common.delivery')}
          </>
        ) : null}
      </p>
      {order.specialInstructions ? (
        <p className="notice notice--warning" translate="no">
          {order.specialInstructions}
        </p>
      ) : null}
      <WorkerActions order={order} onDone={onDone} />
    </li>
  );
}

/** The team's laundry queue on a phone: what to start, what is in the machines, what waits on the shelf. */
export default function WorkerQueuePage() {
  const { t } = useTranslation('laundry');
  const principal = usePrincipal();
  const [tab, setTab] = useState<Tab>('received');
  const [onlyMine, setOnlyMine] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const orders = useWorkerOrders({ status: ['received', 'in_progress', 'ready'], sort: 'expectedReadyDate', limit: 100, assignedWorkerId: onlyMine ? principal.id : undefined });
  const all = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const count = (status: Tab) => all.filter((o) => o.status === status).length;
  const shown = all.filter((o) => o.status === tab);
  const empty = TABS.find(([id]) => id === tab)![2];

  return (
    <>
      <PageHeader title={t('worker.title')} lead={t('worker.lead')} />
      <div className="stack">
        <RadioGroup value={tab} onChange={(value) => setTab(value as Tab)} orientation="horizontal" className="account-switch">
          <Label className="visually-hidden">{t('worker.tabsLabel')}</Label>
          {TABS.map(([id, label]) => (
            <Radio key={id} value={id} className={`account-switch__option queue-tab queue-tab--${id}`}>
              <span>{t(label)}</span>
              <span className="amount text-xl">{orders.data ? count(id) : '·'}</span>
            </Radio>
          ))}
        </RadioGroup>
        <CheckboxField isSelected={onlyMine} onChange={setOnlyMine}>
          {t('worker.onlyMine')}
        </CheckboxField>
        {done ? <Notice tone="success">{done}</Notice> : null}
        <QueryView query={orders} empty={{ icon: 'washer', title: t('worker.emptyTitle'), text: t(empty) }} isEmpty={() => shown.length === 0}>
          {() => (
            <ul role="list" className="stack gap-4">
              {shown.map((order) => (
                <QueueCard
                  key={order.id}
                  order={order}
                  mine={order.assignedWorker?.id === principal.id}
                  onDone={(status) => setDone(t('worker.done', { number: order.orderNumber, status: t(`status.${status}`) }))}
                />
              ))}
            </ul>
          )}
        </QueryView>
        <LoadMore query={orders} block />
      </div>
    </>
  );
}
