import type { Queryable } from '../../db/pool.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/app-error.js';
import type { Actor } from '../../lib/request-context.js';
import { mapConstraintViolation } from '../../lib/pg-errors.js';
import type { SettingValues } from '../../contracts/settings.js';
import type { CompleteCleaningJobInput, CorrectTimeLogInput, TimeTapInput } from '../../contracts/cleaning.js';
import type { NotifyResult } from '../notifications/notifications.service.js';
import { priceCompletedCleaning } from './cleaning-pricing.js';
import { assertTransition, isOpen } from './cleaning-status.js';
import type { JobRow } from './cleaning-rows.js';
import { auditSnapshot, CLOCK_SKEW_MS, field, isStaff, JOB_VALUE_FIELDS, openLogElsewhere, type CleaningContext } from './cleaning-context.js';

/**
 * Time on site: a worker's Start and End (or staff's on their behalf), completing a job, which
 * prices it from the logged time (PRODUCT §4), and an admin's correction of a time log.
 */

const minutesBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 60_000);

export function createCleaningTimeOnSite(ctx: CleaningContext) {
  const { db, repo, clock, audit, notifications, settings, completionRequirements, completionSteps, loadVisible, view } = ctx;

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

  /**
   * A worker's Start long before the job's time is a slip (the wrong job tapped, a visit on another day):
   * refused, so no time is logged by accident. Staff starting on a worker's behalf are trusted to know.
   */
  function refuseTooEarly(job: JobRow, at: Date, values: SettingValues) {
    const earliest = job.scheduled_start_at.getTime() - values.earliestStartHours * 3_600_000;
    if (job.status !== 'scheduled' || at.getTime() >= earliest) return;
    throw conflict('TOO_EARLY', `This job starts at its scheduled time; it cannot be started more than ${values.earliestStartHours} h before.`, {
      scheduledStartAt: job.scheduled_start_at.toISOString(),
      earliestStartAt: new Date(earliest).toISOString(),
    });
  }

  const flagged = (from: Date, to: Date, values: SettingValues) => minutesBetween(from, to) > values.cleaningMaxShiftHours * 60;

  /** Prices a completed job from its closed logs and the given snapshot (PRODUCT §4). */
  async function priceJob(tx: Queryable, row: JobRow, billingIncrementMinutes: number, vatRateBasisPoints: number, at: Date) {
    const loggedSeconds = await repo.loggedSeconds(tx, row.id);
    const price = priceCompletedCleaning({ loggedSeconds, billingIncrementMinutes, hourlyRateCents: row.hourly_rate_cents, vatRateBasisPoints });
    await repo.setPrice(tx, row.id, row.hourly_rate_cents, { ...price, billingIncrementMinutes }, at);
  }

  return {
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
          if (!isStaff(actor)) refuseTooEarly(before, tap.at, values);
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
      const { row, notice, report } = await db.transaction(async (tx) => {
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
        for (const step of completionSteps) await step(tx, { id, clientId: before.client_id, propertyId: before.property_id, jobType: before.job_type, actor });
        const after = (await repo.findJob(tx, id))!;
        await audit.record(tx, { action: 'complete', entity: 'cleaning_job', entityId: id, before: auditSnapshot(before), after: auditSnapshot(after), valueFields: JOB_VALUE_FIELDS });
        const sent = await notifications.notify(tx, {
          to: { type: 'client', id: after.client_id },
          type: 'cleaning.completed',
          params: { jobId: id, place: after.property_name, completedAt: at.toISOString() },
          link: `/app/cleaning/${id}`,
        });
        // A turnover's host may also have asked for its report by e-mail (a choice on their profile, off by default).
        const report =
          after.job_type === 'airbnb'
            ? await notifications.notify(tx, {
                to: { type: 'client', id: after.client_id },
                type: 'turnover_report_ready',
                params: { jobId: id, place: after.property_name, completedAt: at.toISOString() },
                link: `/app/reports/${id}`,
              })
            : null;
        return { row: after, notice: sent, report };
      });
      await notifications.dispatch(report ? [notice, report] : [notice]);
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
          durationSeconds: l.duration_seconds,
          flaggedForReview: l.flagged_for_review,
        });
        await audit.record(tx, {
          action: 'correct_time_log',
          entity: 'cleaning_time_log',
          entityId: logId,
          before: snapshot(log),
          after: snapshot(corrected),
          valueFields: ['jobId', 'workerId', 'startedAt', 'endedAt', 'durationMinutes', 'durationSeconds', 'flaggedForReview'],
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

  };
}
