import { z } from 'zod';
import { AuditSubject } from './audit.js';
import { CashLine } from './reports.js';
import { ServiceLine } from './payments.js';
import { ReceivableStage, ReceivablesSummary } from './receivables.js';

/**
 * The home dashboard: one route whose answer depends on who asks (`view`). Finance figures go to
 * master and admin only; the worker view carries no money field at all; a client sees only their own.
 * Dates are Lisbon calendar dates. Pure: no Node imports.
 */

/** How many rows the unpaid list and the activity feed carry. */
export const DASHBOARD_LIST_SIZE = 10;

const int = z.number().int();

const MonthRevenue = z
  .object({
    month: z.string().meta({ description: 'YYYY-MM (Lisbon).' }),
    laundryNetCents: int,
    cleaningNetCents: int,
    netCents: int.meta({ description: 'Net of VAT, laundry + cleaning.' }),
    totalCents: int.meta({ description: 'With VAT.' }),
  })
  .meta({ id: 'DashboardMonthRevenue' });

export const UnpaidDocument = z
  .object({
    serviceLine: ServiceLine,
    id: int.meta({ description: 'The laundry order or cleaning job id.' }),
    reference: z.string().meta({ description: 'Order number, or CLN-<id> for a cleaning job.' }),
    client: z.object({ id: int, name: z.string() }),
    stage: ReceivableStage,
    datedAt: z.string().meta({ description: 'When the work was collected, delivered or completed.' }),
    ageDays: int.meta({ description: 'Whole days since datedAt.' }),
    totalCents: int,
    paidCents: int.meta({ description: 'Payments kept (tips and voided records left out), net of refunds.' }),
    balanceCents: int,
  })
  .meta({ id: 'DashboardUnpaidDocument' });

export const ActivityEntry = z
  .object({
    at: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    actorType: z.enum(['user', 'client', 'system', 'anonymous']),
    subject: AuditSubject,
  })
  .meta({ id: 'DashboardActivity', description: 'An audit-log line without its values, IP or who, with the job, order and client it is about.' });

const LaundryQueue = z
  .object({ received: int, inProgress: int, ready: int })
  .meta({ id: 'DashboardLaundryQueue', description: 'Open laundry orders by status.' });

export const FinanceDashboard = z
  .object({
    view: z.literal('finance'),
    today: z.string(),
    activeClients: int,
    laundryOpen: LaundryQueue,
    cleaningJobs: z.object({
      today: int.meta({ description: 'Jobs booked for today, not cancelled.' }),
      thisWeek: int.meta({ description: 'Jobs booked Monday to Sunday of this week, not cancelled.' }),
    }),
    revenue: z
      .object({ basis: z.literal('accrual'), thisMonth: MonthRevenue, lastMonth: MonthRevenue })
      .meta({ description: 'Revenue on the accrual date (PRODUCT §4).' }),
    received: CashLine.extend({ basis: z.literal('cash'), month: z.string() }).meta({
      description: 'Money received this month on the payment date (cash basis), net of refunds.',
    }),
    outstanding: ReceivablesSummary.extend({
      oldest: z.array(UnpaidDocument).meta({ description: `The ${DASHBOARD_LIST_SIZE} oldest accrued documents still owed (GET /api/receivables has them all).` }),
    }).meta({ description: 'What clients owe, by the one definition of GET /api/receivables/summary (ADR 0014).' }),
    recentActivity: z.array(ActivityEntry),
    revenueByMonth: z
      .array(MonthRevenue.extend({ previousYear: MonthRevenue }))
      .meta({ description: 'The last 12 months, oldest first, each with the same month a year before.' }),
  })
  .meta({ id: 'FinanceDashboard' });

const WorkerJob = z
  .object({
    id: int,
    jobType: z.enum(['airbnb', 'house']),
    status: z.enum(['scheduled', 'in_progress', 'completed', 'cancelled']),
    scheduledDate: z.string(),
    scheduledTime: z.string().meta({ description: 'HH:MM (Lisbon).' }),
    estimatedMinutes: int,
    property: z.object({ id: int, name: z.string(), addressLine1: z.string(), city: z.string() }),
  })
  .meta({ id: 'DashboardJob' });

export const WorkerDashboard = z
  .object({
    view: z.literal('worker'),
    today: z.string(),
    jobsToday: z.array(WorkerJob),
    upcoming: z.array(WorkerJob).meta({ description: `The next ${DASHBOARD_LIST_SIZE} scheduled jobs after today.` }),
    laundryQueue: LaundryQueue,
  })
  .meta({ id: 'WorkerDashboard' });

export const ClientDashboard = z
  .object({
    view: z.literal('client'),
    today: z.string(),
    openOrders: z.array(
      z.object({
        id: int,
        orderNumber: z.string(),
        status: z.enum(['received', 'in_progress', 'ready']),
        expectedReadyDate: z.string().nullable(),
      }),
    ),
    upcomingJobs: z.array(WorkerJob.omit({ estimatedMinutes: true })),
    unreadNotifications: int,
  })
  .meta({ id: 'ClientDashboard' });

export const Dashboard = z.discriminatedUnion('view', [FinanceDashboard, WorkerDashboard, ClientDashboard]).meta({ id: 'Dashboard' });

export type FinanceDashboardDto = z.infer<typeof FinanceDashboard>;
export type WorkerDashboardDto = z.infer<typeof WorkerDashboard>;
export type ClientDashboardDto = z.infer<typeof ClientDashboard>;
export type DashboardDto = z.infer<typeof Dashboard>;
export type UnpaidDocumentDto = z.infer<typeof UnpaidDocument>;
