import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import { TableCard } from '@/components/table-card';
import { formatDate, formatMoney, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { JobCards } from '@/features/cleaning/components/job-cards';
import { JobStatusBadge, JobTypeBadge } from '@/features/cleaning/components/job-status-badge';
import '@/features/cleaning/cleaning-strings';
import { MoneyChip } from '@/features/accounts/components/money-chip';
import '@/components/kit.css';

function Amount({ job }: { job: StaffJob }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  if (job.status === 'cancelled') return <span className="muted">—</span>;
  if (job.price) return <span>{formatMoney(job.price.totalCents, locale)}</span>;
  return (
    <span className="muted">
      {formatMoney(job.estimate.totalCents, locale)} {t('list.estimated')}
    </span>
  );
}

/** The amount and, once something can be owed on it, the job's money chip (a link to the account in the table; the phone's card is itself a link). */
function Money({ job, linked }: { job: StaffJob; linked: boolean }) {
  return (
    <span className="money-cell">
      <Amount job={job} />
      {job.paymentStatus === 'not_priced' ? null : <MoneyChip status={job.paymentStatus} client={linked ? job.client : undefined} />}
    </span>
  );
}

function Team({ job }: { job: StaffJob }) {
  return <span translate="no">{job.workers.map((w) => w.name).join(', ')}</span>;
}

/**
 * Jobs as a table on wide screens and as cards on phones (the same data; only one is shown, the other
 * is display:none and so hidden from assistive technology too).
 */
export function JobList({ jobs, hrefOf }: { jobs: StaffJob[]; hrefOf: (id: number) => string }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  return (
    <>
      <div className="hide-on-phone">
        <TableCard
          caption={t('list.title')}
          columns={[t('list.colWhen'), t('list.colPlace'), t('list.colClient'), t('list.colTeam'), t('list.colStatus'), { label: t('list.colAmount'), className: 'num' }]}
        >
          {jobs.map((job) => (
            <tr key={job.id}>
              <td>
                <span className="cell-primary">
                  <span className="cell-primary__title">{formatDate(calendarDate(job.scheduledDate), locale, 'medium')}</span>
                  <span className="cell-primary__sub">{t('timeRange', { start: job.scheduledTime, end: formatTime(job.scheduledEndAt, locale) })}</span>
                </span>
              </td>
              <td>
                <span className="cell-primary">
                  <Link to={hrefOf(job.id)} className="cell-primary__title" translate="no">
                    {job.property.name}
                  </Link>
                  <span className="cluster gap-2">
                    <JobTypeBadge type={job.jobType} />
                    {job.series ? (
                      <span className="muted" title={t('list.repeats')}>
                        <Icon name="repeat" size={14} label={t('list.repeats')} />
                      </span>
                    ) : null}
                  </span>
                </span>
              </td>
              <td translate="no">{job.client.name}</td>
              <td>
                <Team job={job} />
              </td>
              <td>
                <JobStatusBadge status={job.status} />
              </td>
              <td className="num">
                <Money job={job} linked />
              </td>
            </tr>
          ))}
        </TableCard>
      </div>

      <JobCards jobs={jobs} hrefOf={hrefOf} dateStyle="medium" className="show-on-phone">
        {(job) => (
          <>
            <span className="muted text-sm" translate="no">
              {job.client.name} · <Team job={job} />
            </span>
            <span className="cluster cluster--spread gap-2">
              <JobTypeBadge type={job.jobType} />
              <Money job={job} linked={false} />
            </span>
          </>
        )}
      </JobCards>
    </>
  );
}
