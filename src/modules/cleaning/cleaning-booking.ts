import type { Queryable } from '../../db/pool.js';
import { badRequest, conflict } from '../../lib/app-error.js';
import { lisbonDate } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import type { CancelCleaningJobInput, CreateCleaningJobInput, DoubleBookingWarningDto, UpdateCleaningJobInput } from '../../contracts/cleaning.js';
import type { NotifyResult } from '../notifications/notifications.service.js';
import { addDays, lisbonInstant, occurrenceDate, occurrencesThrough, reanchor, ruleStartingOn, type RecurrenceRule } from './cleaning-schedule.js';
import { assertTransition, isOpen } from './cleaning-status.js';
import { hourlyRateFor } from './cleaning-pricing.js';
import type { JobFields } from './cleaning-jobs.repository.js';
import type { JobRow, SeriesRow } from './cleaning-rows.js';
import { auditSnapshot, field, JOB_VALUE_FIELDS, jobClosed, notRecurring, staleVersion, type CleaningContext } from './cleaning-context.js';

/**
 * Booking use cases: book a job (once or repeating), edit or reassign it (this occurrence or the
 * future ones), cancel it, and create the occurrences of repeating jobs as the horizon moves.
 */

function schedule(date: string, time: string, minutes: number) {
  const start = lisbonInstant(date, time);
  return { scheduledStartAt: start, scheduledEndAt: new Date(start.getTime() + minutes * 60_000) };
}

function ruleOf(s: SeriesRow): RecurrenceRule {
  return { frequency: s.frequency, interval: s.interval_count, anchorDate: s.anchor_date, dayOfMonth: s.day_of_month };
}

export function createCleaningBooking(ctx: CleaningContext) {
  const { db, repo, clock, logger, audit, notifications, settings, clientPrices, loadVisible, view } = ctx;

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
        clientPrice: series.client_price,
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

  /** A new job (or the first of a series) and the notices to send after commit; `requestId` links a client request (issue 23). */
  async function createInTx(tx: Queryable, actor: Actor, input: CreateCleaningJobInput, requestId: number | null) {
    const at = clock.now();
    await assertClientAndProperty(tx, input.clientId, input.propertyId);
    await assertWorkers(tx, input.workerIds);
    const values = await settings.all(tx);
    const estimatedMinutes = Math.round(input.estimatedHours * 60);
    const rate = hourlyRateFor({
      explicitCents: input.hourlyRateCents,
      clientCents: await clientPrices?.cleaningHourOn(tx, input.clientId, input.scheduledDate),
      settingsCents: values.cleaningHourlyRateCents,
    });
    const template = {
      propertyId: input.propertyId,
      jobType: input.jobType,
      estimatedMinutes,
      hourlyRateCents: rate.hourlyRateCents,
      clientPrice: rate.clientPrice,
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
        requestId,
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
  }

  return {
    /** A single job made by another module's change (an accepted client request), in its transaction; the caller dispatches the notices. */
    async createWithin(tx: Queryable, actor: Actor, input: CreateCleaningJobInput, requestId: number): Promise<{ id: number; notices: NotifyResult[] }> {
      const { ids, notices } = await createInTx(tx, actor, input, requestId);
      return { id: ids[0]!, notices };
    },

    async create(actor: Actor, input: CreateCleaningJobInput) {
      const { ids, notices } = await db.transaction((tx) => createInTx(tx, actor, input, null));
      await notifications.dispatch(notices);
      const row = (await repo.findJob(db, ids[0]!))!;
      return { ...(await view(db, actor, row, { detail: true })), warnings: await warningsFor(ids), affectedJobIds: ids };
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
        // A rate typed for the job replaces the client's own.
        clientPrice: rest.hourlyRateCents !== undefined ? false : undefined,
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
              clientPrice: changes.clientPrice,
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

        // Workers hear about what changed for them: newly put on the job ("cleaning.assigned"); still on it
        // while its date, time, address or team changed, or taken off it ("job_changed").
        const first = updated[0]!;
        const beforeIds = before.workers.map((w) => w.id);
        const afterIds = first.workers.map((w) => w.id);
        const changed: Array<'date' | 'time' | 'address' | 'workers'> = [];
        if (first.scheduled_date !== before.scheduled_date) changed.push('date');
        if (first.scheduled_time !== before.scheduled_time) changed.push('time');
        if (first.property_id !== before.property_id) changed.push('address');
        if (beforeIds.length !== afterIds.length || beforeIds.some((w) => !afterIds.includes(w))) changed.push('workers');
        const jobChanged = (workerId: number, row: JobRow, changes: Array<'date' | 'time' | 'address' | 'workers' | 'removed'>, link: string) =>
          notifications.notify(tx, {
            to: { type: 'user', id: workerId },
            type: 'job_changed',
            params: { jobId: row.id, place: `${row.property_name}, ${row.property_city}`, date: row.scheduled_date, time: row.scheduled_time, changes, occurrences: updated.length },
            link,
          });
        const sent: NotifyResult[] = [];
        for (const workerId of afterIds) {
          if (!beforeIds.includes(workerId)) sent.push(await assignedNotice(tx, workerId, first, updated.length));
          else if (changed.length > 0) sent.push(await jobChanged(workerId, first, changed, `/app/cleaning/${first.id}`));
        }
        for (const workerId of beforeIds) {
          if (!afterIds.includes(workerId)) sent.push(await jobChanged(workerId, before, ['removed'], '/app/cleaning'));
        }
        return { affected: updated.map((u) => u.id), notices: sent, seriesId: scope === 'future' ? before.series_id : null };
      });
      await notifications.dispatch(notices);
      // A series given a later end fills up to the horizon now rather than at the next scheduled run.
      if (seriesId !== null && recurrenceUntil) await generateSeries(seriesId, await horizon(db));
      const row = (await repo.findJob(db, id))!;
      return { ...(await view(db, actor, row, { detail: true })), warnings: await warningsFor(affected), affectedJobIds: affected };
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

    /** The scheduled background job: every series gets its occurrences up to the horizon. Safe to run twice. */
    async generateOccurrences(): Promise<number> {
      const through = await horizon(db);
      let created = 0;
      for (const seriesId of await repo.dueSeries(db, through)) created += await generateSeries(seriesId, through);
      if (created > 0) logger.info({ event: 'cleaning.occurrences', created }, `✅ Recurring cleaning jobs generated: ${created}`);
      return created;
    },

  };
}
