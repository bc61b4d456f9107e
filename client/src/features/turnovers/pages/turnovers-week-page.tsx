import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { TableCard } from '@/components/table-card';
import { QueryView } from '@/components/states';
import { api, queryString } from '@/lib/api-client';
import { formatDate, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { addDays, calendarDate, lisbonDate, weekStart } from '@/lib/lisbon-time';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { JobStatusBadge } from '@/features/cleaning/components/job-status-badge';
import { staffPaths } from '@/features/cleaning/paths';
import { turnoverKeys } from '@/features/turnovers/api/turnovers-api';
import '@/features/turnovers/turnovers-strings';
import '@/features/cleaning/cleaning.css';
import '@/components/kit.css';
import '@/features/turnovers/turnovers.css';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Open back-to-back turnovers first (earliest deadline first), then the rest by start. */
function turnoverOrder(a: StaffJob, b: StaffJob): number {
  const urgent = (j: StaffJob) => j.backToBack && (j.status === 'scheduled' || j.status === 'in_progress');
  if (urgent(a) !== urgent(b)) return urgent(a) ? -1 : 1;
  if (urgent(a) && a.deadlineAt && b.deadlineAt && a.deadlineAt !== b.deadlineAt) return a.deadlineAt < b.deadlineAt ? -1 : 1;
  return a.scheduledStartAt < b.scheduledStartAt ? -1 : a.scheduledStartAt > b.scheduledStartAt ? 1 : a.id - b.id;
}

/** Staff: the week's short-let turnovers (Monday to Sunday), back-to-back ones first with their deadline. */
export default function TurnoversWeekPage() {
  const { t } = useTranslation('turnovers');
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const asked = params.get('week');
  const from = weekStart(asked && ISO_DATE.test(asked) ? asked : lisbonDate());
  const to = addDays(from, 6);
  const jobs = useQuery({
    queryKey: turnoverKeys.week(from, to),
    queryFn: () => api.listAll<StaffJob>(`/api/cleaning-jobs${queryString({ jobType: 'airbnb', from, to, status: 'scheduled,in_progress,completed' })}`),
    select: (list) => [...list].sort(turnoverOrder),
  });
  const go = (week: string | null) => setParams(week ? { week } : {}, { replace: true });
  const day = (date: string, style: 'medium' | 'full' = 'medium') => formatDate(calendarDate(date), locale, style);

  return (
    <>
      <PageHeader title={t('week.title')} lead={t('week.lead')} />
      <div className="stack gap-4">
        <div className="cluster">
          <Button variant="secondary" size="sm" iconOnly aria-label={t('week.previous')} onPress={() => go(addDays(from, -7))}>
            <Icon name="chevronLeft" size={18} />
          </Button>
          <p className="week-nav__range strong">{t('week.range', { from: day(from), to: day(to) })}</p>
          <Button variant="secondary" size="sm" iconOnly aria-label={t('week.next')} onPress={() => go(addDays(from, 7))}>
            <Icon name="chevronRight" size={18} />
          </Button>
          {from === weekStart(lisbonDate()) ? null : (
            <Button variant="ghost" size="sm" onPress={() => go(null)}>
              {t('week.thisWeek')}
            </Button>
          )}
        </div>
        <QueryView query={jobs} empty={{ icon: 'calendar', title: t('week.none'), text: t('week.noneText') }}>
          {(data) => (
            <TableCard
              caption={t('week.tableLabel')}
              className="data-table--rows"
              columns={[t('week.property'), t('week.when'), t('week.deadline'), t('week.team'), t('week.status')]}
            >
              {data.map((job) => (
                <tr key={job.id} className={job.backToBack ? 'turnover-row--urgent' : undefined}>
                  <th scope="row" data-label={t('week.property')} data-phone="title">
                    <span className="cell-primary">
                      <Link to={staffPaths.detail(job.id)} className="row-link cell-primary__title" translate="no">
                        {job.property.name}
                      </Link>
                      <span className="cell-primary__sub" translate="no">
                        {job.client.name}
                      </span>
                    </span>
                  </th>
                  <td data-label={t('week.when')} data-phone="detail">
                    <span className="capitalize-first">{day(job.scheduledDate, 'full')}</span> · {job.scheduledTime}
                  </td>
                  <td data-label={t('week.deadline')} data-phone="title-end">
                    {job.backToBack ? (
                      <span className="cluster gap-2">
                        <span className="badge badge--warning">{t('week.backToBack')}</span>
                        {job.deadlineAt ? <span className="strong">{t('week.readyBy', { time: formatTime(job.deadlineAt, locale) })}</span> : null}
                      </span>
                    ) : (
                      <span className="muted" aria-hidden="true">
                        —
                      </span>
                    )}
                  </td>
                  <td data-label={t('week.team')} data-phone="hide" translate="no">
                    {job.workers.length > 0 ? job.workers.map((w) => w.name).join(', ') : <span className="muted">{t('week.noTeam')}</span>}
                  </td>
                  <td data-label={t('week.status')} data-phone="detail-end">
                    <JobStatusBadge status={job.status} />
                  </td>
                </tr>
              ))}
            </TableCard>
          )}
        </QueryView>
      </div>
    </>
  );
}
