import { useSearchParams } from 'react-router';
import { DOCUMENT_PAYMENT_STATUSES, type DocumentPaymentStatusValue } from '@contracts/accounts';
import { CLEANING_STATUSES, type CleaningStatusValue } from '@contracts/cleaning';
import { lisbonDate } from '@/lib/lisbon-time';
import type { JobFilters } from '@/features/cleaning/api/list-jobs';

const positive = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};
const date = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/**
 * The staff list's filters live in the address (`?status=scheduled&workerId=3…`): a reload, the back
 * button and a shared link all show the same list. With no `from` the list starts today.
 */
export function useJobFilters() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '').split(',').filter((s): s is CleaningStatusValue => (CLEANING_STATUSES as readonly string[]).includes(s));
  const paymentStatus = (params.get('paymentStatus') ?? '').split(',').filter((s): s is DocumentPaymentStatusValue => (DOCUMENT_PAYMENT_STATUSES as readonly string[]).includes(s));
  const jobType = params.get('jobType');
  const filters: JobFilters = {
    status: status.length > 0 ? status : undefined,
    paymentStatus: paymentStatus.length > 0 ? paymentStatus : undefined,
    from: params.has('from') ? date(params.get('from')) : lisbonDate(),
    to: date(params.get('to')),
    workerId: positive(params.get('workerId')),
    clientId: positive(params.get('clientId')),
    propertyId: positive(params.get('propertyId')),
    jobType: jobType === 'airbnb' || jobType === 'house' ? jobType : undefined,
    q: params.get('q') || undefined,
  };
  const view = params.get('view') === 'week' ? 'week' : 'list';
  const week = date(params.get('week')) ?? lisbonDate();

  const update = (changes: Record<string, string | number | undefined | string[]>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          const text = Array.isArray(value) ? value.join(',') : value === undefined ? undefined : String(value);
          // An emptied date is kept as `from=` so "no start date" is not read back as "from today".
          if (text === undefined) {
            if (key === 'from') next.set('from', '');
            else next.delete(key);
          } else next.set(key, text);
        }
        return next;
      },
      { replace: true },
    );
  };

  // The filters a person chose (the default "from today" is not one of them).
  const activeCount = ['status', 'paymentStatus', 'to', 'workerId', 'clientId', 'propertyId', 'jobType', 'q'].filter((key) => params.get(key)).length + (params.has('from') && params.get('from') !== lisbonDate() ? 1 : 0);

  return {
    filters,
    activeCount,
    view,
    week,
    setFilters: (changes: Partial<JobFilters>) => update(changes as Record<string, string | number | undefined | string[]>),
    setView: (v: 'list' | 'week') => update({ view: v === 'week' ? 'week' : undefined }),
    setWeek: (monday: string) => update({ week: monday }),
    clear: () => setParams(params.get('view') === 'week' ? { view: 'week' } : {}, { replace: true }),
  };
}
