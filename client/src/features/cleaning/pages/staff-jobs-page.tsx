import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/features/cleaning/cleaning-strings';
import { ButtonLink } from '@/components/button';
import { LoadMore } from '@/components/pager';
import { CsvExportButton } from '@/components/csv-export';
import { FiltersSheet } from '@/components/filters-sheet';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { EmptyState, QueryFallback } from '@/components/states';
import { useJobList } from '@/features/cleaning/api/list-jobs';
import type { StaffJob } from '@/features/cleaning/api/keys';
import { JobFiltersPanel } from '@/features/cleaning/components/job-filters';
import { JobList } from '@/features/cleaning/components/job-list';
import { WeekCalendar } from '@/features/cleaning/components/week-calendar';
import { useJobFilters } from '@/features/cleaning/use-job-filters';
import { staffPaths } from '@/features/cleaning/paths';
import '@/features/cleaning/cleaning.css';

function ListView({ filters }: { filters: ReturnType<typeof useJobFilters>['filters'] }) {
  const { t } = useTranslation('cleaning');
  const list = useJobList<StaffJob>(filters);
  if (!list.isSuccess) return <QueryFallback query={list} />;
  const jobs = list.data.pages.flatMap((p) => p.items);
  const meta = list.data.pages[0]?.meta;
  if (jobs.length === 0) {
    return (
      <EmptyState icon="sparkles" title={t('list.emptyTitle')} actions={<ButtonLink href={staffPaths.new} variant="primary">{t('list.newJob')}</ButtonLink>}>
        {t('list.emptyText')}
      </EmptyState>
    );
  }
  return (
    <div className="stack stack--sm">
      {meta?.total !== undefined ? (
        <p className="muted job-list__count" role="status">
          {meta.totalCapped ? t('list.countCapped', { count: meta.total }) : t('list.count', { count: meta.total })}
        </p>
      ) : null}
      <JobList jobs={jobs} hrefOf={staffPaths.detail} />
      <LoadMore query={list} />
    </div>
  );
}

export default function StaffJobsPage() {
  const { t } = useTranslation('cleaning');
  const { filters, activeCount, view, week, setFilters, setView, setWeek, clear } = useJobFilters();
  return (
    <>
      <PageHeader
        title={t('list.title')}
        lead={t('list.lead')}
        actions={
          <>
            {/* The export takes the filters it shares with the list: status, dates, client and team member. */}
            <CsvExportButton
              path="/api/exports/cleaning-jobs.csv"
              params={{ status: filters.status?.join(','), from: filters.from, to: filters.to, clientId: filters.clientId, workerId: filters.workerId }}
            />
            <ButtonLink href={staffPaths.new} variant="primary">
              <Icon name="plus" size={18} />
              {t('list.newJob')}
            </ButtonLink>
          </>
        }
      />
      <div className="stack">
        <nav className="account-switch view-switch" aria-label={t('list.viewLabel')}>
          <Link
            to={{ search: viewSearch('list') }}
            onClick={(event) => {
              event.preventDefault();
              setView('list');
            }}
            className="account-switch__option"
            aria-current={view === 'list' ? 'page' : undefined}
            data-selected={view === 'list' ? '' : undefined}
          >
            <Icon name="menu" size={18} />
            {t('list.viewList')}
          </Link>
          <Link
            to={{ search: viewSearch('week') }}
            onClick={(event) => {
              event.preventDefault();
              setView('week');
            }}
            className="account-switch__option"
            aria-current={view === 'week' ? 'page' : undefined}
            data-selected={view === 'week' ? '' : undefined}
          >
            <Icon name="calendar" size={18} />
            {t('list.viewWeek')}
          </Link>
        </nav>
        <FiltersSheet activeCount={activeCount}>
          <JobFiltersPanel filters={filters} onChange={setFilters} onClear={clear} showDates={view === 'list'} />
        </FiltersSheet>
        {view === 'week' ? <WeekCalendar week={week} onWeekChange={setWeek} filters={{ ...filters, from: undefined, to: undefined }} hrefOf={staffPaths.detail} /> : <ListView filters={filters} />}
      </div>
    </>
  );
}

function viewSearch(view: 'list' | 'week') {
  return view === 'week' ? '?view=week' : '';
}
