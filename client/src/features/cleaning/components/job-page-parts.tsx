import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleaningStatusValue } from '@contracts/cleaning';
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

/** A titled card of a job page, its heading (with an optional icon) naming the region. */
export function JobSection({ id, title, icon, children }: { id: string; title: ReactNode; icon?: IconName; children: ReactNode }) {
  return (
    <section className="card stack gap-4" aria-labelledby={id}>
      <h2 id={id} className="card__title job-section__title">
        {icon ? <Icon name={icon} size={20} /> : null}
        {title}
      </h2>
      {children}
    </section>
  );
}
