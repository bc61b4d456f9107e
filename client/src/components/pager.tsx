import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import '@/components/ui-strings';
import { Icon } from '@/components/icon';
import type { ListMeta } from '@/lib/api-client';
import './kit.css';

/** "1–50 of 120" with previous/next, for lists paged by offset. Hidden when everything fits one page. */
export function Pager({ meta, onOffsetChange }: { meta: ListMeta; onOffsetChange: (offset: number) => void }) {
  const { t } = useTranslation('ui');
  if (meta.total === 0) return null;
  const from = meta.offset + 1;
  const to = meta.offset + meta.count;
  const hasPrevious = meta.offset > 0;
  const hasNext = meta.nextCursor !== null;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager cluster cluster--spread" aria-label={t('paging')}>
      <p className="pager__range muted text-sm">{t(meta.totalCapped ? 'pageRangeCapped' : 'pageRange', { from, to, total: meta.total })}</p>
      <div className="cluster">
        <Button size="sm" isDisabled={!hasPrevious} onPress={() => onOffsetChange(Math.max(0, meta.offset - meta.limit))}>
          <Icon name="chevronLeft" size={16} />
          {t('previous')}
        </Button>
        <Button size="sm" isDisabled={!hasNext} onPress={() => onOffsetChange(meta.offset + meta.limit)}>
          {t('next')}
          <Icon name="chevronRight" size={16} />
        </Button>
      </div>
    </nav>
  );
}

/** The part of an infinite query that reads its next page. */
type NextPages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/**
 * "Show more" under a list read page by page: nothing once the last page is in. `label` names what comes
 * (older messages, older notifications); `block` fills a phone list's width.
 */
export function LoadMore({ query, label, block = false, size, className }: { query: NextPages; label?: string; block?: boolean; size?: 'sm'; className?: string }) {
  const { t } = useTranslation('ui');
  if (!query.hasNextPage) return null;
  return (
    <div className={className ? `cluster justify-center ${className}` : 'cluster justify-center'}>
      <Button variant="secondary" size={size} block={block} onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage} pendingLabel={t('loadingMore')}>
        {label ?? t('loadMore')}
      </Button>
    </div>
  );
}
