import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { NumberInput } from '@/components/form-controls';
import { ErrorNotice, Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { useCountLinen, useJobLinen } from '@/features/turnovers/api/turnovers-api';
import '@/features/turnovers/turnovers-strings';
import '@/features/turnovers/turnovers.css';
import { JobSection } from '@/features/cleaning/components/job-page-parts';

/**
 * A turnover's linen: the pieces planned from the property's set, counted on site before completing
 * (a towel missing), and after completion the laundry order it became. `orderHref` links the order for
 * those who may open it.
 */
export function JobLinenCard({ jobId, open, orderHref }: { jobId: number; open: boolean; orderHref?: (id: number) => string }) {
  const { t } = useTranslation('turnovers');
  const linen = useJobLinen(jobId);
  const count = useCountLinen(jobId);
  const [counts, setCounts] = useState<Record<number, number>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (linen.data) setCounts(Object.fromEntries(linen.data.items.map((i) => [i.linenItemId, i.count])));
  }, [linen.data]);

  if (!linen.isSuccess) return <QueryFallback query={linen} />;
  const data = linen.data;
  if (data.items.length === 0 && !data.order) return null;
  const changed = data.items.some((i) => counts[i.linenItemId] !== undefined && counts[i.linenItemId] !== i.count);

  return (
    <JobSection id={`linen-${jobId}`} icon="washer" title={t('jobLinen.title')}>
      {data.order ? (
        <Notice tone="success">
          <span>{t('jobLinen.orderLead')} </span>
          {orderHref ? (
            <Link to={orderHref(data.order.id)} className="strong">
              {t('jobLinen.order', { number: data.order.orderNumber })}
            </Link>
          ) : (
            <span className="strong">{t('jobLinen.order', { number: data.order.orderNumber })}</span>
          )}
        </Notice>
      ) : open ? (
        <p className="muted">{t('jobLinen.lead')}</p>
      ) : null}
      <ul role="list" className="stack gap-3">
        {data.items.map((item) =>
          open && !data.order ? (
            <li key={item.linenItemId} className="job-linen__row">
              <NumberInput
                label={item.label}
                description={t('jobLinen.planned', { count: item.planned })}
                value={counts[item.linenItemId] ?? item.count}
                onChange={(value) => {
                  setSaved(false);
                  setCounts((all) => ({ ...all, [item.linenItemId]: Number.isFinite(value) ? value : 0 }));
                }}
                minValue={0}
                maxValue={500}
                incrementLabel={t('jobLinen.more', { item: item.label })}
                decrementLabel={t('jobLinen.less', { item: item.label })}
              />
            </li>
          ) : (
            <li key={item.linenItemId} className="cluster cluster--spread">
              <span>{item.label}</span>
              <span className="strong">{item.count}</span>
            </li>
          ),
        )}
      </ul>
      {open && !data.order ? (
        <>
          <div aria-live="polite">
            {count.error ? (
              <ErrorNotice error={count.error} />
            ) : saved ? (
              <Notice tone="success">{t('jobLinen.saved')}</Notice>
            ) : null}
          </div>
          <Button
            variant="secondary"
            size="lg"
            block
            isDisabled={!changed}
            isPending={count.isPending}
            pendingLabel={t('jobLinen.saving')}
            onPress={() =>
              count.mutate({ counts: data.items.map((i) => ({ linenItemId: i.linenItemId, quantity: counts[i.linenItemId] ?? i.count })) }, { onSuccess: () => setSaved(true) })
            }
          >
            {t('jobLinen.save')}
          </Button>
        </>
      ) : null}
    </JobSection>
  );
}
