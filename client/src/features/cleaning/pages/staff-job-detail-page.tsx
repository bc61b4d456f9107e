import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { Button, ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { formatDate, formatMoney, formatPhone, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';
import { useJob } from '@/features/cleaning/api/get-job';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { DoubleBookingNotice } from '@/features/cleaning/components/double-booking-notice';
import { HistoryList } from '@/features/cleaning/components/history-list';
import { CancelJobDialog, CompleteJobDialog } from '@/features/cleaning/components/job-dialogs';
import { JobPageHeader, JobSection } from '@/features/cleaning/components/job-page-parts';
import { MoneyCard } from '@/features/cleaning/components/money-card';
import { PhotosSection } from '@/features/cleaning/components/photos-section';
import { TeamCard } from '@/features/cleaning/components/team-card';
import { TimeLogsCard } from '@/features/cleaning/components/time-logs-card';
import { addressText, formatNumber, mapsHref } from '@/features/cleaning/job-format';
import { staffPaths } from '@/features/cleaning/paths';
import { useSavedState } from '@/features/cleaning/saved-state';
import { PaymentsBlock } from '@/features/payments/components/payments-block';
import { JobIssuesCard } from '@/features/turnovers/components/job-issues';
import { ReportLinkCard } from '@/features/turnovers/components/report-link-card';
import { reportPaths } from '@/features/turnovers/paths';
import { JobLinenCard } from '@/features/turnovers/components/job-linen-card';
import { StaffChecklistCard } from '@/features/turnovers/components/staff-checklist-card';
import '@/features/cleaning/cleaning.css';
import { ThreadPanel } from '@/features/conversations/components/thread-panel';

function SeriesText({ job }: { job: StaffJob }) {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  if (!job.series) return null;
  if (job.series.ended) return <>{t('detail.seriesEnded')}</>;
  const date = formatDate(calendarDate(job.series.until), locale, 'medium');
  if (job.series.frequency === 'monthly') return <>{t('detail.seriesMonthly', { date })}</>;
  return <>{job.series.interval > 1 ? t('detail.seriesEveryWeeks', { count: job.series.interval, date }) : t('detail.seriesWeekly', { date })}</>;
}

export default function StaffJobDetailPage() {
  const { t } = useTranslation('cleaning');
  const locale = currentLocale();
  const id = Number(useParams().id);
  const saved = useSavedState();
  const query = useJob<StaffJob>(id);
  const [dialog, setDialog] = useState<'complete' | 'cancel' | null>(null);

  if (!query.isSuccess) return <QueryFallback query={query} />;
  const job = query.data;
  const open = job.status === 'scheduled' || job.status === 'in_progress';
  const canComplete = job.allowedNext.includes('completed');
  const canCancel = job.allowedNext.includes('cancelled');

  return (
    <>
      <JobPageHeader
        job={job}
        backTo={staffPaths.list}
        backLabel={t('detail.back')}
        showNumber
        actions={
          <>
            {open ? (
              <ButtonLink href={staffPaths.edit(job.id)} variant="secondary">
                <Icon name="pencil" size={18} />
                {t('detail.edit')}
              </ButtonLink>
            ) : null}
            {canCancel ? (
              <Button variant="danger" onPress={() => setDialog('cancel')}>
                {t('detail.cancel')}
              </Button>
            ) : null}
            {canComplete ? (
              <Button variant="primary" onPress={() => setDialog('complete')}>
                <Icon name="checkCircle" size={18} />
                {t('detail.complete')}
              </Button>
            ) : null}
          </>
        }
      />

      <div className="stack">
        {saved ? <Notice tone="success">{saved.saved === 'booked' ? t('detail.booked', { count: saved.count }) : t('detail.saved')}</Notice> : null}
        {saved ? <DoubleBookingNotice warnings={saved.warnings} jobHref={staffPaths.detail} /> : null}
        {job.status === 'cancelled' && job.cancelReason ? <Notice tone="warning">{t('detail.cancelledBecause', { reason: job.cancelReason })}</Notice> : null}

        <div className="detail-layout">
          <div className="stack">
            <JobSection id="job-summary" title={t('detail.summary')}>
              <dl className="facts">
                <div>
                  <dt>{t('detail.client')}</dt>
                  <dd translate="no">
                    {job.client.name}
                    <span className="facts__sub">
                      <a href={`tel:${job.client.phone}`}>{formatPhone(job.client.phone)}</a>
                      {job.client.email ? (
                        <>
                          {' · '}
                          <a href={`mailto:${job.client.email}`}>{job.client.email}</a>
                        </>
                      ) : null}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>{t('detail.place')}</dt>
                  <dd translate="no">
                    <Link to={`/admin/properties/${job.property.id}`}>{job.property.name}</Link>
                    <span className="facts__sub">
                      <a href={mapsHref(job.property)} target="_blank" rel="noreferrer">
                        {addressText(job.property)}
                      </a>
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>{t('detail.when')}</dt>
                  <dd>
                    {t('at', { date: formatDate(calendarDate(job.scheduledDate), locale, 'long'), time: job.scheduledTime })}
                    <span className="facts__sub">{t('timeRange', { start: job.scheduledTime, end: formatTime(job.scheduledEndAt, locale) })}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('detail.estimated')}</dt>
                  <dd>{t('detail.estimatedValue', { hours: formatNumber(job.estimatedHours, locale) })}</dd>
                </div>
                <div>
                  <dt>{t('detail.rate')}</dt>
                  <dd>
                    {formatMoney(job.hourlyRateCents, locale)}
                    {job.clientPrice ? <span className="facts__sub">{t('detail.clientPrice')}</span> : null}
                  </dd>
                </div>
                {job.series ? (
                  <div>
                    <dt>{t('detail.series')}</dt>
                    <dd>
                      <SeriesText job={job} />
                    </dd>
                  </div>
                ) : null}
                <div className="facts__wide">
                  <dt>{t('detail.access')}</dt>
                  <dd className="facts__text" translate={job.property.accessInstructions ? 'no' : undefined}>
                    {job.property.accessInstructions || <span className="muted">{t('detail.noAccess')}</span>}
                  </dd>
                </div>
                <div className="facts__wide">
                  <dt>{t('detail.instructions')}</dt>
                  <dd className="facts__text" translate={job.specialInstructions ? 'no' : undefined}>
                    {job.specialInstructions || <span className="muted">{t('detail.none')}</span>}
                  </dd>
                </div>
                <div className="facts__wide">
                  <dt>{t('detail.internalNotes')}</dt>
                  <dd className="facts__text" translate={job.internalNotes ? 'no' : undefined}>
                    {job.internalNotes || <span className="muted">{t('detail.none')}</span>}
                  </dd>
                </div>
              </dl>
            </JobSection>
            <TimeLogsCard jobId={job.id} logs={job.timeLogs ?? []} canCorrect />
            <StaffChecklistCard jobId={job.id} open={job.status === 'scheduled' || job.status === 'in_progress'} />
            {job.jobType === 'airbnb' ? <JobLinenCard jobId={job.id} open={job.status === 'scheduled' || job.status === 'in_progress'} orderHref={(id) => `/admin/laundry/${id}`} /> : null}
            {job.status === 'completed' && job.jobType === 'airbnb' ? <ReportLinkCard href={reportPaths.staff(job.id)} /> : null}
            <JobIssuesCard jobId={job.id} canRaise={job.status !== 'cancelled'} />
            <PhotosSection jobId={job.id} />
          </div>
          <div className="stack">
            <ThreadPanel subject="cleaning_job" subjectId={job.id} />
            <TeamCard job={job} />
            {job.status === 'cancelled' ? null : <MoneyCard title={t('detail.money')} price={job.price} estimate={job.estimate} estimateNote={t('detail.estimateNote')} />}
            {job.payments ? (
              <PaymentsBlock
                target={{ line: 'cleaning', id: job.id }}
                reference={t('jobNumber', { id: job.id })}
                clientName={job.client.name}
                summary={job.payments}
                cancelled={job.status === 'cancelled'}
                canIssueReceipt={job.status === 'completed'}
                onAccount={job.client.billing === 'monthly'}
                remindedAt={job.remindedAt}
              />
            ) : null}
            <HistoryList history={job.history ?? []} />
          </div>
        </div>
      </div>

      {dialog === 'complete' ? <CompleteJobDialog job={job} onClose={() => setDialog(null)} /> : null}
      {dialog === 'cancel' ? <CancelJobDialog job={job} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
