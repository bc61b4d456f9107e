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
        <section className="card stack gap-4" aria-labelledby="report-time">
          <h2 id="report-time" className="card__title job-section__title">
            <Icon name="clock" size={20} />
            {t('report.time')}
          </h2>
          {report.timeOnSite.length === 0 ? (
            <p className="muted">{t('report.noTime')}</p>
          ) : (
            <>
              <ul role="list" className="stack gap-3 divided">
                {report.timeOnSite.map((l) => (
                  <li key={l.startedAt} className="log">
                    <p className="muted text-sm tabular">{t('report.timeRow', { start: formatTime(l.startedAt, locale), end: l.endedAt ? formatTime(l.endedAt, locale) : t('report.running') })}</p>
                    <span className="log__duration">{l.minutes !== null ? t('report.minutes', { count: l.minutes }) : null}</span>
                  </li>
                ))}
              </ul>
              <p className="strong">{t('report.total', { duration: t('report.minutes', { count: minutes }) })}</p>
            </>
          )}
        </section>

        <section className="card stack gap-4" aria-labelledby="report-linen">
          <h2 id="report-linen" className="card__title job-section__title">
            <Icon name="washer" size={20} />
            {t('report.linen')}
          </h2>
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
        </section>
      </div>

      <section className="card stack gap-4" aria-labelledby="report-checklist">
        <h2 id="report-checklist" className="card__title job-section__title">
          <Icon name="checkCircle" size={20} />
          {report.checklist.templateName ? `${t('report.checklist')} — ${report.checklist.templateName}` : t('report.checklist')}
        </h2>
        {report.checklist.items.length === 0 ? <p className="muted">{t('report.noChecklist')}</p> : null}
        {report.checklist.waiver ? <p className="muted">{t('report.waived', { reason: report.checklist.waiver.reason })}</p> : null}
        {checklistSections.map((section) => (
          <div key={section} className="stack gap-2">
            <h3 className="text-base">{section}</h3>
            <ul role="list" className="stack gap-2">
              {report.checklist.items
                .filter((i) => i.section === section)
                .map((item) => (
                  <li key={item.id} className={`host-report__item${item.done ? ' is-done' : ''}`}>
                    <Icon name={item.done ? 'check' : 'minus'} size={18} />
                    <span translate="no">{item.label}</span>
                    <span className="visually-hidden">{item.done ? t('report.done') : t('report.notDone')}</span>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>

      <section className="card stack gap-4" aria-labelledby="report-photos">
        <h2 id="report-photos" className="card__title job-section__title">
          <Icon name="camera" size={20} />
          {t('report.photos')}
        </h2>
        {photos.length === 0 ? <p className="muted">{t('report.noPhotos')}</p> : <Gallery photos={photos} />}
      </section>

      <section className="card stack gap-4" aria-labelledby="report-issues">
        <h2 id="report-issues" className="card__title job-section__title">
          <Icon name="alertCircle" size={20} />
          {t('issues.title')}
        </h2>
        <IssueList issues={report.issues} />
      </section>
    </div>
  );
}
