import type { Db, Queryable } from '../../db/pool.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import type { CreateLaundryOrderInput } from '../../contracts/laundry.js';
import type { CountLinenInput, JobLinenDto, LinenItemDto, SaveLinenSetInput } from '../../contracts/linen.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CompletionStep, JobAccess } from '../cleaning/cleaning.service.js';
import type { LinenItemRow, LinenRepository } from './linen.repository.js';

export interface LinenDeps {
  db: Db;
  repo: LinenRepository;
  clock: Clock;
  audit: AuditService;
  jobs: { jobAccess(actor: Actor, jobId: number, q?: Queryable): Promise<JobAccess> };
  laundry: { createWithin(tx: Queryable, actor: Actor, input: CreateLaundryOrderInput): Promise<{ id: number; orderNumber: string }> };
}

const STAFF = new Set(['master', 'admin']);
const isOpen = (status: string) => status === 'scheduled' || status === 'in_progress';
const toItem = (r: LinenItemRow): LinenItemDto => ({ id: r.id, serviceId: r.service_id, serviceName: r.service_name, label: r.label, quantity: r.quantity });

/**
 * The linen a short-let property's turnovers send to the laundry: the set per property, the worker's
 * count per turnover, and on completion one laundry order for the host, priced like any other.
 */
export function createLinenService({ db, repo, clock, audit, jobs, laundry }: LinenDeps) {
  async function propertyFor(q: Queryable, actor: Actor, propertyId: number) {
    const property = await repo.property(q, propertyId);
    if (!property || !(STAFF.has(actor.role) || (actor.role === 'client' && property.client_id === actor.id))) throw notFound('No such property.');
    return property;
  }

  async function jobLinen(q: Queryable, jobId: number, propertyId: number): Promise<JobLinenDto> {
    const [rows, order] = await Promise.all([repo.forJob(q, jobId, propertyId), repo.orderOf(q, jobId)]);
    return {
      jobId,
      items: rows.map((r) => ({ linenItemId: r.id, label: r.label, serviceName: r.service_name, planned: r.quantity, count: r.counted ?? r.quantity })),
      order: order ? { id: order.id, orderNumber: order.order_number, status: order.status } : null,
    };
  }

  return {
    async set(actor: Actor, propertyId: number): Promise<LinenItemDto[]> {
      await propertyFor(db, actor, propertyId);
      return (await repo.set(db, propertyId)).map(toItem);
    },

    async saveSet(actor: Actor, propertyId: number, input: SaveLinenSetInput): Promise<LinenItemDto[]> {
      return db.transaction(async (tx) => {
        await propertyFor(tx, actor, propertyId);
        const services = await repo.services(tx, input.items.map((i) => i.serviceId));
        input.items.forEach((item, i) => {
          const service = services.find((s) => s.id === item.serviceId);
          const path = `body.items.${i}.serviceId`;
          if (!service) throw badRequest('UNKNOWN_SERVICE', `Line ${i + 1}: no such service.`, [{ path, code: 'UNKNOWN_SERVICE', message: 'unknown service' }]);
          if (!service.is_active || service.pricing_unit !== 'per_item') {
            throw badRequest('LINEN_SERVICE_NOT_PER_ITEM', `Line ${i + 1}: linen is counted in pieces; choose an active per-item service.`, [
              { path, code: 'LINEN_SERVICE_NOT_PER_ITEM', message: 'not an active per-item service' },
            ]);
          }
        });
        const before = (await repo.set(tx, propertyId)).map(toItem);
        await repo.replaceSet(tx, propertyId, input.items);
        const after = (await repo.set(tx, propertyId)).map(toItem);
        await audit.record(tx, { action: 'update', entity: 'property_linen', entityId: propertyId, before: { items: before }, after: { items: after }, valueFields: ['items'] });
        return after;
      });
    },

    async forJob(actor: Actor, jobId: number): Promise<JobLinenDto> {
      const job = await jobs.jobAccess(actor, jobId);
      return jobLinen(db, jobId, job.propertyId);
    },

    /** The worker's count on site (a towel missing): what the laundry order will carry. */
    async count(actor: Actor, jobId: number, input: CountLinenInput): Promise<JobLinenDto> {
      return db.transaction(async (tx) => {
        const job = await jobs.jobAccess(actor, jobId, tx);
        if (!job.canUpload) throw forbidden();
        if (!isOpen(job.status)) throw conflict('JOB_CLOSED', `The job is ${job.status}.`);
        const set = await repo.set(tx, job.propertyId);
        const at = clock.now();
        for (const [i, c] of input.counts.entries()) {
          if (!set.some((s) => s.id === c.linenItemId)) {
            throw badRequest('UNKNOWN_LINEN_ITEM', 'Not a line of this property’s linen set.', [{ path: `body.counts.${i}.linenItemId`, code: 'UNKNOWN_LINEN_ITEM', message: 'not in the set' }]);
          }
          await repo.saveCount(tx, jobId, c.linenItemId, c.quantity, actor.id, at);
        }
        return jobLinen(tx, jobId, job.propertyId);
      });
    },

    /** On a turnover's completion: its linen (as counted) becomes a laundry order for the host, status received. */
    orderOnCompletion: (async (tx, job) => {
      if (job.jobType !== 'airbnb') return;
      const lines = (await repo.forJob(tx, job.id, job.propertyId))
        .map((r) => ({ serviceId: r.service_id, quantity: r.counted ?? r.quantity, itemType: r.label }))
        .filter((l) => l.quantity > 0);
      if (lines.length === 0 || (await repo.orderOf(tx, job.id))) return;
      const order = await laundry.createWithin(tx, job.actor, {
        clientId: job.clientId,
        orderType: 'itemized',
        express: false,
        lines,
        internalNotes: `Roupa da limpeza de saída #${job.id}`,
        deliveryRequested: false,
        additionalChargesCents: 0,
        discountCents: 0,
      });
      await repo.linkOrder(tx, job.id, order.id, clock.now());
    }) satisfies CompletionStep,
  };
}

export type LinenService = ReturnType<typeof createLinenService>;
