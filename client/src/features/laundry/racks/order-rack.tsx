import { useTranslation } from 'react-i18next';
import { Notice } from '@/components/notice';
import { RackAssign } from '@/features/laundry/scan/rack-assign';
import '@/features/laundry/scan/scan-strings';

interface RackRef {
  id: number;
  code: string;
}

/**
 * A ready order's rack on its page: where it waits, or — when nobody has put it on one yet — the next
 * free rack with one button to put it there. Nothing for an order that is not ready.
 */
export function OrderRack({ order }: { order: { id: number; orderNumber: string; status: string; rack: RackRef | null; suggestedRack?: RackRef | null } }) {
  const { t } = useTranslation('scan');
  if (order.status !== 'ready') return null;
  if (order.rack) return <Notice tone="info">{t('rack.onRack', { code: order.rack.code })}</Notice>;
  // The order's answer after the assignment carries its rack: the notice above replaces this card.
  return <RackAssign orderId={order.id} orderNumber={order.orderNumber} suggested={order.suggestedRack ?? null} onAssigned={() => undefined} />;
}
