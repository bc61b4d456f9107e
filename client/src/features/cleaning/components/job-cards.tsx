import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CleaningStatusValue } from '@contracts/cleaning';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';
import { JobStatusBadge } from '@/features/cleaning/components/job-status-badge';
import '@/features/cleaning/cleaning.css';

type CardJob = { id: number; scheduledDate: string; scheduledTime: string; status: CleaningStatusValue; property: { name: string } };

/**
 * Jobs as a column of tiles, each a link to its job through its place (the staff list on a phone, the client's
 * visits, the worker's next days, the client's reports): the day (and time), the status, the place, then the lines
 * each screen adds below.
 */
export function JobCards<J extends CardJob>({
  jobs,
  hrefOf,
  dateStyle = 'full',
  withTime = true,
  withStatus = true,
  labelOf,
  className,
  children,
}: {
  jobs: J[];
  hrefOf: (id: number) => string;
  dateStyle?: 'full' | 'medium';
  withTime?: boolean;
  withStatus?: boolean;
  /** A name for the whole card when its visible text does not say where it leads. */
  labelOf?: (job: J) => string;
  className?: string;
  children: (job: J) => ReactNode;
}) {
  const locale = currentLocale();
  return (
    <ul role="list" className={className ? `stack gap-3 ${className}` : 'stack gap-3'}>
      {jobs.map((job) => (
        <li key={job.id} className="tile stack gap-2 focus-ring-within">
          <span className="cluster cluster--spread gap-2">
            <span className="strong muted text-sm capitalize-first">
              {formatDate(calendarDate(job.scheduledDate), locale, dateStyle)}
              {withTime ? ` · ${job.scheduledTime}` : null}
            </span>
            {withStatus ? <JobStatusBadge status={job.status} /> : null}
          </span>
          <Link to={hrefOf(job.id)} className="card__title tile__link" translate="no" aria-label={labelOf?.(job)}>
            {job.property.name}
          </Link>
          {children(job)}
        </li>
      ))}
    </ul>
  );
}
