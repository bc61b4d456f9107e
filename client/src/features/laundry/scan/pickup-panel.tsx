import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagLookupDto } from '@contracts/laundry-floor';
import type { LaundryOrderWorkerDto } from '@contracts/laundry';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { useWorkerOrder } from '@/features/laundry/api/get-laundry-order';
import { useChangeLaundryStatus } from '@/features/laundry/api/change-laundry-status';
import '@/features/laundry/laundry-strings';
import { StageBadge } from './item-panel';
import './scan-strings';

export interface PickupSession {
  orderId: number;
  orderNumber: string;
  checked: number[];
  done: boolean;
}
type Note = { tone: 'success' | 'warning' | 'info'; text: string };

/** The missing tags for the order's history note (at most 500 characters): the first ones, then how many more. */
function tagList(tags: string[], room = 440): string {
  let text = '';
  for (const [i, tag] of tags.entries()) {
    const next = text ? `${text}, ${tag}` : tag;
    if (next.length > room) return `${text} (+${tags.length - i})`;
    text = next;
  }
  return text;
}

/**
 * Pickup: the first scan opens the order the client is collecting, every further scan of its items
 * checks one off, and a label of another order is called out (it must not leave with this client).
 */
export function usePickup() {
  const { t } = useTranslation('scan');
  const [session, setSession] = useState<PickupSession | null>(null);
  const [note, setNote] = useState<Note | null>(null);

  const scan = ({ item, order }: TagLookupDto) => {
    if (!session || session.done) {
      setSession({ orderId: order.id, orderNumber: order.orderNumber, checked: [item.id], done: false });
      setNote({ tone: 'success', text: t('pickup.checked', { tag: item.tagCode }) });
    } else if (order.id !== session.orderId) {
      setNote({ tone: 'warning', text: t('pickup.otherOrder', { tag: item.tagCode, order: order.orderNumber, current: session.orderNumber }) });
    } else if (session.checked.includes(item.id)) {
      setNote({ tone: 'info', text: t('pickup.again', { tag: item.tagCode }) });
    } else {
      setSession({ ...session, checked: [...session.checked, item.id] });
      setNote({ tone: 'success', text: t('pickup.checked', { tag: item.tagCode }) });
    }
  };
  const finish = (text: string) => {
    setSession((current) => (current ? { ...current, done: true } : current));
    setNote({ tone: 'success', text });
  };
  const reset = () => {
    setSession(null);
    setNote(null);
  };
  return { session, note, scan, finish, reset };
}

/** The order being collected: its items checked or not, what is missing, and the hand-over. */
export function PickupPanel({ session, note, onFinished, onReset }: { session: PickupSession; note: Note | null; onFinished: (text: string) => void; onReset: () => void }) {
  const { t } = useTranslation('scan');
  const { t: tl } = useTranslation('laundry');
  // Staff get the staff view: the fields read here are the same in both.
  const query = useWorkerOrder(session.orderId);
  const change = useChangeLaundryStatus();
  const [confirming, setConfirming] = useState(false);

  if (!query.isSuccess) return <QueryFallback query={query} title={session.orderNumber} />;
  const order: LaundryOrderWorkerDto = query.data;
  const items = order.items ?? [];
  const missing = items.filter((item) => !session.checked.includes(item.id));
  const canCollect = !session.done && order.allowedNext.includes('collected');
  const readyCount = items.filter((item) => item.stage === 'ready').length;

  const handOver = () =>
    change.mutate(
      { id: order.id, status: 'collected', note: missing.length ? t('pickup.missingNote', { tags: tagList(missing.map((item) => item.tagCode)) }) : undefined },
      {
        onSuccess: () => {
          setConfirming(false);
          onFinished(t('pickup.collected', { order: order.orderNumber }));
        },
      },
    );

  return (
    <Card
      id="scan-pickup-title"
      title={t('pickup.title', { order: order.orderNumber })}
      lead={`${t('pickup.client', { client: order.client.name })}${order.rack ? ` · ${t('pickup.rack', { code: order.rack.code })}` : ''}`}
      className="scan-pickup"
      actions={
        <Button variant="ghost" size="sm" onPress={onReset}>
          <Icon name="repeat" size={18} />
          {t('pickup.start')}
        </Button>
      }
    >
      <div className="stack">
        {note ? <Notice tone={note.tone}>{note.text}</Notice> : null}
        {!session.done && order.status !== 'ready' ? (
          ['collected', 'delivered', 'cancelled'].includes(order.status) ? (
            <Notice tone="warning">{t('pickup.closedAlready', { status: tl(`status.${order.status}`).toLowerCase() })}</Notice>
          ) : (
            <Notice tone="warning">{t('pickup.notReady', { ready: readyCount, total: items.length })}</Notice>
          )
        ) : null}
        <p className="text-lg strong" aria-live="polite">
          {t('pickup.progress', { checked: items.length - missing.length, total: items.length })}
        </p>
        <ul role="list" className="stack gap-2" aria-label={t('pickup.listLabel')}>
          {items.map((item) => {
            const checked = session.checked.includes(item.id);
            return (
              <li key={item.id} className={`notice notice--${checked ? 'success' : 'warning'} text-base pickup-list__item`}>
                <Icon name={checked ? 'checkCircle' : 'alertCircle'} size={22} />
                <span className="amount">{item.tagCode}</span>
                <span className="user-text grow">{item.description}</span>
                <span className="visually-hidden">{checked ? t('pickup.checkedLabel') : t('pickup.missingLabel')}</span>
                <StageBadge stage={item.stage} />
              </li>
            );
          })}
        </ul>
        {missing.length === 0 ? (
          <Notice tone="success">{t('pickup.allChecked')}</Notice>
        ) : !session.done ? (
          <Notice tone="warning">
            {t('pickup.missing', { count: missing.length })} {missing.map((item) => item.tagCode).join(', ')}
          </Notice>
        ) : null}
        {canCollect ? (
          <Button
            variant={missing.length ? 'secondary' : 'primary'}
            size="lg"
            block
            isPending={change.isPending && !confirming}
            onPress={() => (missing.length ? setConfirming(true) : handOver())}
          >
            <Icon name="check" size={22} />
            {missing.length ? t('pickup.handMissing') : t('pickup.hand')}
          </Button>
        ) : null}
        <ErrorNotice error={confirming ? null : change.error} />
      </div>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('pickup.confirmTitle')}
        confirmLabel={t('pickup.confirm')}
        onConfirm={handOver}
        isPending={change.isPending}
        error={change.error}
      >
        <p>{t('pickup.confirmText', { count: missing.length, order: order.orderNumber })}</p>
        <p className="strong">{missing.map((item) => item.tagCode).join(', ')}</p>
      </ConfirmDialog>
    </Card>
  );
}
