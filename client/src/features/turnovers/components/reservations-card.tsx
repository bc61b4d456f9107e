import { Link } from 'react-router';
import type { CleaningStatusValue } from '@contracts/cleaning';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { DataTable } from '@/components/table-card';
import { QueryView } from '@/components/states';
import { formatDate, formatDateTime, formatTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { calendarDate, lisbonDate } from '@/lib/lisbon-time';
import { JobStatusBadge } from '@/features/cleaning/components/job-status-badge';
import { useReservations } from '@/features/turnovers/api/turnovers-api';
import '@/features/turnovers/turnovers-strings';
import '@/components/kit.css';

const nightsBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The stays read from the property's calendars, from today on, each with the turnover booked for its check-out. */
export function ReservationsCard({ propertyId, jobHref }: { propertyId: number; jobHref: (id: number) => string }) {
  const { t } = useTranslation('turnovers');
  const locale = currentLocale();
  const reservations = useReservations(propertyId, lisbonDate());
  const day = (date: string) => formatDate(calendarDate(date), locale, 'medium');

  return (
    <Card id="reservations-title" title={t('reservations.title')} lead={t('reservations.lead')}>
      <QueryView query={reservations} empty={{ icon: 'calendar', title: t('reservations.none'), text: t('reservations.noneText') }}>
        {(data) => (
          <DataTable
            caption={t('reservations.tableLabel')}
            className="data-table--rows"
            columns={[t('reservations.stay'), t('reservations.source'), t('reservations.turnover')]}
          >
            {data.map((r) => (
              <tr key={r.id} className={r.status === 'cancelled' ? 'reservation--cancelled' : undefined}>
                <th scope="row" data-label={t('reservations.stay')} data-phone="title">
                  <span className="strong">
                    {day(r.checkIn)} → {day(r.checkOut)}
                  </span>{' '}
                  <span className="muted">{t('reservations.nights', { count: nightsBetween(r.checkIn, r.checkOut) })}</span>
                  {r.status === 'cancelled' ? <span className="badge badge--danger">{t('reservations.cancelled')}</span> : null}
                </th>
                <td data-label={t('reservations.source')} data-phone="detail">
                  <span translate="no">{r.calendarLabel}</span>
                </td>
                <td data-label={t('reservations.turnover')} data-phone="title-end">
                  {r.job ? (
                    <span className="cluster gap-2">
                      <Link to={jobHref(r.job.id)} aria-label={t('reservations.openJob', { date: day(r.checkOut) })}>
                        {formatDateTime(r.job.scheduledStartAt, locale, 'short')}
                      </Link>
                      <JobStatusBadge status={r.job.status as CleaningStatusValue} />
                      {r.job.backToBack ? <span className="badge badge--warning">{t('reservations.backToBack')}</span> : null}
                      {r.job.backToBack && r.job.deadlineAt ? <span className="muted">{t('reservations.deadline', { time: formatTime(r.job.deadlineAt, locale) })}</span> : null}
                    </span>
                  ) : (
                    <span className="muted">{t('reservations.noJob')}</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </Card>
  );
}
