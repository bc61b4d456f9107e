import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import type { Actor } from '../../lib/request-context.js';
import type { SettingKey, SettingValues } from '../../contracts/settings.js';
import type { PaymentSummaryDto } from '../../contracts/payments.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { ACCESS_INSTRUCTIONS_CONTEXT } from '../properties/properties.service.js';
import { estimateCleaning } from './cleaning-pricing.js';
import { allowedNext, isOpen, type CleaningStatus } from './cleaning-status.js';
import type { JobDetailRow, JobListRow, JobRow } from './cleaning-rows.js';
import type { CleaningRepository } from './cleaning.repository.js';
import { labourSecondsOf, toClientView, toStaffView, toWorkerView, type ViewExtras } from './cleaning.mappers.js';

/**
 * What every cleaning use case shares: the dependencies, who may see a job, and the job as each
 * audience sees it. The use cases themselves live in cleaning-booking.ts (book, edit, cancel,
 * repeat) and cleaning-time-on-site.ts (start, end, complete, correct).
 */

/** The settings a cleaning job reads, fresh on every use (no per-instance cache). */
export interface CleaningSettings {
  all(q?: Queryable): Promise<SettingValues>;
  /** Settings read inside another statement: a select-list column and its reader (settings service `pick`). */
  pick<K extends SettingKey>(keys: readonly K[]): { column(alias: string): string; read(stored: unknown): Pick<SettingValues, K> };
}

/** What a job's view needs of the settings: the VAT rate of its estimate, the access instructions' lead time. */
export type ViewSettings = Pick<SettingValues, 'vatRateBasisPoints' | 'accessInstructionsLeadHours'>;
export const VIEW_SETTING_KEYS = ['vatRateBasisPoints', 'accessInstructionsLeadHours'] as const;

/**
 * A rule another module adds before a job may be completed (photos: "at least one after photo").
 * It throws an AppError (409) naming what is missing.
 */
export type CompletionRequirement = (tx: Queryable, job: { id: number; clientId: number; jobType: 'airbnb' | 'house' }) => Promise<void>;

/**
 * Work another module does when a job is completed, inside the completion's transaction (a turnover's
 * linen becomes a laundry order), so the two commit or fail together.
 */
export type CompletionStep = (tx: Queryable, job: { id: number; clientId: number; propertyId: number; jobType: 'airbnb' | 'house'; actor: Actor }) => Promise<void>;

/** What a caller may do with a job, for modules built on jobs (photos). */
export interface JobAccess {
  jobId: number;
  clientId: number;
  propertyId: number;
  status: CleaningStatus;
  /** Staff on any job, a worker on a job they are assigned to. */
  canUpload: boolean;
}

export interface CleaningServiceDeps {
  db: Db;
  repo: CleaningRepository;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  notifications: NotificationsService;
  settings: CleaningSettings;
  cipher: FieldCipher;
  /** A client's own hourly rate on a Lisbon day (issue 19 §7), answered by the client-prices module. */
  clientPrices?: { cleaningHourOn(q: Queryable, clientId: number, day: string): Promise<number | undefined> };
  /** The payments block of a job's detail (staff views), answered by the payments module. */
  payments?: {
    summary(q: Queryable, jobId: number): Promise<PaymentSummaryDto | null>;
    /** Select-list columns about the job `j.id`, added to the detail's own statement … */
    detailColumns: string;
    /** … and the payments block made from them (the VAT rate in force given, for an unpriced job's estimate). */
    fromColumns(q: Queryable, row: object, vatRateBasisPoints: number): Promise<PaymentSummaryDto | null>;
  };
}

export const STAFF = new Set(['master', 'admin']);
export const isStaff = (actor: Actor) => STAFF.has(actor.role);
/** Phone clocks drift: a tap up to this far "in the future" is taken as now rather than refused. */
export const CLOCK_SKEW_MS = 60_000;

export const JOB_VALUE_FIELDS = [
  'status',
  'jobType',
  'propertyId',
  'scheduledDate',
  'scheduledTime',
  'estimatedMinutes',
  'hourlyRateCents',
  'workerIds',
  'labourMinutes',
  'labourSeconds',
  'billableMinutes',
  'billingIncrementMinutes',
  'vatRateBasisPoints',
  'subtotalCents',
  'vatCents',
  'totalCents',
] as const;

export function auditSnapshot(j: JobRow) {
  return {
    status: j.status,
    jobType: j.job_type,
    propertyId: j.property_id,
    scheduledDate: j.scheduled_date,
    scheduledTime: j.scheduled_time,
    estimatedMinutes: j.estimated_minutes,
    hourlyRateCents: j.hourly_rate_cents,
    workerIds: j.workers.map((w) => w.id),
    labourMinutes: j.labour_minutes,
    labourSeconds: labourSecondsOf(j),
    billableMinutes: j.billable_minutes,
    billingIncrementMinutes: j.billing_increment_minutes,
    vatRateBasisPoints: j.vat_rate_bp,
    subtotalCents: j.subtotal_cents,
    vatCents: j.vat_cents,
    totalCents: j.total_cents,
    specialInstructions: j.special_instructions,
    internalNotes: j.internal_notes,
    cancelReason: j.cancel_reason,
  };
}

export const staleVersion = () => new AppError(409, 'STALE_VERSION', 'This job was changed by someone else. Reload it and try again.');
export const jobClosed = (status: string) => conflict('JOB_CLOSED', `The job is ${status} and can no longer be edited.`);
export const notRecurring = () => badRequest('NOT_RECURRING', 'This job does not repeat; use scope "this".');
export const openLogElsewhere = (jobId?: number) =>
  conflict('OPEN_LOG_ON_ANOTHER_JOB', 'This worker is still clocked in on another job; end that one first.', jobId ? { jobId } : undefined);
export const field = (path: string, code: string, message: string) => [{ path, message, code }];

export function createCleaningContext(deps: CleaningServiceDeps) {
  const { repo, clock, audit, settings, cipher, payments } = deps;
  // Read in the list page's and the detail's own statement rather than by a statement of their own.
  const viewSettings = settings.pick(VIEW_SETTING_KEYS);
  const completionRequirements: CompletionRequirement[] = [];
  const completionSteps: CompletionStep[] = [];

  async function loadVisible(q: Queryable, actor: Actor, id: number, forUpdate = false): Promise<JobRow> {
    const row = await repo.findJob(q, id, forUpdate);
    // Not yours is the same answer as not there (PRODUCT §5), for every role.
    if (!row) throw notFound('No such cleaning job.');
    if (actor.role === 'client' && row.client_id !== actor.id) throw notFound('No such cleaning job.');
    if (actor.role === 'worker' && !(await repo.isAssigned(q, id, actor.id))) throw notFound('No such cleaning job.');
    return row;
  }

  const decrypt = (row: JobRow) => (row.access_instructions_enc ? cipher.decrypt(row.access_instructions_enc, ACCESS_INSTRUCTIONS_CONTEXT) : null);
  const accessFrom = (row: JobListRow, values: Pick<SettingValues, 'accessInstructionsLeadHours'>) => new Date(row.scheduled_start_at.getTime() - values.accessInstructionsLeadHours * 3_600_000);

  function estimateOf(row: JobListRow, values: Pick<SettingValues, 'vatRateBasisPoints'>) {
    return estimateCleaning({
      estimatedMinutes: row.estimated_minutes,
      workerCount: Math.max(1, row.workers.length),
      hourlyRateCents: row.hourly_rate_cents,
      vatRateBasisPoints: values.vatRateBasisPoints,
    });
  }

  /** Records that a worker read a property's access instructions (each view is audited). */
  const recordAccessView = (q: Queryable, propertyId: number, jobId: number) =>
    audit.record(q, { action: 'view_access_instructions', entity: 'property', entityId: propertyId, after: { jobId }, valueFields: ['jobId'] });

  /**
   * The job as this caller may see it. `detail` adds time logs and history; `reveal` (the job detail
   * only) adds the access instructions for staff, and for a worker inside their window, audited.
   * `read`: the detail's parts already read with the job (`repo.findJobDetail`), else each is read here;
   * `values`: the view's settings when the same statement read them (`viewSettings`).
   */
  async function view(q: Queryable, actor: Actor, row: JobRow, opts: { detail?: boolean; reveal?: boolean; read?: JobDetailRow; values?: ViewSettings } = {}) {
    const values = opts.values ?? (await settings.all(q));
    const read = opts.read;
    const extras: ViewExtras = !opts.detail
      ? {}
      : read
        ? { timeLogs: read.time_logs, history: read.history, photoCounts: read.photo_counts }
        : { timeLogs: await repo.timeLogs(q, row.id), history: await repo.history(q, row.id), photoCounts: await repo.photoCounts(q, row.id) };
    if (isStaff(actor)) {
      if (opts.reveal) extras.accessInstructions = decrypt(row);
      const staff = toStaffView(row, allowedNext(row.status), estimateOf(row, values), extras);
      const money = !opts.detail || !payments ? null : read ? await payments.fromColumns(q, read, values.vatRateBasisPoints) : await payments.summary(q, row.id);
      return money ? Object.assign(staff, { payments: money }) : staff;
    }
    if (actor.role === 'worker') {
      const from = accessFrom(row, values);
      if (opts.reveal && isOpen(row.status) && clock.now() >= from) {
        extras.accessInstructions = decrypt(row);
        await recordAccessView(q, row.property_id, row.id);
      }
      // The detail's own time logs tell whether this worker has logged any; otherwise one read says it all.
      const me =
        read && extras.timeLogs
          ? { open: read.worker_open_log, loggedJobIds: new Set(extras.timeLogs.filter((l) => l.worker_id === actor.id).map((l) => l.job_id)) }
          : await repo.logStateOf(q, actor.id, [row.id]);
      const next = allowedNext(row.status).filter((s) => s !== 'cancelled');
      return toWorkerView(row, next, from, me, extras);
    }
    return toClientView(row, estimateOf(row, values), extras);
  }

  return { ...deps, completionRequirements, completionSteps, loadVisible, accessFrom, estimateOf, recordAccessView, view, viewSettings };
}

export type CleaningContext = ReturnType<typeof createCleaningContext>;
