import type { Db } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import { lisbonDate } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import {
  DASHBOARD_LIST_SIZE,
  type ClientDashboardDto,
  type DashboardDto,
  type FinanceDashboardDto,
  type WorkerDashboardDto,
} from '../../contracts/dashboard.js';
import type { ServiceLineValue } from '../../contracts/payments.js';
import { subjectOf } from '../audit/audit.service.js';
import type { ReportsService } from '../reports/reports.service.js';
import type { ReceivablesService } from '../receivables/receivables.service.js';
import { instantsOf, lisbonMonth, rangeOfMonth, shiftMonth, weekOf } from '../reports/periods.js';
import type { DashboardRepository, JobRow } from './dashboard.repository.js';

const DAY_MS = 86_400_000;

type MonthRevenue = FinanceDashboardDto['revenue']['thisMonth'];

function toJob(r: JobRow) {
  return {
    id: r.id,
    jobType: r.job_type,
    status: r.status,
    scheduledDate: r.scheduled_date,
    scheduledTime: r.scheduled_time,
    estimatedMinutes: r.estimated_minutes,
    property: { id: r.property_id, name: r.property_name, addressLine1: r.address_line1, city: r.city },
  };
}

/** Revenue rows (month × line) folded into one entry per month, zeros where nothing accrued. */
function monthsOf(rows: Array<{ month: string; line: ServiceLineValue; net: number; total: number }>) {
  const byMonth = new Map<string, MonthRevenue>();
  const get = (month: string): MonthRevenue => {
    let m = byMonth.get(month);
    if (!m) {
      m = { month, laundryNetCents: 0, cleaningNetCents: 0, netCents: 0, totalCents: 0 };
      byMonth.set(month, m);
    }
    return m;
  };
  for (const r of rows) {
    const m = get(r.month);
    if (r.line === 'laundry') m.laundryNetCents += r.net;
    else m.cleaningNetCents += r.net;
    m.netCents += r.net;
    m.totalCents += r.total;
  }
  return get;
}

export function createDashboardService({
  db,
  repo,
  reports,
  receivables,
  clock,
}: {
  db: Db;
  repo: DashboardRepository;
  reports: ReportsService;
  receivables: ReceivablesService;
  clock: Clock;
}) {
  async function finance(actor: Actor): Promise<FinanceDashboardDto> {
    const now = clock.now();
    const today = lisbonDate(now);
    const month = lisbonMonth(now);
    const thisMonth = instantsOf(rangeOfMonth(month));
    const counts = await repo.counts(db, today, weekOf(today));
    // 24 months: this year's 12 and the same 12 a year before.
    const revenueRows = await reports.revenueByMonth(shiftMonth(month, -23), month);
    const cash = await reports.cashBetween(thisMonth.start, thisMonth.end);
    const outstanding = await receivables.summary(actor);
    const unpaid = await receivables.oldestOwed(DASHBOARD_LIST_SIZE);
    const activity = await repo.activity(db, DASHBOARD_LIST_SIZE);
    const revenueOf = monthsOf(revenueRows);
    const last12 = Array.from({ length: 12 }, (_, i) => shiftMonth(month, i - 11));
    return {
      view: 'finance',
      today,
      activeClients: counts.active_clients,
      laundryOpen: { received: counts.received, inProgress: counts.in_progress, ready: counts.ready },
      cleaningJobs: { today: counts.jobs_today, thisWeek: counts.jobs_week },
      revenue: { basis: 'accrual', thisMonth: revenueOf(month), lastMonth: revenueOf(shiftMonth(month, -1)) },
      received: { basis: 'cash', month, ...cash },
      outstanding: {
        ...outstanding,
        oldest: unpaid.map((u) => ({
          serviceLine: u.serviceLine,
          id: u.id,
          reference: u.reference,
          client: u.client,
          stage: u.stage,
          datedAt: u.datedAt,
          ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(u.datedAt)) / DAY_MS)),
          // Owed documents always have a total: only credits (left out here) have none.
          totalCents: u.totalCents ?? 0,
          paidCents: u.paidCents,
          balanceCents: u.balanceCents,
        })),
      },
      recentActivity: activity.map((a) => ({ at: a.at.toISOString(), action: a.action, entity: a.entity, entityId: a.entity_id, actorType: a.actor_type, subject: subjectOf(a) })),
      revenueByMonth: last12.map((m) => ({ ...revenueOf(m), previousYear: revenueOf(shiftMonth(m, -12)) })),
    };
  }

  async function worker(workerId: number): Promise<WorkerDashboardDto> {
    const today = lisbonDate(clock.now());
    const jobsToday = await repo.workerJobsOn(db, workerId, today);
    const upcoming = await repo.workerJobsAfter(db, workerId, today, DASHBOARD_LIST_SIZE);
    const queue = await repo.laundryQueue(db);
    return {
      view: 'worker',
      today,
      jobsToday: jobsToday.map(toJob),
      upcoming: upcoming.map(toJob),
      laundryQueue: { received: queue.received, inProgress: queue.in_progress, ready: queue.ready },
    };
  }

  async function client(clientId: number): Promise<ClientDashboardDto> {
    const today = lisbonDate(clock.now());
    const orders = await repo.clientOpenOrders(db, clientId);
    const jobs = await repo.clientJobsFrom(db, clientId, today, DASHBOARD_LIST_SIZE);
    return {
      view: 'client',
      today,
      openOrders: orders.map((o) => ({ id: o.id, orderNumber: o.order_number, status: o.status, expectedReadyDate: o.expected_ready_date })),
      upcomingJobs: jobs.map((r) => {
        const { estimatedMinutes: _e, ...job } = toJob(r);
        return job;
      }),
      unreadNotifications: await repo.unreadNotifications(db, clientId),
    };
  }

  return {
    /** The dashboard of whoever asks: finance for master/admin, their work for a worker, their own for a client. */
    async forActor(actor: Actor): Promise<DashboardDto> {
      if (actor.role === 'master' || actor.role === 'admin') return finance(actor);
      if (actor.role === 'worker') return worker(actor.id);
      return client(actor.id);
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
