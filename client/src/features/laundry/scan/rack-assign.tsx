import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { SelectInput } from '@/components/fields';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { isApiError } from '@/lib/api-error';
import { useAssignRack, useRacks } from '@/features/laundry/api/laundry-racks';
import './scan-strings';

interface RackRef {
  id: number;
  code: string;
}

/**
 * A ready order without a rack: the next free one is offered with one big button, any other free one
 * can be chosen. If someone takes it first, the server's next suggestion replaces it.
 */
export function RackAssign({ orderId, orderNumber, suggested, onAssigned }: { orderId: number; orderNumber: string; suggested: RackRef | null; onAssigned: (message: string) => void }) {
  const { t } = useTranslation('scan');
  const racks = useRacks();
  const assign = useAssignRack();
  const [suggestion, setSuggestion] = useState<RackRef | null>(suggested);
  const [chosen, setChosen] = useState<RackRef | null>(suggested);
  const [raced, setRaced] = useState<string | null>(null);
  const free = (racks.data ?? []).filter((rack) => rack.isActive && !rack.order);
  const target = chosen ?? (free[0] ? { id: free[0].id, code: free[0].code } : null);
  const options = free.map((rack) => ({ value: String(rack.id), label: rack.code }));
  if (target && !options.some((o) => o.value === String(target.id))) options.unshift({ value: String(target.id), label: target.code });

  const put = (rack: RackRef) => {
    setRaced(null);
    assign.mutate(
      { orderId, rackId: rack.id },
      {
        onSuccess: () => onAssigned(t('rack.assigned', { order: orderNumber, code: rack.code })),
        onError: (error) => {
          if (!isApiError(error, 'RACK_TAKEN')) return;
          const next = (error.details as { suggestion?: RackRef | null } | undefined)?.suggestion ?? null;
          setSuggestion(next);
          setChosen(next);
          setRaced(next ? t('rack.taken', { code: rack.code, suggestion: next.code }) : t('rack.takenNoneFree'));
        },
      },
    );
  };

  return (
    <Card id="scan-rack-title" title={t('rack.title')} className="scan-rack">
      <div className="stack">
        {raced ? <Notice tone="warning">{raced}</Notice> : null}
        {target ? (
          <>
            {target.id === suggestion?.id ? <p>{t('rack.suggestion', { code: target.code })}</p> : null}
            <Button variant="primary" size="lg" block isPending={assign.isPending} pendingLabel={t('rack.assigning')} onPress={() => put(target)}>
              <Icon name="check" size={22} />
              {t('rack.assign', { code: target.code })}
            </Button>
            {options.length > 1 ? (
              <SelectInput
                label={t('rack.choose')}
                description={t('rack.chooseHint')}
                value={String(target.id)}
                options={options}
                onChange={(value) => setChosen(options.map((o) => ({ id: Number(o.value), code: o.label })).find((r) => String(r.id) === value) ?? null)}
              />
            ) : null}
          </>
        ) : (
          <Notice tone="warning">{t('rack.noneFree')}</Notice>
        )}
        <ErrorNotice error={assign.error && !isApiError(assign.error, 'RACK_TAKEN') ? assign.error : null} />
      </div>
    </Card>
  );
}
