import type { Db } from '../../db/pool.js';
import { AppError, badRequest, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import type { CreateLaundryServiceInput, UpdateLaundryServiceInput } from '../../contracts/laundry.js';
import type { AuditService } from '../audit/audit.service.js';
import type { LaundryRepository } from './laundry.repository.js';
import type { LaundryFloorRepository } from './laundry-floor.repository.js';
import { toServiceDto, toServiceName } from './laundry.mappers.js';
import { serviceCode } from './laundry-floor.js';

const SERVICE_VALUE_FIELDS = ['priceCents', 'minimumChargeCents', 'isActive', 'description', 'name', 'nameEn', 'categoryId', 'turnaroundDays', 'express', 'position'];
const staleService = () => new AppError(409, 'STALE_VERSION', 'This service was changed by someone else. Reload it and try again.');

const STAFF = new Set(['master', 'admin']);
const isStaff = (actor: Actor) => STAFF.has(actor.role);

/** The service catalogue: what the laundry offers and at what price, read by everyone, changed by staff. */
export function createLaundryCatalogueService({ db, repo, clock, audit, floor }: { db: Db; repo: LaundryRepository; clock: Clock; audit: AuditService; floor: LaundryFloorRepository }) {
  return {
    async listServices(actor: Actor, includeInactive: boolean) {
      const rows = await repo.listServices(!(isStaff(actor) && includeInactive));
      if (actor.role === 'worker') return rows.map(toServiceName);
      return rows.map(toServiceDto);
    },

    async createService(actor: Actor, body: CreateLaundryServiceInput) {
      return db.transaction(async (tx) => {
        const category = await floor.category(tx, body.categoryId);
        if (!category) throw badRequest('UNKNOWN_CATEGORY', 'No such category.', [{ path: 'body.categoryId', message: 'unknown category', code: 'UNKNOWN_CATEGORY' }]);
        // Concurrent creates of the same name queue here, so each gets its own code.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('laundry_services.code'))`);
        const code = serviceCode(body.name, await repo.codesLike(tx, serviceCode(body.name, new Set())));
        const created = await repo.insertService(
          tx,
          {
            code,
            name: body.name,
            name_en: body.nameEn,
            pricing_unit: body.pricingUnit,
            price_cents: body.priceCents,
            minimum_charge_cents: body.minimumChargeCents ?? null,
            description: body.description ?? null,
            category_id: body.categoryId,
            position: body.position,
            turnaround_days: body.turnaroundDays,
            express_kind: body.express?.kind ?? null,
            express_value: body.express?.value ?? null,
            express_turnaround_days: body.express?.turnaroundDays ?? null,
          },
          actor.id,
          clock.now(),
        );
        await audit.record(tx, { action: 'create', entity: 'laundry_service', entityId: created.id, before: null, after: toServiceDto(created), valueFields: SERVICE_VALUE_FIELDS });
        return toServiceDto(created);
      });
    },

    async updateService(actor: Actor, id: number, body: UpdateLaundryServiceInput) {
      return db.transaction(async (tx) => {
        const before = await repo.findService(tx, id);
        if (!before) throw notFound('Service not found.');
        if (body.categoryId !== undefined && !(await floor.category(tx, body.categoryId))) {
          throw badRequest('UNKNOWN_CATEGORY', 'No such category.', [{ path: 'body.categoryId', message: 'unknown category', code: 'UNKNOWN_CATEGORY' }]);
        }
        const express = body.express === undefined ? {} : { express_kind: body.express?.kind ?? null, express_value: body.express?.value ?? null, express_turnaround_days: body.express?.turnaroundDays ?? null };
        const after = await repo.updateService(
          tx,
          id,
          body.version,
          {
            name: body.name,
            name_en: body.nameEn,
            category_id: body.categoryId,
            price_cents: body.priceCents,
            minimum_charge_cents: body.minimumChargeCents,
            description: body.description,
            position: body.position,
            turnaround_days: body.turnaroundDays,
            is_active: body.isActive,
            ...express,
          },
          actor.id,
          clock.now(),
        );
        if (!after) throw staleService();
        await audit.record(tx, {
          action: 'update',
          entity: 'laundry_service',
          entityId: id,
          before: toServiceDto(before),
          after: toServiceDto(after),
          valueFields: SERVICE_VALUE_FIELDS,
        });
        return toServiceDto(after);
      });
    },
  };
}
