import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/pager';
import { EmptyState, QueryFallback } from '@/components/states';
import { useRequests, type RequestFilters } from '@/features/requests/api/list-requests';
import { RequestList } from '@/features/requests/components/request-list';
import '@/features/requests/requests-strings';

/** One filtered list of requests, page after page ("show more"), with its empty and error states. */
export function RequestFeed({ filters, hrefOf, showClient, emptyTitle }: { filters: RequestFilters; hrefOf: (id: number) => string; showClient?: boolean; emptyTitle?: string }) {
  const { t } = useTranslation('requests');
  const list = useRequests(filters);
  if (!list.isSuccess) return <QueryFallback query={list} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState icon="info" title={emptyTitle ?? t('empty')} />;
  return (
    <div className="stack">
      <RequestList requests={items} hrefOf={hrefOf} showClient={showClient} />
      <LoadMore query={list} />
    </div>
  );
}
