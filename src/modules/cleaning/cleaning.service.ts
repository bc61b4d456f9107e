import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/app-error.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import type { Actor } from '../../lib/request-context.js';
import { mapConstraintViolation } from '../../lib/pg-errors.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { SettingValues } from '../../contracts/settings.js';
import type { PaymentSummaryDto } from '../../contracts/payments.js';
import type {
  CancelCleaningJobInput,
  CompleteCleaningJobInput,
  CorrectTimeLogInput,
  CreateCleaningJobInput,
  DoubleBookingWarningDto,
  TimeTapInput,
  UpdateCleaningJobInput,
} from '../../contracts/cleaning.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService, NotifyResult } from '../notifications/notifications.service.js';
import { ACCESS_INSTRUCTIONS_CONTEXT } from '../properties/properties.service.js';
import { estimateCleaning, priceCompletedCleaning } from './cleaning-pricing.js';
import { addDays, lisbonInstant, occurrenceDate, occurrencesThrough, reanchor, ruleStartingOn, type RecurrenceRule } from './cleaning-schedule.js';
import { allowedNext, assertTransition, isOpen, type CleaningStatus } from './cleaning-status.js';
import type { CleaningRepository, JobFields, JobFilters, JobRow, SeriesRow } from './cleaning.repository.js';
import { toClientView, toStaffView, toWorkerView, type ViewExtras } from './cleaning.mappers.js';

/** The settings a cleaning job reads, fresh on every use (no per-instance cache). */
export interface CleaningSettings {
  all(q?: Queryable): Promise<SettingValues>;
}

/**
 * A rule another module adds before a job may be completed (photos: "at least one after photo").
 * It throws an AppError (409) naming what is missing.
 */
export type CompletionRequirement = (tx: Queryable, job: { id: number; clientId: number; jobType: 'airbnb' | 'house' }) => Promise<void>;

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
  /** The payments block of a job's detail (staff views), answered by the payments module. */
  payments?: { summary(q: Queryable, jobId: number): Promise<PaymentSummaryDto | null> };
}

const STAFF = new Set(['master', 'admin']);
const isStaff = (actor: Actor) => STAFF.has(actor.role);
/** Phone clocks drift: a tap up to this far "in the future" is taken as now rather than refused. */
const CLOCK_SKEW_MS = 60_000;

const JOB_VALUE_FIELDS = [
  'status',
  'jobType',
  'propertyId',
  'scheduledDate',
  'scheduledTime',
  'estimatedMinutes',
  'hourlyRateCents',
  'workerIds',
  'labourMinutes',
  'billableMinutes',
  'billingIncrementMinutes',
  'vatRateBasisPoints',
  'subtotalCents',
  'vatCents',
  'totalCents',
] as const;

function auditSnapshot(j: JobRow) {
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

const staleVersion = () => new AppError(409, 'STALE_VERSION', 'This job was changed by someone else. Reload it and try again.');
const jobClosed = (status: string) => conflict('JOB_CLOSED', `The job is ${status} and can no longer be edited.`);
const notRecurring = () => badRequest('NOT_RECURRING', 'This job does not repeat; use scope "this".');
const openLogElsewhere = (jobId?: number) =>
  conflict('OPEN_LOG_ON_ANOTHER_JOB', 'This worker is still clocked in on another job; end that one first.', jobId ? { jobId } : undefined);
const field = (path: string, code: string, message: string) => [{ path, message, code }];

const minutesBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 60_000);

function schedule(date: string, time: string, minutes: number) {
  const start = lisbonInstant(date, time);
  return { scheduledStartAt: start, scheduledEndAt: new Date(start.getTime() + minutes * 60_000) };
}

function ruleOf(s: SeriesRow): RecurrenceRule {
  return { frequency: s.frequency, interval: s.interval_count, anchorDate: s.anchor_date, dayOfMonth: s.day_of_month };
}

export function createCleaningService({ db, repo, clock, logger, audit, notifications, settings, cipher, payments }: CleaningServiceDeps) {
  const completionRequirements: CompletionRequirement[] = [];

  async function loadVisible(q: Queryable, actor: Actor, id: number, forUpdate = false): Promise<JobRow> {
    const row = await repo.findJob(q, id, forUpdate);
    // Not yours is the same answer as not there (PRODUCT §5), for every role.
    if (!row) throw notFound('No such cleaning job.');
    if (actor.role === 'client' && row.client_id !== actor.id) throw notFound('No such cleaning job.');
    if (actor.role === 'worker' && !(await repo.isAssigned(q, id, actor.id))) throw notFound('No such cleaning job.');
    return row;
  }

  const decrypt = (row: JobRow) => (row.access_instructions_enc ? cipher.decrypt(row.access_instructions_enc, ACCESS_INSTRUCTIONS_CONTEXT) : null);
  const accessFrom = (row: JobRow, values: SettingValues) => new Date(row.scheduled_start_at.getTime() - values.accessInstructionsLeadHours * 3_600_000);

  function estimateOf(row: JobRow, values: SettingValues) {
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
   */
  async function view(q: Queryable, actor: Actor, row: JobRow, opts: { detail?: boolean; reveal?: boolean } = {}) {
    const values = await settings.all(q);
    const extras: ViewExtras = opts.detail
      ? { timeLogs: await repo.timeLogs(q, row.id), history: await repo.history(q, row.id), photoCounts: await repo.photoCounts(q, row.id) }
      : {};
    if (isStaff(actor)) {
      if (opts.reveal) extras.accessInstructions = decrypt(row);
      const staff = toStaffView(row, allowedNext(row.status), estimateOf(row, values), extras);
      const money = opts.detail && payments ? await payments.summary(q, row.id) : null;
      return money ? Object.assign(staff, { payments: money }) : staff;
    }
    if (actor.role === 'worker') {
      const from = accessFrom(row, values);
      if (opts.reveal && isOpen(row.status) && clock.now() >= from) {
        extras.accessInstructions = decrypt(row);
        await recordAccessView(q, row.property_id, row.id);
      }
      const open = await repo.openLogOf(q, actor.id);
      const next = allowedNext(row.status).filter((s) => s !== 'cancelled');
      return toWorkerView(row, next, from, open?.job_id === row.id ? open.id : null, extras);
    }
    return toClientView(row, estimateOf(row, values), extras);
  }

  async function assertClientAndProperty(q: Queryable, clientId: number, propertyId: number) {
    const client = await repo.client(q, clientId);
    if (!client) throw badRequest('UNKNOWN_CLIENT', 'No such client.', field('body.clientId', 'UNKNOWN_CLIENT', 'unknown client'));
    if (client.anonymized) throw conflict('CLIENT_ANONYMISED', 'This client was anonymised.');
    if (!client.is_active) throw conflict('CLIENT_INACTIVE', 'This client is deactivated; reactivate them before booking a job.');
    const property = await repo.property(q, propertyId);
    if (!property || property.client_id !== clientId) {
      throw badRequest('INVALID_PROPERTY', "The property must be one of the client's properties.", field('body.propertyId', 'INVALID_PROPERTY', "not one of the client's properties"));
    }
    if (!property.is_active) throw conflict('PROPERTY_INACTIVE', 'This property is deactivated; reactivate it first.');
    return property;
  }

  async function assertWorkers(q: Queryable, ids: number[]) {
    const found = await repo.activeWorkers(q, ids);
    const missing = ids.filter((id) => !found.some((w) => w.id === id));
    if (missing.length > 0) {
      throw badRequest('INVALID_WORKER', 'Every assigned person must be an active worker.', field('body.workerIds', 'INVALID_WORKER', `not active workers: ${missing.join(', ')}`));
    }
  }

  /** The worker a Start/End is for: a worker presses for themself; staff must name an assigned worker. */
  async function targetWorker(q: Queryable, actor: Actor, jobId: number, named: number | undefined): Promise<number> {
    if (!isStaff(actor)) {
      if (named !== undefined && named !== actor.id) throw forbidden('FORBIDDEN', 'A worker starts and ends only their own time.');
      return actor.id;
    }
    if (named === undefined) {
      throw badRequest('WORKER_REQUIRED', "Name the worker you act for: a staff member's own press is not labour.", field('body.workerId', 'WORKER_REQUIRED', 'required for staff'));
    }
    if (!(await repo.isAssigned(q, jobId, named))) {
      throw badRequest('WORKER_NOT_ASSIGNED', 'This worker is not assigned to the job.', field('body.workerId', 'WORKER_NOT_ASSIGNED', 'not assigned to this job'));
    }
    return named;
  }

  /** The moment a tap counts for: the phone's tap time when queued offline (inside the window), else now. */
  function tapTime(occurredAt: string | undefined, received: Date, values: SettingValues): { at: Date; occurredAt: Date | null } {
    if (occurredAt === undefined) return { at: received, occurredAt: null };
    const tapped = new Date(occurredAt);
    if (tapped.getTime() > received.getTime() + CLOCK_SKEW_MS) {
      throw badRequest('OCCURRED_AT_IN_FUTURE', 'The tap time is in the future.', field('body.occurredAt', 'OCCURRED_AT_IN_FUTURE', 'in the future'));
    }
    if (tapped.getTime() < received.getTime() - values.offlineTapWindowHours * 3_600_000) {
      throw badRequest(
        'OCCURRED_AT_TOO_OLD',
        `A queued tap older than ${values.offlineTapWindowHours} h is not accepted; ask an admin to correct the time log.`,
        field('body.occurredAt', 'OCCURRED_AT_TOO_OLD', 'outside the offline window'),
      );
    }
    return { at: tapped < received ? tapped : received, occurredAt: tapped };
  }

  const flagged = (from: Date, to: Date, values: SettingValues) => minutesBetween(from, to) > values.cleaningMaxShiftHours * 60;

  async function warningsFor(jobIds: number[]): Promise<DoubleBookingWarningDto[]> {
    if (jobIds.length === 0) return [];
    return (await repo.overlaps(db, jobIds)).map((o) => ({
      code: 'DOUBLE_BOOKING' as const,
      message: `${o.worker_name} has another job at an overlapping time.`,
      jobId: o.job_id,
      workerId: o.worker_id,
      workerName: o.worker_name,
      conflictingJobId: o.conflicting_job_id,
      conflictingStartAt: o.conflicting_start_at.toISOString(),
      conflictingEndAt: o.conflicting_end_at.toISOString(),
    }));
  }

  function assignedNotice(tx: Queryable, workerId: number, job: JobRow, occurrences: number) {
    return notifications.notify(tx, {
      to: { type: 'user', id: workerId },
      type: 'cleaning.assigned',
      params: { jobId: job.id, date: job.scheduled_date, time: job.scheduled_time, place: `${job.property_name}, ${job.property_city}`, occurrences },
      link: `/app/cleaning/${job.id}`,
    });
  }

  /** Creates the occurrences of a series from its cursor up to `through` (never twice: unique per occurrence). */
  async function generateInto(tx: Queryable, series: SeriesRow, through: string, at: Date): Promise<number[]> {
    const rule = ruleOf(series);
    const last = series.until_date < through ? series.until_date : through;
    const due = occurrencesThrough(rule, series.next_index, last);
    if (due.length === 0) return [];
    const active = (await repo.activeWorkers(tx, series.worker_ids)).map((w) => w.id);
    const workers = series.worker_ids.filter((id) => active.includes(id));
    const created: number[] = [];
    for (const o of due) {
      const id = await repo.insertJob(tx, {
        clientId: series.client_id,
        propertyId: series.property_id,
        jobType: series.job_type,
        scheduledDate: o.date,
        scheduledTime: series.start_time,
        ...schedule(o.date, series.start_time, series.estimated_minutes),
        estimatedMinutes: series.estimated_minutes,
        hourlyRateCents: series.hourly_rate_cents,
        specialInstructions: series.special_instructions,
        internalNotes: series.internal_notes,
        seriesId: series.id,
        seriesIndex: o.index,
        createdBy: null,
        at,
      });
      if (id === null) continue;
      if (workers.length > 0) await repo.setWorkers(tx, id, workers, at);
      created.push(id);
    }
    await repo.addHistory(tx, { jobIds: created, from: null, to: 'scheduled', by: null, note: null, at });
    const next = due[due.length - 1]!.index + 1;
    await repo.advanceSeries(tx, series.id, next, occurrenceDate(rule, next), at);
    return created;
  }

  async function generateSeries(seriesId: number, through: string): Promise<number> {
    const at = clock.now();
    return db.transaction(async (tx) => {
      const series = await repo.findSeries(tx, seriesId, true);
      if (!series || series.ended_at) return 0;
      const created = await generateInto(tx, series, through, at);
      for (const id of created) {
        await audit.record(tx, { action: 'create', entity: 'cleaning_job', entityId: id, after: { seriesId, status: 'scheduled' }, valueFields: ['seriesId', 'status'], actor: { type: 'system', id: null } });
      }
      return created.length;
    });
  }

  async function horizon(q: Queryable): Promise<string> {
    const values = await settings.all(q);
    return addDays(lisbonDate(clock.now()), values.recurrenceHorizonWeeks * 7);
  }

  async function cancelInTx(tx: Queryable, actor: Actor, row: JobRow, reason: string, at: Date): Promise<void> {
    assertTransition(row.status, 'cancelled');
    await repo.closeOpenLogs(tx, row.id, at, actor.id);
    await repo.setStatus(tx, row.id, 'cancelled', { cancelled_at: at }, reason, at);
    await repo.addHistory(tx, { jobIds: [row.id], from: row.status, to: 'cancelled', by: actor.id, note: reason, at });
    const after = (await repo.findJob(tx, row.id))!;
    await audit.record(tx, { action: 'cancel', entity: 'cleaning_job', entityId: row.id, before: auditSnapshot(row), after: auditSnapshot(after), valueFields: JOB_VALUE_FIELDS });
  }

  /** Prices a completed job from its closed logs and the given snapshot (PRODUCT §4). */
  async function priceJob(tx: Queryable, row: JobRow, billingIncrementMinutes: number, vatRateBasisPoints: number, at: Date) {
    const loggedMinutes = await repo.minutesPerWorker(tx, row.id);
    const price = priceCompletedCleaning({ loggedMinutes, billingIncrementMinutes, hourlyRateCents: row.hourly_rate_cents, vatRateBasisPoints });
    await repo.setPrice(tx, row.id, row.hourly_rate_cents, { ...price, billingIncrementMinutes }, at);
  }

  return {
    /** Another module's rule for completion (photos add "at least one after photo"). */
    addCompletionRequirement(requirement: CompletionRequirement): void {
      completionRequirements.push(requirement);
    },

    /** Whether the caller may see job `jobId` (404 otherwise, for every role) and upload to it. */
    async jobAccess(actor: Actor, jobId: number, q: Queryable = db): Promise<JobAccess> {
      const row = await loadVisible(q, actor, jobId);
      return { jobId: row.id, clientId: row.client_id, propertyId: row.property_id, status: row.status, canUpload: actor.role !== 'client' };
    },

    async create(actor: Actor, input: CreateCleaningJobInput) {
      const at = clock.now();
      const { ids, notices } = await db.transaction(async (tx) => {
        await assertClientAndProperty(tx, input.clientId, input.propertyId);
        await assertWorkers(tx, input.workerIds);
        const values = await settings.all(tx);
        const estimatedMinutes = Math.round(input.estimatedHours * 60);
        const template = {
          propertyId: input.propertyId,
          jobType: input.jobType,
          estimatedMinutes,
          hourlyRateCents: input.hourlyRateCents ?? values.cleaningHourlyRateCents,
          specialInstructions: input.specialInstructions ?? null,
          internalNotes: input.internalNotes ?? null,
        };
        const createdBy = actor.type === 'user' ? actor.id : null;
        let jobIds: number[];
        if (input.recurrence) {
          const rule = ruleStartingOn(input.recurrence.frequency, input.recurrence.interval, input.scheduledDate);
          const seriesId = await repo.insertSeries(
            tx,
            {
              ...template,
              clientId: input.clientId,
              frequency: rule.frequency,
              interval: rule.interval,
              anchorDate: rule.anchorDate,
              dayOfMonth: rule.dayOfMonth,
              untilDate: input.recurrence.until,
              startTime: input.scheduledTime,
              nextIndex: 0,
              nextDate: input.scheduledDate,
              createdBy,
              at,
            },
            input.workerIds,
          );
          const series = (await repo.findSeries(tx, seriesId))!;
          // The first occurrence always exists, even when it lies beyond the horizon.
          const through = await horizon(tx);
          jobIds = await generateInto(tx, series, through < input.scheduledDate ? input.scheduledDate : through, at);
        } else {
          const id = await repo.insertJob(tx, {
            ...template,
            clientId: input.clientId,
            scheduledDate: input.scheduledDate,
            scheduledTime: input.scheduledTime,
            ...schedule(input.scheduledDate, input.scheduledTime, estimatedMinutes),
            seriesId: null,
            seriesIndex: null,
            createdBy,
            at,
          });
          await repo.setWorkers(tx, id!, input.workerIds, at);
          await repo.addHistory(tx, { jobIds: [id!], from: null, to: 'scheduled', by: createdBy, note: null, at });
          jobIds = [id!];
        }
        const rows = await repo.jobsByIds(tx, jobIds);
        for (const row of rows) {
          await audit.record(tx, { action: 'create', entity: 'cleaning_job', entityId: row.id, before: null, after: auditSnapshot(row), valueFields: JOB_VALUE_FIELDS });
        }
        const first = rows[0]!;
        const sent: NotifyResult[] = [];
        for (const workerId of input.workerIds) sent.push(await assignedNotice(tx, workerId, first, rows.length));
        return { ids: jobIds, notices: sent };
      });
      await notifications.dispatch(notices);
      const row = (await repo.findJob(db, ids[0]!))!;
      return { ...(await view(db, actor, row, { detail: true })), warnings: await warningsFor(ids), affectedJobIds: ids };
    },

    async list(actor: Actor, filters: JobFilters, page: PageInput) {
      const scope = actor.role === 'worker' ? { workerId: actor.id } : actor.role === 'client' ? { clientId: actor.id } : {};
      const result = await repo.listJobs(filters, scope, page);
      const values = await settings.all();
      if (isStaff(actor)) return mapPage(result, (r) => toStaffView(r, allowedNext(r.status), estimateOf(r, values)));
      if (actor.role === 'worker') {
        const open = await repo.openLogOf(db, actor.id);
        return mapPage(result, (r) =>
          toWorkerView(r, allowedNext(r.status).filter((s) => s !== 'cancelled'), accessFrom(r, values), open?.job_id === r.id ? open.id : null),
        );
      }
      return mapPage(result, (r) => toClientView(r, estimateOf(r, values)));
    },

    /** The worker's day on their phone: today's jobs (Lisbon) and wherever they are still clocked in. */
    async today(actor: Actor) {
      const rows = await repo.workerDay(db, actor.id, lisbonDate(clock.now()));
      const values = await settings.all();
      const open = await repo.openLogOf(db, actor.id);
      return rows.map((r) => toWorkerView(r, allowedNext(r.status).filter((s) => s !== 'cancelled'), accessFrom(r, values), open?.job_id === r.id ? open.id : null));
    },

    async get(actor: Actor, id: number) {
      return view(db, actor, await loadVisible(db, actor, id), { detail: true, reveal: true });
    },

    async update(actor: Actor, id: number, input: UpdateCleaningJobInput) {
      const at = clock.now();
      const { scope, version, recurrenceUntil, workerIds, estimatedHours, ...rest } = input;
      const changes: Partial<JobFields> = {
        propertyId: rest.propertyId,
        jobType: rest.jobType,
        scheduledDate: rest.scheduledDate,
        scheduledTime: rest.scheduledTime,
        estimatedMinutes: estimatedHours !== undefined ? Math.round(estimatedHours * 60) : undefined,
        hourlyRateCents: rest.hourlyRateCents,
        specialInstructions: rest.specialInstructions,
        internalNotes: rest.internalNotes,
      };
      if (Object.values(changes).every((v) => v === undefined) && !workerIds && !recurrenceUntil) {
        throw badRequest('NOTHING_TO_CHANGE', 'The request changes nothing.');
      }
      const { affected, notices, seriesId } = await db.transaction(async (tx) => {
        const before = await loadVisible(tx, actor, id, true);
        if (version !== before.version) throw staleVersion();
        if (!isOpen(before.status)) throw jobClosed(before.status);
        if (scope === 'future' && before.series_id === null) throw notRecurring();
        if (changes.propertyId !== undefined) await assertClientAndProperty(tx, before.client_id, changes.propertyId);
        if (workerIds) {
          await assertWorkers(tx, workerIds);
          const open = (await repo.timeLogs(tx, id)).filter((l) => l.ended_at === null && !workerIds.includes(l.worker_id));
          if (open.length > 0) {
            throw conflict('WORKER_HAS_OPEN_LOG', `${open[0]!.worker_name} is clocked in on this job; end their time before removing them.`, { workerId: open[0]!.worker_id });
          }
        }

        /** Applies the requested changes to one job, moved to `date` when its date changes. */
        const apply = async (row: JobRow, date: string) => {
          const time = changes.scheduledTime ?? row.scheduled_time;
          const minutes = changes.estimatedMinutes ?? row.estimated_minutes;
          const moved = date !== row.scheduled_date || time !== row.scheduled_time || minutes !== row.estimated_minutes;
          await repo.updateJob(tx, row.id, { ...changes, scheduledDate: date, ...(moved ? { scheduledTime: time, ...schedule(date, time, minutes) } : {}) }, at);
          if (workerIds) await repo.setWorkers(tx, row.id, workerIds, at);
          const after = (await repo.findJob(tx, row.id))!;
          await audit.record(tx, { action: 'update', entity: 'cleaning_job', entityId: row.id, before: auditSnapshot(row), after: auditSnapshot(after), valueFields: JOB_VALUE_FIELDS });
          return after;
        };

        const updated = [await apply(before, changes.scheduledDate ?? before.scheduled_date)];
        if (scope === 'future') {
          const series = (await repo.findSeries(tx, before.series_id!, true))!;
          const k = before.series_index!;
          const rule = changes.scheduledDate ? reanchor(ruleOf(series), k, changes.scheduledDate) : ruleOf(series);
          const until = recurrenceUntil ?? series.until_date;
          if (until < updated[0]!.scheduled_date) {
            throw badRequest('VALIDATION_FAILED', 'The series cannot end before this occurrence.', field('body.recurrenceUntil', 'custom', 'before this occurrence'));
          }
          for (const later of await repo.laterScheduled(tx, series.id, k)) {
            const date = changes.scheduledDate ? occurrenceDate(rule, later.series_index!) : later.scheduled_date;
            if (date > until) await cancelInTx(tx, actor, later, 'The series now ends earlier.', at);
            else updated.push(await apply(later, date));
          }
          await repo.updateSeries(
            tx,
            series.id,
            {
              propertyId: changes.propertyId ?? series.property_id,
              frequency: rule.frequency,
              interval: rule.interval,
              anchorDate: rule.anchorDate,
              dayOfMonth: rule.dayOfMonth,
              untilDate: until,
              jobType: changes.jobType ?? series.job_type,
              startTime: changes.scheduledTime ?? series.start_time,
              estimatedMinutes: changes.estimatedMinutes ?? series.estimated_minutes,
              hourlyRateCents: changes.hourlyRateCents ?? series.hourly_rate_cents,
              specialInstructions: changes.specialInstructions !== undefined ? changes.specialInstructions : series.special_instructions,
              internalNotes: changes.internalNotes !== undefined ? changes.internalNotes : series.internal_notes,
              nextIndex: series.next_index,
              nextDate: occurrenceDate(rule, series.next_index),
              endedAt: series.ended_at,
            },
            at,
          );
          if (workerIds) await repo.setSeriesWorkers(tx, series.id, workerIds);
        }

        // Workers hear about what changed for them: newly assigned, or the same job at a new time.
        const first = updated[0]!;
        const beforeIds = before.workers.map((w) => w.id);
        const afterIds = first.workers.map((w) => w.id);
        const rescheduled = first.scheduled_date !== before.scheduled_date || first.scheduled_time !== before.scheduled_time;
        const sent: NotifyResult[] = [];
        for (const workerId of afterIds) {
          if (!beforeIds.includes(workerId)) sent.push(await assignedNotice(tx, workerId, first, updated.length));
          else if (rescheduled) {
            sent.push(
              await notifications.notify(tx, {
                to: { type: 'user', id: workerId },
                type: 'cleaning.rescheduled',
                params: {
                  jobId: first.id,
                  date: first.scheduled_date,
                  time: first.scheduled_time,
                  previousDate: before.scheduled_date,
                  previousTime: before.scheduled_time,
                  place: `${first.property_name}, ${first.property_city}`,
                  occurrences: updated.length,
                },
                link: `/app/cleaning/${first.id}`,
              }),
            );
          }
        }
        return { affected: updated.map((u) => u.id), notices: sent, seriesId: scope === 'future' ? before.series_id : null };
      });
      await notifications.dispatch(notices);
      // A series given a later end fills up to the horizon now rather than at the next scheduled run.
      if (seriesId !== null && recurrenceUntil) await generateSeries(seriesId, await horizon(db));
      const row = (await repo.findJob(db, id))!;
      return { ...(await view(db, actor, row, { detail: true })), warnings: await warningsFor(affected), affectedJobIds: affected };
    },

    async start(actor: Actor, id: number, input: TimeTapInput) {
      const received = clock.now();
      const { row, notice } = await db
        .transaction(async (tx) => {
          // The job row lock serialises taps on one job, so a double tap finds the first one's log.
          const before = await loadVisible(tx, actor, id, true);
          const workerId = await targetWorker(tx, actor, id, input.workerId);
          if (!isOpen(before.status)) assertTransition(before.status, 'in_progress');
          const values = await settings.all(tx);
          const tap = tapTime(input.occurredAt, received, values);
          const open = await repo.openLogOf(tx, workerId);
          if (open && open.job_id === id) return { row: before, notice: null };
          if (open) throw openLogElsewhere(open.job_id);
          const overlap = await repo.overlappingLog(tx, workerId, tap.at, null, null);
          // An open log committed since the check above: the same race as the unique index below.
          if (overlap?.open) {
            if (overlap.job_id === id) return { row: before, notice: null };
            throw openLogElsewhere(overlap.job_id);
          }
          if (overlap) throw conflict('OVERLAPS_TIME_LOG', 'This start falls inside time already logged for this worker.', { timeLogId: overlap.id });
          const logId = await repo.insertLog(tx, {
            jobId: id,
            workerId,
            startedAt: tap.at,
            receivedAt: received,
            occurredAt: tap.occurredAt,
            latitude: input.latitude ?? null,
            longitude: input.longitude ?? null,
            note: input.note ?? null,
            by: actor.id,
          });
          await audit.record(tx, {
            action: isStaff(actor) ? 'start_on_behalf' : 'start',
            entity: 'cleaning_time_log',
            entityId: logId,
            after: { jobId: id, workerId, startedAt: tap.at.toISOString(), occurredAt: tap.occurredAt?.toISOString() ?? null },
            valueFields: ['jobId', 'workerId', 'startedAt', 'occurredAt'],
          });
          let sent: NotifyResult | null = null;
          if (before.status === 'scheduled') {
            await repo.setStatus(tx, id, 'in_progress', { started_at: tap.at }, undefined, received);
            await repo.addHistory(tx, { jobIds: [id], from: 'scheduled', to: 'in_progress', by: actor.id, note: null, at: received });
            sent = await notifications.notify(tx, {
              to: { type: 'client', id: before.client_id },
              type: 'cleaning.started',
              params: { jobId: id, place: before.property_name, startedAt: tap.at.toISOString() },
              link: `/app/cleaning/${id}`,
            });
          }
          return { row: (await repo.findJob(tx, id))!, notice: sent };
        })
        // Two different jobs started for one worker at the same instant: the one-open-log index decides.
        .catch((err: unknown) => mapConstraintViolation(err, { cleaning_time_logs_one_open_key: () => openLogElsewhere() }));
      await notifications.dispatch([notice]);
      return view(db, actor, row, { detail: true });
    },

    async end(actor: Actor, id: number, input: TimeTapInput) {
      const received = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await loadVisible(tx, actor, id, true);
        const workerId = await targetWorker(tx, actor, id, input.workerId);
        const open = await repo.openLogOf(tx, workerId);
        if (!open || open.job_id !== id) {
          // A repeated End (double tap, replayed queue) finds its log already closed: nothing to do.
          if (await repo.hasLogOnJob(tx, id, workerId)) return before;
          throw conflict('NOT_STARTED', 'This worker has not started on this job.');
        }
        const values = await settings.all(tx);
        const tap = tapTime(input.occurredAt, received, values);
        if (tap.at < open.started_at) {
          throw badRequest('END_BEFORE_START', 'The end is before the start of this time log.', field('body.occurredAt', 'END_BEFORE_START', 'before the start'));
        }
        await repo.endLog(tx, open.id, {
          endedAt: tap.at,
          receivedAt: received,
          occurredAt: tap.occurredAt,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          note: input.note ?? null,
          by: actor.id,
          flagged: flagged(open.started_at, tap.at, values),
        });
        await audit.record(tx, {
          action: isStaff(actor) ? 'end_on_behalf' : 'end',
          entity: 'cleaning_time_log',
          entityId: open.id,
          after: { jobId: id, workerId, endedAt: tap.at.toISOString(), occurredAt: tap.occurredAt?.toISOString() ?? null },
          valueFields: ['jobId', 'workerId', 'endedAt', 'occurredAt'],
        });
        return (await repo.findJob(tx, id))!;
      });
      return view(db, actor, row, { detail: true });
    },

    async complete(actor: Actor, id: number, input: CompleteCleaningJobInput) {
      const at = clock.now();
      if (input.openLogEnds && !isStaff(actor)) throw forbidden('FORBIDDEN', 'Only staff may give end times for open logs.');
      const { row, notice } = await db.transaction(async (tx) => {
        const before = await loadVisible(tx, actor, id, true);
        assertTransition(before.status, 'completed');
        const values = await settings.all(tx);
        let open = (await repo.timeLogs(tx, id)).filter((l) => l.ended_at === null);
        for (const [i, given] of (input.openLogEnds ?? []).entries()) {
          const log = open.find((l) => l.id === given.timeLogId);
          const path = `body.openLogEnds.${i}`;
          if (!log) throw badRequest('UNKNOWN_TIME_LOG', 'No such open time log on this job.', field(`${path}.timeLogId`, 'UNKNOWN_TIME_LOG', 'not an open log of this job'));
          const endedAt = new Date(given.endedAt);
          if (endedAt < log.started_at || endedAt.getTime() > at.getTime() + CLOCK_SKEW_MS) {
            throw badRequest('INVALID_END_TIME', 'An end time must be after the start and not in the future.', field(`${path}.endedAt`, 'INVALID_END_TIME', 'outside the log'));
          }
          await repo.endLog(tx, log.id, {
            endedAt,
            receivedAt: at,
            occurredAt: null,
            latitude: null,
            longitude: null,
            note: null,
            by: actor.id,
            flagged: flagged(log.started_at, endedAt, values),
          });
          await audit.record(tx, {
            action: 'end_on_behalf',
            entity: 'cleaning_time_log',
            entityId: log.id,
            after: { jobId: id, workerId: log.worker_id, endedAt: endedAt.toISOString() },
            valueFields: ['jobId', 'workerId', 'endedAt'],
          });
          open = open.filter((l) => l.id !== log.id);
        }
        if (open.length > 0) {
          throw conflict('OPEN_TIME_LOGS', 'Some workers are still clocked in; they must end first (or staff give end times).', {
            openTimeLogs: open.map((l) => ({ timeLogId: l.id, workerId: l.worker_id, workerName: l.worker_name, startedAt: l.started_at.toISOString() })),
          });
        }
        for (const requirement of completionRequirements) await requirement(tx, { id, clientId: before.client_id, jobType: before.job_type });
        await priceJob(tx, before, values.billingIncrementMinutes, values.vatRateBasisPoints, at);
        await repo.setStatus(tx, id, 'completed', { completed_at: at }, undefined, at);
        await repo.addHistory(tx, { jobIds: [id], from: before.status, to: 'completed', by: actor.id, note: input.note ?? null, at });
        const after = (await repo.findJob(tx, id))!;
        await audit.record(tx, { action: 'complete', entity: 'cleaning_job', entityId: id, before: auditSnapshot(before), after: auditSnapshot(after), valueFields: JOB_VALUE_FIELDS });
        const sent = await notifications.notify(tx, {
          to: { type: 'client', id: after.client_id },
          type: 'cleaning.completed',
          params: { jobId: id, place: after.property_name, completedAt: at.toISOString() },
          link: `/app/cleaning/${id}`,
        });
        return { row: after, notice: sent };
      });
      await notifications.dispatch([notice]);
      return view(db, actor, row, { detail: true });
    },

    async cancel(actor: Actor, id: number, input: CancelCleaningJobInput) {
      const at = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await loadVisible(tx, actor, id, true);
        if (input.scope === 'future' && before.series_id === null) throw notRecurring();
        await cancelInTx(tx, actor, before, input.reason, at);
        if (input.scope === 'future') {
          for (const later of await repo.laterScheduled(tx, before.series_id!, before.series_index!)) await cancelInTx(tx, actor, later, input.reason, at);
          await repo.endSeries(tx, before.series_id!, at);
        }
        return (await repo.findJob(tx, id))!;
      });
      return view(db, actor, row, { detail: true });
    },

    /** An admin's correction of a time log, with a reason; a completed job is repriced with its own snapshot. */
    async correctTimeLog(actor: Actor, id: number, logId: number, input: CorrectTimeLogInput) {
      const at = clock.now();
      const row = await db.transaction(async (tx) => {
        const job = await loadVisible(tx, actor, id, true);
        const log = await repo.findLog(tx, id, logId);
        if (!log) throw notFound('No such time log on this job.');
        const startedAt = input.startedAt ? new Date(input.startedAt) : log.started_at;
        const endedAt = input.endedAt ? new Date(input.endedAt) : log.ended_at;
        if (!endedAt) throw badRequest('END_REQUIRED', 'This log is still open: give its end time too.', field('body.endedAt', 'END_REQUIRED', 'required for an open log'));
        if (endedAt < startedAt) throw badRequest('END_BEFORE_START', 'The end is before the start.', field('body.endedAt', 'END_BEFORE_START', 'before the start'));
        if (endedAt.getTime() > at.getTime() + CLOCK_SKEW_MS) {
          throw badRequest('VALIDATION_FAILED', 'A time log cannot end in the future.', field('body.endedAt', 'custom', 'in the future'));
        }
        const overlap = await repo.overlappingLog(tx, log.worker_id, startedAt, endedAt, log.id);
        if (overlap) throw conflict('OVERLAPS_TIME_LOG', 'The corrected log overlaps another log of this worker.', { timeLogId: overlap.id });
        const values = await settings.all(tx);
        await repo.correctLog(tx, log.id, { startedAt, endedAt, flagged: flagged(startedAt, endedAt, values), reason: input.reason, by: actor.id, at, closing: log.ended_at === null });
        const corrected = (await repo.findLog(tx, id, logId))!;
        const snapshot = (l: typeof log) => ({
          jobId: id,
          workerId: l.worker_id,
          startedAt: l.started_at.toISOString(),
          endedAt: l.ended_at?.toISOString() ?? null,
          durationMinutes: l.duration_minutes,
          flaggedForReview: l.flagged_for_review,
        });
        await audit.record(tx, {
          action: 'correct_time_log',
          entity: 'cleaning_time_log',
          entityId: logId,
          before: snapshot(log),
          after: snapshot(corrected),
          valueFields: ['jobId', 'workerId', 'startedAt', 'endedAt', 'durationMinutes', 'flaggedForReview'],
          extraFields: ['correctionReason'],
        });
        if (job.status === 'completed') {
          await priceJob(tx, job, job.billing_increment_minutes!, job.vat_rate_bp!, at);
          const after = (await repo.findJob(tx, id))!;
          await audit.record(tx, { action: 'reprice', entity: 'cleaning_job', entityId: id, before: auditSnapshot(job), after: auditSnapshot(after), valueFields: JOB_VALUE_FIELDS });
          return after;
        }
        return (await repo.findJob(tx, id))!;
      });
      return view(db, actor, row, { detail: true });
    },

    /** The scheduled background job: every series gets its occurrences up to the horizon. Safe to run twice. */
    async generateOccurrences(): Promise<number> {
      const through = await horizon(db);
      let created = 0;
      for (const seriesId of await repo.dueSeries(db, through)) created += await generateSeries(seriesId, through);
      if (created > 0) logger.info({ event: 'cleaning.occurrences', created }, `✅ Recurring cleaning jobs generated: ${created}`);
      return created;
    },

    /** Access checks for the clients and properties modules (PRODUCT §5). */
    workerAccess: {
      canSeeClient: (q: Queryable, workerId: number, clientId: number) => repo.workerOnClient(q, workerId, clientId),
      canSeeProperty: (q: Queryable, workerId: number, propertyId: number) => repo.workerOnProperty(q, workerId, propertyId),
      async openAccessInstructions(q: Queryable, workerId: number, propertyId: number): Promise<boolean> {
        const values = await settings.all(q);
        const jobId = await repo.openAccessJob(q, workerId, propertyId, clock.now(), values.accessInstructionsLeadHours);
        if (jobId === null) return false;
        await recordAccessView(q, propertyId, jobId);
        return true;
      },
    },

    /** GDPR: everything held about a client's cleaning jobs, as the client sees them plus their instructions. */
    async exportClient(q: Queryable, clientId: number) {
      const jobs = await repo.jobsOfClient(q, clientId);
      const logs = jobs.length ? await repo.logsOfJobs(q, jobs.map((j) => j.id)) : [];
      const values = await settings.all(q);
      return jobs.map((j) =>
        Object.assign(toClientView(j, estimateOf(j, values), { timeLogs: logs.filter((l) => l.job_id === j.id) }), {
          specialInstructions: j.special_instructions,
        }),
      );
    },

    anonymiseClient: (tx: Queryable, clientId: number) => repo.anonymiseClientJobs(tx, clientId),
  };
}

export type CleaningService = ReturnType<typeof createCleaningService>;
