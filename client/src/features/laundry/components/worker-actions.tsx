import { useTranslation } from 'react-i18next';
import type { LaundryOrderWorkerDto, LaundryStatusValue } from '@contracts/laundry';
import { Button } from '@/components/button';
import { Icon, type IconName } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { useChangeLaundryStatus } from '@/features/laundry/api/change-laundry-status';

const LABEL = { in_progress: 'worker.start', ready: 'worker.markReady', collected: 'worker.collected', delivered: 'worker.delivered' } as const;
const ICON: Record<keyof typeof LABEL, IconName> = { in_progress: 'washer', ready: 'checkCircle', collected: 'check', delivered: 'check' };

/**
 * The team's big status buttons: the next steps the server allows (never cancel), one tap each. A
 * second tap while the first is on its way does nothing; a refusal (someone else moved it) is shown.
 */
export function WorkerActions({ order, onDone }: { order: LaundryOrderWorkerDto; onDone?: (status: LaundryStatusValue) => void }) {
  const { t } = useTranslation('laundry');
  const change = useChangeLaundryStatus();
  const next = order.allowedNext.filter((s): s is keyof typeof LABEL => s in LABEL);
  if (!next.length) return null;
  return (
    <div className="stack gap-2">
      {next.map((status, i) => (
        <Button
          key={status}
          variant={i === 0 ? 'primary' : 'secondary'}
          size="lg"
          block
          className="worker-actions__button"
          isPending={change.isPending && change.variables?.status === status}
          isDisabled={change.isPending}
          onPress={() => {
            if (!change.isPending) change.mutate({ id: order.id, status }, { onSuccess: () => onDone?.(status) });
          }}
        >
          <Icon name={ICON[status]} size={22} />
          {t(LABEL[status])}
        </Button>
      ))}
      <ErrorNotice error={change.error} />
    </div>
  );
}
