import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { ErrorState, PageLoader } from '@/components/states';
import { formatDate } from '@/lib/format';
import { currentLocale, LOCALE_TAGS } from '@/lib/i18n';
import { addDays, calendarDate, lisbonDate, weekStart } from '@/lib/lisbon-time';
import { useJobsBetween, type JobFilters } from '@/features/cleaning/api/list-jobs';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { useWorkers } from '@/features/cleaning/api/pickers';
import { STATUS_TONE } from '@/features/cleaning/components/job-status-badge';
import '@/features/cleaning/cleaning-strings';
import '@/components/kit.css';

const STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;

/** What each colour means, beside the grid (the chips also carry the status in words for screen readers). */
function StatusLegend() {
  const { t } = useTranslation('cleaning');
  return (
    <ul role="list" className="cluster muted text-sm" aria-label={t('week.legend')}>
      {STATUSES.map((status) => (
        <li key={status} className="cluster gap-2">
          <span className={`week-chip week-chip--${status}${STATUS_TONE[status]} week__swatch`} aria-hidden="true" />
          {t(`status.${status}`)}
        </li>
      ))}
    </ul>
  );
}

/** A job in the week, coloured by its status: its time and place, then the status in words (seen or not). */
function WeekChip({ job, href, className, children }: { job: StaffJob; href: string; className?: string; children: ReactNode }) {
  return (
    <Link to={href} className={`week-chip week-chip--${job.status}${STATUS_TONE[job.status]}${className ? ` ${className}` : ''}`}>
      <span className="amount">{job.scheduledTime}</span>
      <span className="week-chip__place" translate="no">
        {job.property.name}
      </span>
      {children}
    </Link>
  );
}

/**
 * The same week on a phone: day by day, each job with its time, place, team and status in words
 * (a seven-column grid does not fit a phone's width).
 */
function WeekAgenda({ days, jobs, workerIds, hrefOf, today }: { days: string[]; jobs: StaffJob[]; workerIds: Set<number>; hrefOf: (id: number) => string; today: string }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  return (
    <ol role="list" className="stack gap-4">
      {days.map((day) => {
        const list = jobs.filter((j) => j.scheduledDate === day && j.workers.some((w) => workerIds.has(w.id))).sort((a, b) => a.scheduledTime.localeCompare(b.scheduledTime));
        return (
          <li key={day} className="week-agenda__day stack gap-2" aria-current={day === today ? 'date' : undefined}>
            <h3 className="week-agenda__date text-sm">{formatDate(calendarDate(day), locale, 'full')}</h3>
            {list.length === 0 ? (
              <p className="muted text-sm">{t('week.noJobs')}</p>
            ) : (
              <ul role="list" className="stack gap-1">
                {list.map((job) => (
                  <li key={job.id}>
                    <WeekChip job={job} href={hrefOf(job.id)} className="week-agenda__job">
                      <span className="week-agenda__detail">
                        {[job.workers.map((w) => w.name).join(', '), t(`status.${job.status}`)].filter(Boolean).join(' · ')}
                      </span>
                    </WeekChip>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A week (Monday to Sunday, Lisbon dates): on wide screens one row per team member and their jobs in
 * each day, with a colour legend; on a phone a day-by-day agenda.
 */
export function WeekCalendar({ week, onWeekChange, filters, hrefOf }: { week: string; onWeekChange: (monday: string) => void; filters: JobFilters; hrefOf: (id: number) => string }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const monday = weekStart(week);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const today = lisbonDate();
  const workers = useWorkers();
  const jobs = useJobsBetween<StaffJob>({ ...filters, from: monday, to: days[6]! });
  const dayName = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { weekday: 'short', timeZone: 'UTC' });
  const dayNumber = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' });

  const rows = (workers.data ?? []).filter((w) => filters.workerId === undefined || w.id === filters.workerId);
  const cell = (workerId: number, day: string) =>
    (jobs.data ?? []).filter((j) => j.scheduledDate === day && j.workers.some((w) => w.id === workerId)).sort((a, b) => a.scheduledTime.localeCompare(b.scheduledTime));

  return (
    <Card
      id="week-title"
      title={t('week.range', { start: formatDate(calendarDate(monday), locale, 'medium'), end: formatDate(calendarDate(days[6]!), locale, 'medium') })}
      actions={
        <div className="cluster gap-2">
          <Button variant="secondary" iconOnly aria-label={t('week.previous')} onPress={() => onWeekChange(addDays(monday, -7))}>
            <Icon name="chevronLeft" size={20} />
          </Button>
          <Button variant="secondary" onPress={() => onWeekChange(weekStart(today))} isDisabled={monday === weekStart(today)}>
            {t('week.thisWeek')}
          </Button>
          <Button variant="secondary" iconOnly aria-label={t('week.next')} onPress={() => onWeekChange(addDays(monday, 7))}>
            <Icon name="chevronRight" size={20} />
          </Button>
        </div>
      }
    >
      {jobs.isPending || workers.isPending ? (
        <PageLoader />
      ) : jobs.isError || workers.isError ? (
        <ErrorState error={jobs.error ?? workers.error} onRetry={() => void (jobs.isError ? jobs.refetch() : workers.refetch())} />
      ) : rows.length === 0 ? (
        <p className="muted">{t('week.noWorkers')}</p>
      ) : (
        <>
          <div className="show-on-phone">
            <WeekAgenda days={days} jobs={jobs.data ?? []} workerIds={new Set(rows.map((w) => w.id))} hrefOf={hrefOf} today={today} />
          </div>
          <div className="hide-on-phone">
            <div className="stack gap-3">
              <div className="table-wrap week__scroll" tabIndex={0} role="region" aria-labelledby="week-title">
                <table className="data-table week__grid">
                  <caption className="visually-hidden">{t('week.caption', { date: formatDate(calendarDate(monday), locale, 'long') })}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="week__member-head">
                        {t('week.member')}
                      </th>
                      {days.map((day) => (
                        <th key={day} scope="col" className={day === today ? 'week__day week__day--today' : 'week__day'} aria-current={day === today ? 'date' : undefined}>
                          <span className="week__dayname">{dayName.format(calendarDate(day))}</span>
                          <span className="week__daynum">{dayNumber.format(calendarDate(day))}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((worker) => (
                      <tr key={worker.id}>
                        <th scope="row" translate="no">
                          {worker.name}
                        </th>
                        {days.map((day) => {
                          const list = cell(worker.id, day);
                          return (
                            <td key={day} className={day === today ? 'week__cell week__cell--today' : 'week__cell'}>
                              {list.length === 0 ? (
                                <span className="visually-hidden">{t('week.noJobs')}</span>
                              ) : (
                                <ul role="list" className="stack gap-1">
                                  {list.map((job) => (
                                    <li key={job.id}>
                                      <WeekChip job={job} href={hrefOf(job.id)}>
                                        <span className="visually-hidden">{t(`status.${job.status}`)}</span>
                                      </WeekChip>
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <StatusLegend />
            </div>
          </div>
        </>
      )}
    </Card>
  );
}
