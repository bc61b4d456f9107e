import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WorkerDashboardDto } from '@contracts/dashboard';
import type { LocaleCode } from '@contracts/auth';
import '@/features/home/home-strings';
import { ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { EmptyState, QueryView } from '@/components/states';
import { SHELL_BASE } from '@/app/paths';
import { formatTime, TIME_ZONE } from '@/lib/format';
import { currentLocale, LOCALE_TAGS } from '@/lib/i18n';
import { calendarDate, lisbonInstant } from '@/lib/lisbon-time';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useWorkerDashboard } from '@/features/home/api/get-home-dashboard';
import { GreetingHeader } from '@/features/home/components/greeting-header';
import { HomeCard, HomeLinkList } from '@/features/home/components/home-card';
import '@/components/kit.css';
import './role-home.css';

/** The badge tone of a job's status, as on the cleaning screens. */
const STATUS_TONE: Record<WorkerDashboardDto['jobsToday'][number]['status'], string> = {
  scheduled: ' badge--info',
  in_progress: ' badge--warning',
  completed: ' badge--success',
  cancelled: '',
};

type Job = WorkerDashboardDto['jobsToday'][number];

const jobPath = (id: number) => `${SHELL_BASE.worker}/cleaning/${id}`;

function endTime(job: Job, locale: LocaleCode): string {
  return formatTime(lisbonInstant(job.scheduledDate, job.scheduledTime).getTime() + job.estimatedMinutes * 60_000, locale);
}

/** "quarta-feira, 3 de dez." / "Wednesday 3 Dec": a day soon, as people say it. */
function dayText(date: string, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'short' }).format(calendarDate(date));
}

function hoursText(minutes: number, locale: LocaleCode) {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits: 1 }).format(minutes / 60);
}

function mapsHref(job: Job) {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(`${job.property.addressLine1}, ${job.property.city}`)}`;
}

/** One of today's jobs: when, where (with the map), and the one action that matters now. */
function TodayJob({ job }: { job: Job }) {
  const { t } = useTranslation('home');
  const locale = currentLocale();
  const action = job.status === 'in_progress' ? 'continue' : job.status === 'scheduled' ? 'start' : 'open';
  return (
    <li className={`tile stack gap-2 home-job home-job--${job.status}`}>
      <div className="cluster cluster--spread gap-2">
        <span className="amount text-lg">
          {job.scheduledTime}–{endTime(job, locale)}
        </span>
        <span className={`badge${STATUS_TONE[job.status]}`}>{t(`worker.status.${job.status}`)}</span>
      </div>
      <h3 className="text-lg">
        <Link to={jobPath(job.id)} className="home-job__link" translate="no">
          {job.property.name}
        </Link>
      </h3>
      <a className="home-job__address strong user-text" href={mapsHref(job)} target="_blank" rel="noreferrer">
        <Icon name="mapPin" size={18} />
        <span translate="no">
          {job.property.addressLine1}, {job.property.city}
        </span>
      </a>
      <p className="muted text-sm">
        {t(`worker.jobType.${job.jobType}`)} · {t('worker.hours', { count: job.estimatedMinutes / 60, formatted: hoursText(job.estimatedMinutes, locale) })}
      </p>
      <ButtonLink href={jobPath(job.id)} variant={action === 'open' ? 'secondary' : 'primary'} size="lg" block>
        {action === 'open' ? <Icon name="chevronRight" size={20} /> : <Icon name="play" size={20} />}
        {t(`worker.${action}`)}
      </ButtonLink>
    </li>
  );
}

function Upcoming({ jobs }: { jobs: Job[] }) {
  const { t } = useTranslation('home');
  const locale = currentLocale();
  return (
    <HomeCard id="home-upcoming-title" title={t('worker.upcomingTitle')} more={{ to: `${SHELL_BASE.worker}/cleaning`, label: t('worker.allJobs') }}>
      <HomeLinkList
        empty={t('worker.noUpcoming')}
        items={jobs.map((job) => ({
          key: job.id,
          to: jobPath(job.id),
          title: <span translate="no">{job.property.name}</span>,
          sub: `${dayText(job.scheduledDate, locale)} · ${job.scheduledTime} · ${job.property.city}`,
          subClassName: 'capitalize-first',
        }))}
      />
    </HomeCard>
  );
}

function LaundryQueue({ queue }: { queue: WorkerDashboardDto['laundryQueue'] }) {
  const { t } = useTranslation('home');
  const counts = [
    { key: 'laundryReceived', value: queue.received },
    { key: 'laundryInProgress', value: queue.inProgress },
    { key: 'laundryReady', value: queue.ready },
  ] as const;
  return (
    <HomeCard id="home-laundry-title" title={t('worker.laundryTitle')}>
      <dl className="home-counts">
        {counts.map((c) => (
          <div key={c.key} className="panel stack gap-0-5">
            <dt className="muted text-xs strong">{t(`worker.${c.key}`)}</dt>
            <dd className="amount text-2xl">{c.value}</dd>
          </div>
        ))}
      </dl>
      <ButtonLink href={`${SHELL_BASE.worker}/laundry`} variant="soft" block>
        <Icon name="washer" size={18} />
        {t('worker.openQueue')}
      </ButtonLink>
    </HomeCard>
  );
}

/** A worker's phone home: today's jobs with Start/Continue, what comes next and the laundry queue. */
export default function WorkerHomePage() {
  const { t } = useTranslation('home');
  const principal = usePrincipal();
  const dashboard = useWorkerDashboard();
  return (
    <>
      <GreetingHeader principal={principal} lead={t('worker.lead')} />
      <QueryView query={dashboard}>
        {(data) => (
          <div className="detail-layout detail-layout--wide-side">
            <section className="stack gap-3" aria-labelledby="home-today-title">
              <h2 id="home-today-title" className="cluster gap-2 text-xl">
                {t('worker.todayTitle')}
                <span className="strong muted text-sm">{t('worker.todayCount', { count: data.jobsToday.length })}</span>
              </h2>
              {data.jobsToday.length === 0 ? (
                <EmptyState icon="calendar" title={t('worker.noJobsTitle')}>
                  {t('worker.noJobsText')}
                </EmptyState>
              ) : (
                <ul role="list" className="stack gap-3">
                  {data.jobsToday.map((job) => (
                    <TodayJob key={job.id} job={job} />
                  ))}
                </ul>
              )}
            </section>
            <div className="stack">
              <LaundryQueue queue={data.laundryQueue} />
              <Upcoming jobs={data.upcoming} />
              <ButtonLink href={`${SHELL_BASE.worker}/tickets`} variant="ghost" block>
                <Icon name="ticket" size={18} />
                {t('worker.ticketsLink')}
              </ButtonLink>
            </div>
          </div>
        )}
      </QueryView>
    </>
  );
}
