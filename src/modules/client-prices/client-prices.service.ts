import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import { AppError, badRequest, notFound } from '../../lib/app-error.js';
import { pageOfArray, type PageInput } from '../../lib/paging.js';
import type { ClientPriceDto, CreateClientPriceInput, UpdateClientPriceInput } from '../../contracts/client-prices.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClientPriceRow, ClientPricesRepository } from './client-prices.repository.js';

/**
 * A client's own prices (issue 19 §7). Staff keep them on the client page; the pricing of laundry lines
 * and cleaning jobs asks `laundryOn` / `cleaningHourOn` for the prices in force on the Lisbon day being
 * priced, and snapshots the result like every other pricing input, so editing a price later never
 * reprices work already taken.
 */

const AUDIT_VALUES = ['item', 'serviceId', 'priceCents', 'validFrom', 'validTo'] as const;

export interface ClientPricesDeps {
  db: Db;
  repo: ClientPricesRepository;
  clock: Clock;
  audit: AuditService;
  /** The settings' hourly cleaning rate now: what a cleaning-hour price overrides. */
  cleaningHourlyRate(q: Queryable): Promise<number>;
}

const field = (path: string, code: string, message: string) => [{ path, message, code }];

function notPositive(priceCents: number) {
  if (priceCents <= 0) throw badRequest('PRICE_NOT_POSITIVE', 'A client price must be more than zero.', field('body.priceCents', 'PRICE_NOT_POSITIVE', 'must be more than 0'));
}

const overlap = (id: number) =>
  badRequest('PRICE_PERIOD_OVERLAP', 'This client already has a price for this item on some of these days.', field('body.validFrom', 'PRICE_PERIOD_OVERLAP', `overlaps price ${id}`));

function snapshot(r: ClientPriceRow) {
  return { item: r.item, serviceId: r.service_id, priceCents: r.price_cents, validFrom: r.valid_from, validTo: r.valid_to };
}

export function createClientPricesService({ db, repo, clock, audit, cleaningHourlyRate }: ClientPricesDeps) {
  async function toDto(q: Queryable, rows: ClientPriceRow[]): Promise<ClientPriceDto[]> {
    const hourly = rows.some((r) => r.item === 'cleaning_hour') ? await cleaningHourlyRate(q) : 0;
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      item: r.item,
      serviceId: r.service_id,
      serviceCode: r.service_code,
      serviceName: r.service_name,
      serviceNameEn: r.service_name_en,
      pricingUnit: r.pricing_unit,
      catalogueCents: r.item === 'cleaning_hour' ? hourly : (r.catalogue_cents ?? 0),
      priceCents: r.price_cents,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      version: r.version,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  async function lockClient(tx: Queryable, clientId: number) {
    if (!(await repo.lockClient(tx, clientId))) throw notFound('No such client.');
  }

  async function one(q: Queryable, clientId: number, id: number) {
    return (await toDto(q, [(await repo.find(q, clientId, id))!]))[0]!;
  }

  return {
    async list(clientId: number, page: PageInput) {
      if (!(await repo.clientExists(db, clientId))) throw notFound('No such client.');
      return pageOfArray(await toDto(db, await repo.list(db, clientId)), page);
    },

    async create(actor: Actor, clientId: number, input: CreateClientPriceInput): Promise<ClientPriceDto> {
      notPositive(input.priceCents);
      let serviceId: number | null = null;
      if (input.item === 'laundry_service') {
        if (input.serviceId === undefined) throw badRequest('SERVICE_REQUIRED', 'Say which laundry service this price is for.', field('body.serviceId', 'SERVICE_REQUIRED', 'required'));
        serviceId = input.serviceId;
      } else if (input.serviceId !== undefined) {
        throw badRequest('SERVICE_NOT_ALLOWED', 'A cleaning-hour price is not for a laundry service.', field('body.serviceId', 'SERVICE_NOT_ALLOWED', 'not accepted for cleaning_hour'));
      }
      const validTo = input.validTo ?? null;
      return db.transaction(async (tx) => {
        await lockClient(tx, clientId);
        if (serviceId !== null && !(await repo.service(tx, serviceId))) {
          throw badRequest('UNKNOWN_SERVICE', 'No such laundry service.', field('body.serviceId', 'UNKNOWN_SERVICE', 'unknown service'));
        }
        const clash = await repo.overlapping(tx, { clientId, item: input.item, serviceId, from: input.validFrom, to: validTo });
        if (clash) throw overlap(clash);
        const id = await repo.insert(tx, {
          clientId,
          item: input.item,
          serviceId,
          priceCents: input.priceCents,
          validFrom: input.validFrom,
          validTo,
          createdBy: actor.type === 'user' ? actor.id : null,
          at: clock.now(),
        });
        const row = (await repo.find(tx, clientId, id))!;
        await audit.record(tx, { action: 'create', entity: 'client_price', entityId: id, before: null, after: snapshot(row), valueFields: AUDIT_VALUES });
        return one(tx, clientId, id);
      });
    },

    async update(clientId: number, id: number, input: UpdateClientPriceInput): Promise<ClientPriceDto> {
      if (input.priceCents !== undefined) notPositive(input.priceCents);
      return db.transaction(async (tx) => {
        await lockClient(tx, clientId);
        const before = await repo.find(tx, clientId, id, true);
        if (!before) throw notFound('No such client price.');
        const next = {
          priceCents: input.priceCents ?? before.price_cents,
          validFrom: input.validFrom ?? before.valid_from,
          validTo: input.validTo !== undefined ? input.validTo : before.valid_to,
        };
        if (next.validTo !== null && next.validTo < next.validFrom) {
          throw badRequest('VALIDATION_FAILED', 'The price ends before it starts.', field('body.validTo', 'custom', 'must not be before validFrom'));
        }
        const clash = await repo.overlapping(tx, { clientId, item: before.item, serviceId: before.service_id, from: next.validFrom, to: next.validTo, exceptId: id });
        if (clash) throw overlap(clash);
        if (!(await repo.update(tx, id, input.version, next, clock.now()))) {
          throw new AppError(409, 'STALE_VERSION', 'This price was changed by someone else. Reload it and try again.');
        }
        const after = (await repo.find(tx, clientId, id))!;
        await audit.record(tx, { action: 'update', entity: 'client_price', entityId: id, before: snapshot(before), after: snapshot(after), valueFields: AUDIT_VALUES });
        return one(tx, clientId, id);
      });
    },

    async remove(clientId: number, id: number): Promise<void> {
      await db.transaction(async (tx) => {
        await lockClient(tx, clientId);
        const before = await repo.find(tx, clientId, id, true);
        if (!before) throw notFound('No such client price.');
        await repo.remove(tx, id);
        await audit.record(tx, { action: 'delete', entity: 'client_price', entityId: id, before: snapshot(before), after: null, valueFields: AUDIT_VALUES });
      });
    },

    /** The client's laundry prices in force on a Lisbon day: service id → cents per kg or per item. */
    laundryOn: (q: Queryable, clientId: number, serviceIds: number[], day: string) => repo.laundryOn(q, clientId, serviceIds, day),

    /** The client's hourly cleaning rate in force on a Lisbon day, or undefined (the settings' rate applies). */
    cleaningHourOn: (q: Queryable, clientId: number, day: string) => repo.cleaningHourOn(q, clientId, day),
  };
}

export type ClientPricesService = ReturnType<typeof createClientPricesService>;
