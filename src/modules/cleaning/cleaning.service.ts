import type { Queryable } from '../../db/pool.js';
import { notFound } from '../../lib/app-error.js';
import { lisbonDate } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import { allowedNext } from './cleaning-status.js';
import type { JobFilters } from './cleaning-jobs.repository.js';
import { toClientView, toStaffView, toWorkerView } from './cleaning.mappers.js';
import { createCleaningContext, isStaff, type CleaningServiceDeps, type CompletionRequirement, type CompletionStep, type JobAccess } from './cleaning-context.js';
import { createCleaningBooking } from './cleaning-booking.js';
import { createCleaningTimeOnSite } from './cleaning-time-on-site.js';
import { createCleaningTurnovers } from './cleaning-turnovers.js';

export type { CleaningServiceDeps, CleaningSettings, CompletionRequirement, CompletionStep, JobAccess } from './cleaning-context.js';

/**
 * Cleaning jobs (PRODUCT §2, §4, §5): the reading side here, booking and time on site in their own
 * files, all over one context (who may see a job, and how each audience sees it).
 */
export function createCleaningService(deps: CleaningServiceDeps) {
  const ctx = createCleaningContext(deps);
  const { db, repo, clock, settings, payments, completionRequirements, loadVisible, view, viewSettings, accessFrom, estimateOf, recordAccessView } = ctx;

  return {
    ...createCleaningBooking(ctx),
    ...createCleaningTimeOnSite(ctx),
    ...createCleaningTurnovers(ctx),

    /** Another module's rule for completion (photos add "at least one after photo"). */
    addCompletionRequirement(requirement: CompletionRequirement): void {
      completionRequirements.push(requirement);
    },

    /** Another module's work on completion, in the same transaction (linen → laundry order). */
    addCompletionStep(step: CompletionStep): void {
      ctx.completionSteps.push(step);
    },

    /** Whether the caller may see job `jobId` (404 otherwise, for every role) and upload to it. */
    async jobAccess(actor: Actor, jobId: number, q: Queryable = db): Promise<JobAccess> {
      const row = await loadVisible(q, actor, jobId);
      return { jobId: row.id, clientId: row.client_id, propertyId: row.property_id, status: row.status, canUpload: actor.role !== 'client' };
    },

    async list(actor: Actor, filters: JobFilters, page: PageInput) {
      const scope = actor.role === 'worker' ? { workerId: actor.id } : actor.role === 'client' ? { clientId: actor.id } : {};
      // The settings (VAT rate for estimates, access lead time) come with the page's own statement.
      const result = await repo.listJobs(filters, scope, page, viewSettings.column('view_settings'));
      const values = viewSettings.read(result.items[0]?.view_settings);
      if (isStaff(actor)) return mapPage(result, (r) => toStaffView(r, allowedNext(r.status), estimateOf(r, values)));
      if (actor.role === 'worker') {
        const me = await repo.logStateOf(db, actor.id, result.items.map((r) => r.id));
        return mapPage(result, (r) => toWorkerView(r, allowedNext(r.status).filter((s) => s !== 'cancelled'), accessFrom(r, values), me));
      }
      return mapPage(result, (r) => toClientView(r, estimateOf(r, values)));
    },

    /** The worker's day on their phone: today's jobs (Lisbon) and wherever they are still clocked in. */
    async today(actor: Actor) {
      const rows = await repo.workerDay(db, actor.id, lisbonDate(clock.now()));
      const values = await settings.all();
      const me = await repo.logStateOf(db, actor.id, rows.map((r) => r.id));
      return rows.map((r) => toWorkerView(r, allowedNext(r.status).filter((s) => s !== 'cancelled'), accessFrom(r, values), me));
    },

    /** The detail in one statement: the job, its time logs, history, photo counts, staff's payments block and the settings it needs. */
    async get(actor: Actor, id: number) {
      const extraColumns = [viewSettings.column('view_settings'), ...(isStaff(actor) && payments ? [payments.detailColumns] : [])].join(', ');
      const row = await repo.findJobDetail<{ view_settings: unknown }>(db, id, { workerId: actor.role === 'worker' ? actor.id : undefined, extraColumns });
      // Not yours is the same answer as not there (PRODUCT §5), for every role.
      if (!row || (actor.role === 'client' && row.client_id !== actor.id) || (actor.role === 'worker' && !row.worker_assigned)) {
        throw notFound('No such cleaning job.');
      }
      return view(db, actor, row, { detail: true, reveal: true, read: row, values: viewSettings.read(row.view_settings) });
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
