import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '@contracts/tickets';
import { Button } from '@/components/button';
import { SelectInput } from '@/components/fields';
import { Icon } from '@/components/icon';
import { useAssignees } from '@/features/tickets/api/pickers';
import type { useTicketFilters } from '@/features/tickets/use-ticket-filters';
import '@/features/tickets/tickets-strings';

/** Status, priority and assignee; each change goes straight to the address bar. */
export function TicketFiltersBar({ state, myId }: { state: ReturnType<typeof useTicketFilters>; myId: number }) {
  const { t } = useTranslation('tickets');
  const staff = useAssignees(true);
  const others = (staff.data ?? []).filter((s) => s.id !== myId);
  return (
    <div className="toolbar" role="search" aria-label={t('filters.label')}>
      <SelectInput
        label={t('filters.status')}
        value={state.values.status}
        options={[
          { value: 'active', label: t('filters.active') },
          ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          { value: 'all', label: t('filters.allStatuses') },
        ]}
        onChange={state.setStatus}
      />
      <SelectInput
        label={t('filters.priority')}
        value={state.values.priority}
        options={[{ value: 'any', label: t('filters.anyPriority') }, ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))]}
        onChange={state.setPriority}
      />
      <SelectInput
        label={t('filters.assignee')}
        value={state.values.assignee}
        options={[
          { value: 'any', label: t('filters.anyone') },
          { value: 'none', label: t('filters.unassigned') },
          { value: 'me', label: t('filters.me') },
          ...others.map((s) => ({ value: String(s.id), label: s.name })),
        ]}
        onChange={state.setAssignee}
      />
      {state.active ? (
        <Button variant="ghost" onPress={state.clear}>
          <Icon name="close" size={18} />
          {t('filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}
