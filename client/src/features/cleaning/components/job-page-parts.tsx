import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleaningStatusValue } from '@contracts/cleaning';
import { Card } from '@/components/card';
import { Icon, type IconName } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';
import { JobStatusBadge, JobTypeBadge } from './job-status-badge';
import '@/features/cleaning/cleaning-strings';
import { BackLink } from '@/components/back-link';

/**
 * A job page's header for every role: the way back, the status and kind of job (and for staff its
 * number), the place and when it is; `actions` for what the role can do.
 */
export function JobPageHeader({
  job,
  backTo,
  backLabel,
  showNumber,
  actions,
}: {
  job: { id: number; status: CleaningStatusValue; jobType: 'airbnb' | 'house'; property: { name: string }; scheduledDate: string; scheduledTime: string };
  backTo: string;
  backLabel: string;
  showNumber?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  return (
    <>
      <BackLink to={backTo}>{backLabel}</BackLink>
      <PageHeader
        eyebrow={
          <span className="cluster gap-2">
            {showNumber ? t('jobNumber', { id: job.id }) : null}
            <JobStatusBadge status={job.status} />
            <JobTypeBadge type={job.jobType} />
          </span>
        }
        title={job.property.name}
        dataTitle
        lead={<span className="capitalize-first">{t('at', { date: formatDate(calendarDate(job.scheduledDate), locale, 'full'), time: job.scheduledTime })}</span>}
        actions={actions}
      />
    </>
  );
}

/**
 * A titled card of a job page or a report (the kit's Card, stacked): its heading, with an optional icon, names
 * the region; `actions` sit beside it (a count, a badge). Other attributes go on the section.
 */
export function JobSection({
  icon,
  title,
  className,
  ...card
}: Omit<ComponentProps<typeof Card>, 'title'> & { title: ReactNode; icon?: IconName }) {
  return (
    <Card
      {...card}
      className={className ? `job-section stack gap-4 ${className}` : 'job-section stack gap-4'}
      title={
        <>
          {icon ? <Icon name={icon} size={20} /> : null}
          {title}
        </>
      }
    />
  );
}

/** Time on site, one row a stretch: its start → end and its length, a line between rows. */
export function TimeRows<L>({ logs, keyOf, range, duration }: { logs: L[]; keyOf: (log: L) => string | number; range: (log: L) => ReactNode; duration: (log: L) => ReactNode }) {
  return (
    <ul role="list" className="stack gap-3 divided">
      {logs.map((log) => (
        <li key={keyOf(log)} className="cluster cluster--spread">
          <p className="muted text-sm">{range(log)}</p>
          <span className="amount">{duration(log)}</span>
        </li>
      ))}
    </ul>
  );
}
