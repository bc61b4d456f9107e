import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestStateValue } from '@contracts/requests';
import { PageHeader } from '@/components/page-header';
import { Segmented } from '@/components/segmented';
import { SHELL_BASE } from '@/app/paths';
import { useRequestCounts } from '@/features/requests/api/get-request-counts';
import { RequestFeed } from '@/features/requests/components/request-feed';
import '@/features/requests/requests-strings';
import '@/features/requests/requests.css';

const base = `${SHELL_BASE.admin}/requests`;
type View = 'waiting' | 'proposed' | 'done' | 'all';
const STATES: Record<View, RequestStateValue[] | undefined> = {
  waiting: ['pending', 'pending_confirmation'],
  proposed: ['proposed'],
  done: ['accepted', 'declined', 'cancelled'],
  all: undefined,
};

/** The staff inbox: what waits on staff first, newest first, with how many; each opens to accept, propose or decline. */
export default function StaffRequestsPage() {
  const { t } = useTranslation('requests');
  const [view, setView] = useState<View>('waiting');
  const counts = useRequestCounts();
  const n = (states: RequestStateValue[]) => states.reduce((sum, s) => sum + (counts.data?.byState[s] ?? 0), 0);
  const label = (v: View) => {
    const states = STATES[v];
    return states && counts.data ? `${t(`filters.${v}`)} (${n(states)})` : t(`filters.${v}`);
  };
  return (
    <>
      <PageHeader title={t('title')} lead={counts.data ? `${t('staffLead')} ${t('counts', { count: counts.data.new })}.` : t('staffLead')} />
      <Segmented
        label={t('filters.label')}
        look="segmented"
        className="request-filters"
        value={view}
        onChange={setView}
        options={(['waiting', 'proposed', 'done', 'all'] as const).map((v) => ({ value: v, content: label(v) }))}
      />
      <RequestFeed filters={STATES[view] ? { state: STATES[view] } : {}} hrefOf={(id) => `${base}/${id}`} showClient />
    </>
  );
}
