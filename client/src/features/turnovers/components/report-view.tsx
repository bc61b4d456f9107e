import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import { formatDate, formatDateTime, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate } from '@/lib/lisbon-time';
import type { JobPhoto } from '@/features/photos/api/keys';
import { Gallery } from '@/features/photos/components/client-gallery';
import type { HostReport } from '@/features/turnovers/api/host-report-api';
import { IssueList } from '@/features/turnovers/components/job-issues';
import '@/features/laundry/laundry-strings';
import '@/features/turnovers/report-strings';
import '@/features/turnovers/turnovers.css';
import { JobSection, TimeRows } from '@/features/cleaning/components/job-page-parts';

/** The report's photos in the gallery's own shape, room by room as the server ordered them. */
function photosOf(report: HostReport): JobPhoto[] {
  return report.rooms.flatMap((room) => [...room.before, ...room.after, ...room.detail]).map((p) => ({ ...p, jobId: report.jobId }) as JobPhoto);
}

/** The title of a report: where and which day. */
export function reportTitle(report: HostReport, locale: ReturnType<typeof currentLocale>): { property: string; date: string } {
  return { property: report.property.name, date: formatDate(calendarDate(report.scheduledDate), locale, 'long') };
}

/**
 * The host's report of a completed turnover: time on site, checklist, photos by room (before beside
 * after), problems noted and the linen's laundry order. One view for the client's page, the staff page
 * and a shared link; only where the data comes from differs.
 */
export function ReportView({ report }: { report: HostReport }) {
  const { t } = useTranslation('hostReport');
  const { t: tl } = useTranslation('laundry');
  const locale = currentLocale();
  const minutes = report.timeOnSite.reduce((sum, l) => sum + (l.minutes ?? 0), 0);
  const photos = photosOf(report);
  const checklistSections = [...new Set(report.checklist.items.map((i) => i.section))];

  return (
    <div className="stack host-report">
      <p className="muted">{t('report.completedAt', { when: formatDateTime(report.completedAt, locale, 'medium') })}</p>
      <div className="property-page__grid">
        <JobSection id="report-time" icon="clock" title={t('report.time')}>
          {report.timeOnSite.length === 0 ? (
            <p className="muted">{t('report.noTime')}</p>
          ) : (
            <>
              <TimeRows
                logs={report.timeOnSite}
                keyOf={(l) => l.startedAt}
                range={(l) => t('report.timeRow', { start: formatTime(l.startedAt, locale), end: l.endedAt ? formatTime(l.endedAt, locale) : t('report.running') })}
                duration={(l) => (l.minutes !== null ? t('report.minutes', { count: l.minutes }) : null)}
              />
              <p className="strong">{t('report.total', { duration: t('report.minutes', { count: minutes }) })}</p>
            </>
          )}
        </JobSection>

        <JobSection id="report-linen" icon="washer" title={t('report.linen')}>
          {report.linen.order ? (
            <>
              <p className="strong">{t('report.linenOrder', { number: report.linen.order.orderNumber })}</p>
              <p>{t('report.linenStatus', { status: tl(`status.${report.linen.order.status}` as 'status.received', { defaultValue: report.linen.order.status }) })}</p>
              <ul role="list" className="stack gap-3">
                {report.linen.items.map((item) => (
                  <li key={item.linenItemId} className="cluster cluster--spread">
                    <span translate="no">{item.label}</span>
                    <span className="strong">{item.count}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('report.noLinen')}</p>
          )}
        </JobSection>
      </div>

      <JobSection id="report-checklist" icon="checkCircle" title={report.checklist.templateName ? `${t('report.checklist')} — ${report.checklist.templateName}` : t('report.checklist')}>
        {report.checklist.items.length === 0 ? <p className="muted">{t('report.noChecklist')}</p> : null}
        {report.checklist.waiver ? <p className="muted">{t('report.waived', { reason: report.checklist.waiver.reason })}</p> : null}
        {checklistSections.map((section) => (
          <div key={section} className="stack gap-2">
            <h3 className="text-base">{section}</h3>
            <ul role="list" className="stack gap-2">
              {report.checklist.items
                .filter((i) => i.section === section)
                .map((item) => (
                  <li key={item.id} className={item.done ? 'host-report__item' : 'host-report__item muted'}>
                    <Icon name={item.done ? 'check' : 'minus'} size={18} />
                    <span translate="no">{item.label}</span>
                    <span className="visually-hidden">{item.done ? t('report.done') : t('report.notDone')}</span>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </JobSection>

      <JobSection id="report-photos" icon="camera" title={t('report.photos')}>
        {photos.length === 0 ? <p className="muted">{t('report.noPhotos')}</p> : <Gallery photos={photos} />}
      </JobSection>

      <JobSection id="report-issues" icon="alertCircle" title={t('issues.title')}>
        <IssueList issues={report.issues} />
      </JobSection>
    </div>
  );
}
