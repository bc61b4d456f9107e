import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_PAYMENT_STATUSES, type DocumentPaymentStatusValue } from '@contracts/accounts';
import type { CleaningStatusValue } from '@contracts/cleaning';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { DateField } from '@/components/date-fields';
import { SearchSelectField, SelectField } from '@/components/form-controls';
import { TextInput } from '@/components/text-field';
import { useClientOption, useClientSearch } from '@/features/clients/api/client-options';
import { useClientProperties, useWorkers } from '@/features/cleaning/api/pickers';
import type { JobFilters } from '@/features/cleaning/api/list-jobs';
import '@/features/cleaning/cleaning-strings';
import '@/features/accounts/accounts-strings';
import '@/features/payments/payments-strings';
import { formatPhone } from '@/lib/format';

const STATUS_CHOICES = ['open', 'scheduled', 'in_progress', 'completed', 'cancelled'] as const;
const OPEN: CleaningStatusValue[] = ['scheduled', 'in_progress'];

const OWING: DocumentPaymentStatusValue[] = ['unpaid', 'partial'];

/** The payment filter's one choice: any, one state, or "not paid or partly paid" (both). */
function paymentChoice(status: DocumentPaymentStatusValue[] | undefined): string {
  if (!status || status.length === 0) return 'any';
  if (status.length === 2 && OWING.every((s) => status.includes(s))) return 'owing';
  return status[0]!;
}

function statusChoice(status: CleaningStatusValue[] | undefined): string {
  if (!status || status.length === 0) return 'any';
  if (status.length === 2 && OPEN.every((s) => status.includes(s))) return 'open';
  return status[0]!;
}

/** The list's filters; every change goes straight to the address bar (shareable, survives a reload). */
export function JobFiltersPanel({ filters, onChange, onClear, showDates = true }: { filters: JobFilters; onChange: (next: Partial<JobFilters>) => void; onClear: () => void; showDates?: boolean }) {
  const { t } = useTranslation('cleaning');
  const { t: ta } = useTranslation('accounts');
  const { t: tp } = useTranslation('payments');
  const workers = useWorkers();
  const chosenClient = useClientOption(filters.clientId);
  const [clientText, setClientText] = useState<string | null>(null);
  const clientInput = clientText ?? chosenClient.data?.name ?? '';
  const clients = useClientSearch(clientText ?? '');
  const properties = useClientProperties(filters.clientId);
  const [search, setSearch] = useState(filters.q ?? '');

  const clientOptions = (clients.data ?? []).map((c) => ({ id: c.id, label: c.name, detail: c.companyName ?? formatPhone(c.phone) }));
  if (chosenClient.data && !clientOptions.some((o) => o.id === chosenClient.data.id)) {
    clientOptions.unshift({ id: chosenClient.data.id, label: chosenClient.data.name, detail: chosenClient.data.companyName ?? formatPhone(chosenClient.data.phone) });
  }

  return (
    <section className="card" aria-label={t('list.filtersTitle')}>
      <form
        className="job-filters__grid"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: search.trim() || undefined });
        }}
      >
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={setSearch}
          onBlur={() => onChange({ q: search.trim() || undefined })}
          type="search"
        />
        <SelectField
          label={t('list.status')}
          value={statusChoice(filters.status)}
          options={[
            { id: 'any', label: t('list.anyStatus') },
            ...STATUS_CHOICES.map((s) => ({ id: s, label: s === 'open' ? t('list.openOnly') : t(`status.${s}`) })),
          ]}
          onChange={(value) => onChange({ status: value === 'any' ? undefined : value === 'open' ? OPEN : [value as CleaningStatusValue] })}
        />
        <SelectField
          label={ta('chip.filter')}
          value={paymentChoice(filters.paymentStatus)}
          options={[
            { id: 'any', label: ta('chip.any') },
            { id: 'owing', label: ta('chip.owing') },
            ...DOCUMENT_PAYMENT_STATUSES.map((s) => ({ id: s, label: tp(`status.${s}`) })),
          ]}
          onChange={(value) =>
            onChange({ paymentStatus: value === 'any' || value === null ? undefined : value === 'owing' ? OWING : [value as DocumentPaymentStatusValue] })
          }
        />
        {showDates ? (
          <>
            <DateField label={t('list.from')} value={filters.from ?? ''} onChange={(from) => onChange({ from: from || undefined })} />
            <DateField label={t('list.to')} value={filters.to ?? ''} onChange={(to) => onChange({ to: to || undefined })} />
          </>
        ) : null}
        <SelectField
          label={t('list.worker')}
          value={filters.workerId ?? 'any'}
          options={[{ id: 'any', label: t('list.anyWorker') }, ...(workers.data ?? []).map((w) => ({ id: w.id, label: w.name }))]}
          onChange={(value) => onChange({ workerId: value === 'any' || value === null ? undefined : Number(value) })}
        />
        <SearchSelectField
          label={t('list.client')}
          placeholder={t('list.clientPlaceholder')}
          emptyLabel={t('form.clientEmpty')}
          options={clientOptions}
          value={filters.clientId ?? null}
          inputValue={clientInput}
          isLoading={clients.isFetching}
          onInputChange={(text) => {
            setClientText(text);
            if (text === '' && filters.clientId !== undefined) onChange({ clientId: undefined, propertyId: undefined });
          }}
          onChange={(value) => {
            setClientText(null);
            onChange({ clientId: value === null ? undefined : Number(value), propertyId: undefined });
          }}
        />
        <SelectField
          label={t('list.property')}
          value={filters.propertyId ?? 'any'}
          isDisabled={filters.clientId === undefined}
          description={filters.clientId === undefined ? t('form.chooseClientFirst') : undefined}
          options={[{ id: 'any', label: t('list.anyProperty') }, ...(properties.data ?? []).map((p) => ({ id: p.id, label: p.name, detail: p.addressLine1 }))]}
          onChange={(value) => onChange({ propertyId: value === 'any' || value === null ? undefined : Number(value) })}
        />
        <SelectField
          label={t('list.type')}
          value={filters.jobType ?? 'any'}
          options={[
            { id: 'any', label: t('list.anyType') },
            { id: 'airbnb', label: t('typeLong.airbnb') },
            { id: 'house', label: t('typeLong.house') },
          ]}
          onChange={(value) => onChange({ jobType: value === 'airbnb' || value === 'house' ? value : undefined })}
        />
        <div className="cluster job-filters__actions">
          <Button
            variant="ghost"
            onPress={() => {
              setSearch('');
              setClientText(null);
              onClear();
            }}
          >
            <Icon name="close" size={18} />
            {t('list.clear')}
          </Button>
        </div>
      </form>
    </section>
  );
}
