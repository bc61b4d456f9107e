import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemStageValue, TagLookupDto } from '@contracts/laundry-floor';
import type { LaundryStatusValue } from '@contracts/laundry';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { isApiError } from '@/lib/api-error';
import { lookupTag, useAdvanceItem } from '@/features/laundry/api/laundry-tags';
import { StatusBadge } from '@/features/laundry/components/status-badge';
import '@/features/laundry/laundry-strings';
import './scan-strings';

type Message = { tone: 'success' | 'warning'; text: string };

/** An item's stage as a pill with its name (never colour alone): blue while in the shop, green when ready. */
const STAGE_TONE: Record<ItemStageValue, string> = {
  received: '',
  washing: ' badge--info',
  drying: ' badge--info',
  ironing: ' badge--info',
  ready: ' badge--success',
};

export function StageBadge({ stage }: { stage: ItemStageValue }) {
  const { t } = useTranslation('scan');
  return <span className={`badge badge--lg${STAGE_TONE[stage]}`}>{t(`stage.${stage}`)}</span>;
}

/**
 * A scanned item: what it is, whose, where it is in the shop, and ONE big button to the next stage.
 * When two people scan the same item at once the server moves it once; the other sees where it is now.
 */
export function ItemPanel({ lookup, onUpdate }: { lookup: TagLookupDto; onUpdate: (lookup: TagLookupDto) => void }) {
  const { t } = useTranslation('scan');
  const { t: tl } = useTranslation('laundry');
  const advance = useAdvanceItem();
  const [message, setMessage] = useState<Message | null>(null);
  const { item, order, nextStage } = lookup;
  const closed = ['collected', 'delivered', 'cancelled'].includes(order.status);

  const move = (stage: ItemStageValue) => {
    setMessage(null);
    advance.mutate(
      { itemId: item.id, stage },
      {
        onSuccess: (fresh) => {
          onUpdate(fresh);
          setMessage({ tone: 'success', text: t('advance.done', { tag: fresh.item.tagCode, stage: t(`stage.${fresh.item.stage}`) }) });
        },
        onError: async (error) => {
          if (!isApiError(error, 'INVALID_TRANSITION') && !isApiError(error, 'ORDER_CLOSED')) return;
          const fresh = await lookupTag(item.globalCode).catch(() => null);
          if (fresh) onUpdate(fresh);
          advance.reset();
          setMessage({
            tone: 'warning',
            text: isApiError(error, 'ORDER_CLOSED') ? t('advance.orderClosed') : t('advance.raced', { stage: t(`stage.${fresh?.item.stage ?? stage}`) }),
          });
        },
      },
    );
  };
  const fact = (label: string, value: string | null) => (
    <div>
      <dt>{label}</dt>
      <dd>{value || t('item.none')}</dd>
    </div>
  );

  return (
    <Card
      id="scan-item-title"
      title={t('item.title', { tag: item.tagCode })}
      className="scan-item"
      data-stage={item.stage}
      actions={<StageBadge stage={item.stage} />}
    >
      <div className="stack gap-4">
        <p className="text-lg strong">
          {item.kind === 'bag' ? <span className="badge">{t('item.bag')}</span> : null} {item.description}
        </p>
        <dl className="facts scan-item__facts">
          <div>
            <dt>{t('item.order')}</dt>
            <dd className="cluster gap-2">
              {order.orderNumber} <StatusBadge status={order.status as LaundryStatusValue} />
            </dd>
          </div>
          {fact(t('item.client'), order.clientName)}
          {fact(t('item.category'), item.category)}
          {fact(t('item.colour'), item.colour)}
          {item.brand ? fact(t('item.brand'), item.brand) : null}
          {item.notes ? fact(t('item.notes'), item.notes) : null}
        </dl>
        <p className="muted">{t('item.progress', { ready: order.readyCount, total: order.itemCount })}</p>
        <div className="stack">
          {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
          {closed ? (
            <Notice tone="info">{t('advance.closed', { status: tl(`status.${order.status as LaundryStatusValue}`).toLowerCase() })}</Notice>
          ) : nextStage ? (
            <Button
              variant="primary"
              size="lg"
              block
              className="scan-item__advance"
              isPending={advance.isPending}
              pendingLabel={t('advance.pending')}
              onPress={() => {
                if (!advance.isPending) move(nextStage);
              }}
            >
              <Icon name={nextStage === 'ready' ? 'checkCircle' : 'arrowRight'} size={24} />
              {t(`advance.${nextStage as Exclude<ItemStageValue, 'received'>}`)}
            </Button>
          ) : (
            <Notice tone="success">{t('advance.finished')}</Notice>
          )}
          <ErrorNotice error={isApiError(advance.error, 'INVALID_TRANSITION') || isApiError(advance.error, 'ORDER_CLOSED') ? null : advance.error} />
        </div>
      </div>
    </Card>
  );
}
