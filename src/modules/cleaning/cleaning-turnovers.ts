import type { Queryable } from '../../db/pool.js';
import type { NotifyResult } from '../notifications/notifications.service.js';
import { lisbonInstant } from './cleaning-schedule.js';
import { hourlyRateFor } from './cleaning-pricing.js';
import type { JobRow } from './cleaning-rows.js';
import { turnoversRepository } from './cleaning-turnovers.repository.js';
import { auditSnapshot, JOB_VALUE_FIELDS, type CleaningContext } from './cleaning-context.js';

/**
 * Turnover jobs made and kept in step by a calendar sync (no person acts: the audit names the system).
 * Each call runs inside the sync's transaction; the notices it returns are dispatched after commit.
 */
export interface NewTurnover {
  clientId: number;
  propertyId: number;
  date: string;
  time: string;
  estimatedMinutes: number;
  workerIds: number[];
  note: string;
}

const SYSTEM = { type: 'system' as const, id: null };

export function createCleaningTurnovers(ctx: CleaningContext) {
  const { repo, clock, audit, notifications, settings, clientPrices } = ctx;

  const place = (job: JobRow) => `${job.property_name}, ${job.property_city}`;
  const window = (date: string, time: string, minutes: number) => {
    const start = lisbonInstant(date, time);
    return { scheduledStartAt: start, scheduledEndAt: new Date(start.getTime() + minutes * 60_000) };
  };

  return {
    turnovers: {
      /** A scheduled `airbnb` job for a new reservation, with the rule's workers told. */
      async create(tx: Queryable, t: NewTurnover): Promise<{ jobId: number; notices: NotifyResult[] }> {
        const at = clock.now();
        const values = await settings.all(tx);
        const rate = hourlyRateFor({ clientCents: await clientPrices?.cleaningHourOn(tx, t.clientId, t.date), settingsCents: values.cleaningHourlyRateCents });
        const jobId = (await repo.insertJob(tx, {
          clientId: t.clientId,
          propertyId: t.propertyId,
          jobType: 'airbnb',
          scheduledDate: t.date,
          scheduledTime: t.time,
          ...window(t.date, t.time, t.estimatedMinutes),
          estimatedMinutes: t.estimatedMinutes,
          hourlyRateCents: rate.hourlyRateCents,
          clientPrice: rate.clientPrice,
          specialInstructions: null,
          internalNotes: t.note,
          seriesId: null,
          seriesIndex: null,
          createdBy: null,
          at,
        }))!;
        const workers = (await repo.activeWorkers(tx, t.workerIds)).map((w) => w.id);
        const ordered = t.workerIds.filter((id) => workers.includes(id));
        if (ordered.length > 0) await repo.setWorkers(tx, jobId, ordered, at);
        await repo.addHistory(tx, { jobIds: [jobId], from: null, to: 'scheduled', by: null, note: t.note, at });
        const job = (await repo.findJob(tx, jobId))!;
        await audit.record(tx, { action: 'create', entity: 'cleaning_job', entityId: jobId, before: null, after: auditSnapshot(job), valueFields: JOB_VALUE_FIELDS, actor: SYSTEM });
        const notices: NotifyResult[] = [];
        for (const workerId of ordered) {
          notices.push(
            await notifications.notify(tx, {
              to: { type: 'user', id: workerId },
              type: 'cleaning.assigned',
              params: { jobId, date: job.scheduled_date, time: job.scheduled_time, place: place(job), occurrences: 1 },
              link: `/app/cleaning/${jobId}`,
            }),
          );
        }
        return { jobId, notices };
      },

      /** The job as the sync needs it (status, date, workers), locked for the change. */
      find: (tx: Queryable, jobId: number) => repo.findJob(tx, jobId, true),

      /** Moves a job that has not started to a new check-out date; its workers are told. */
      async move(tx: Queryable, job: JobRow, date: string): Promise<NotifyResult[]> {
        const at = clock.now();
        await repo.updateJob(tx, job.id, { scheduledDate: date, ...window(date, job.scheduled_time, job.estimated_minutes) }, at);
        const after = (await repo.findJob(tx, job.id))!;
        await audit.record(tx, { action: 'update', entity: 'cleaning_job', entityId: job.id, before: auditSnapshot(job), after: auditSnapshot(after), valueFields: JOB_VALUE_FIELDS, actor: SYSTEM });
        const notices: NotifyResult[] = [];
        for (const w of after.workers) {
          notices.push(
            await notifications.notify(tx, {
              to: { type: 'user', id: w.id },
              type: 'cleaning.rescheduled',
              params: { jobId: job.id, date, time: after.scheduled_time, previousDate: job.scheduled_date, previousTime: job.scheduled_time, place: place(after), occurrences: 1 },
              link: `/app/cleaning/${job.id}`,
            }),
          );
        }
        return notices;
      },

      /** Cancels a job that has not started, with the reason shown on it. */
      async cancel(tx: Queryable, job: JobRow, reason: string): Promise<void> {
        const at = clock.now();
        await repo.setStatus(tx, job.id, 'cancelled', { cancelled_at: at }, reason, at);
        await repo.addHistory(tx, { jobIds: [job.id], from: job.status, to: 'cancelled', by: null, note: reason, at });
        const after = (await repo.findJob(tx, job.id))!;
        await audit.record(tx, { action: 'cancel', entity: 'cleaning_job', entityId: job.id, before: auditSnapshot(job), after: auditSnapshot(after), valueFields: JOB_VALUE_FIELDS, actor: SYSTEM });
      },

      /** Flags (or clears) a turnover whose next guests arrive the same day, with their arrival as the deadline. */
      async setBackToBack(tx: Queryable, jobId: number, deadline: Date | null): Promise<void> {
        await turnoversRepository.setBackToBack(tx, jobId, deadline, clock.now());
      },
    },
  };
}
