import type { Writable } from 'node:stream';
import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import type { ItemStageValue, LaundryRackDto, TagLookupDto } from '../../contracts/laundry-floor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { LaundryRepository, OrderRow } from './laundry.repository.js';
import type { LaundryFloorRepository, RackRow } from './laundry-floor.repository.js';
import type { LaundryService } from './laundry.service.js';
import { toItemDto } from './laundry.mappers.js';
import type { LaundryConditionRepository } from './laundry-condition.repository.js';
import { CONDITION_KIND_WORDS } from '../../contracts/laundry-condition.js';
import { assertStageBackward, assertStageForward, initials, nextStage } from './laundry-floor.js';
import { renderTicketPdf, streamLabelsPdf, type LabelFormatValue } from './laundry-labels-pdf.js';

export interface LaundryFloorDeps {
  db: Db;
  repo: LaundryRepository;
  floor: LaundryFloorRepository;
  laundry: LaundryService;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationsService;
  companyName(q: Queryable): Promise<string>;
  /** The intake condition noted per item, listed on the ticket. */
  conditions: Pick<LaundryConditionRepository, 'ticketNotes'>;
}

const CLOSED = new Set(['collected', 'delivered', 'cancelled']);
const LABEL_BATCH = 100;

const toCategoryDto = (c: { id: number; name: string; name_en: string; position: number; is_active: boolean; version: number }) => ({
  id: c.id,
  name: c.name,
  nameEn: c.name_en,
  position: c.position,
  isActive: c.is_active,
  version: c.version,
});

function toRackDto(r: RackRow, withOrder: boolean): LaundryRackDto {
  return {
    id: r.id,
    code: r.code,
    position: r.position,
    isActive: r.is_active,
    version: r.version,
    order:
      withOrder && r.order_id && r.order_number
        ? { id: r.order_id, orderNumber: r.order_number, clientName: r.client_name ?? '', readyAt: r.ready_at ? r.ready_at.toISOString() : null }
        : null,
  };
}

/** The laundry floor: categories of the price list, tags and their stages, racks, labels and tickets (issue 21). */
export function createLaundryFloorService({ db, repo, floor, laundry, clock, audit, notifications, companyName, conditions: conditionNotes }: LaundryFloorDeps) {
  async function order(q: Queryable, id: number, forUpdate = false): Promise<OrderRow> {
    const row = await repo.findOrder(q, id, forUpdate);
    if (!row) throw notFound('Laundry order not found.');
    return row;
  }

  async function lookup(q: Queryable, itemId: number): Promise<TagLookupDto> {
    const item = (await floor.item(q, itemId))!;
    const o = await order(q, item.order_id);
    const counts = await floor.stageCounts(q, o.id);
    const suggested = o.status === 'ready' && !o.rack_id ? await floor.nextFreeRack(q) : null;
    return {
      item: toItemDto(item),
      nextStage: CLOSED.has(o.status) ? null : nextStage(item.stage),
      order: {
        id: o.id,
        orderNumber: o.order_number,
        status: o.status,
        clientName: o.client_name,
        expectedReadyDate: o.expected_ready_date,
        itemCount: counts.total,
        readyCount: counts.ready,
        rack: o.rack_id && o.rack_code ? { id: o.rack_id, code: o.rack_code } : null,
        suggestedRack: suggested,
      },
    };
  }

  /** Locks the order, then the item (always in that order, so two scans of one order never deadlock). */
  async function lockItem(tx: Queryable, itemId: number) {
    const found = await floor.item(tx, itemId);
    if (!found) throw notFound('Item not found.');
    const o = await order(tx, found.order_id, true);
    const item = (await floor.item(tx, itemId, true))!;
    return { o, item };
  }

  return {
    listCategories: async (actor: Actor, includeInactive: boolean) =>
      (await floor.categories(db, !(includeInactive && (actor.role === 'master' || actor.role === 'admin')))).map(toCategoryDto),

    async createCategory(actor: Actor, body: { name: string; nameEn: string; position: number }) {
      return db.transaction(async (tx) => {
        const taken = (await floor.categories(tx, false)).some((c) => c.name.toLowerCase() === body.name.toLowerCase());
        if (taken) throw conflict('CATEGORY_EXISTS', 'A category with this name exists already.');
        const row = await floor.insertCategory(tx, body, actor.id, clock.now());
        await audit.record(tx, { action: 'create', entity: 'laundry_category', entityId: row.id, before: null, after: toCategoryDto(row), valueFields: ['name', 'isActive'] });
        return toCategoryDto(row);
      });
    },

    async updateCategory(actor: Actor, id: number, body: { version: number; name?: string | undefined; nameEn?: string | undefined; position?: number | undefined; isActive?: boolean | undefined }) {
      return db.transaction(async (tx) => {
        const before = await floor.category(tx, id);
        if (!before) throw notFound('Category not found.');
        if (body.name && (await floor.categories(tx, false)).some((c) => c.id !== id && c.name.toLowerCase() === body.name!.toLowerCase())) {
          throw conflict('CATEGORY_EXISTS', 'A category with this name exists already.');
        }
        const after = await floor.updateCategory(tx, id, body.version, { name: body.name, name_en: body.nameEn, position: body.position, is_active: body.isActive }, actor.id, clock.now());
        if (!after) throw conflict('STALE_VERSION', 'This category was changed by someone else. Reload it and try again.');
        await audit.record(tx, { action: 'update', entity: 'laundry_category', entityId: id, before: toCategoryDto(before), after: toCategoryDto(after), valueFields: ['name', 'isActive'] });
        return toCategoryDto(after);
      });
    },

    /** A scanned label: the global code in its QR (letters in any case). Unknown → 404. */
    async tag(_actor: Actor, code: string) {
      const item = await floor.itemByCode(db, code.trim().toUpperCase());
      if (!item) throw notFound('No item has this tag.');
      return lookup(db, item.id);
    },

    /**
     * One scan, one step forward. The order is locked first: of two staff scanning the same item at
     * once, the second waits, then finds the item already there and gets 409 INVALID_TRANSITION. The
     * first step of any item starts the order; the last item ready makes the order ready.
     */
    async advance(actor: Actor, itemId: number, to: ItemStageValue) {
      const at = clock.now();
      const notices = await db.transaction(async (tx) => {
        const { o, item } = await lockItem(tx, itemId);
        if (CLOSED.has(o.status)) throw conflict('ORDER_CLOSED', `The order is ${o.status}.`);
        assertStageForward(item.stage, to);
        await floor.setStage(tx, itemId, to, at);
        await floor.addStageHistory(tx, { itemId, from: item.stage, to, by: actor.id, note: null, isRevert: false, at });
        const sent = [];
        let current = o;
        if (current.status === 'received') {
          current = (await laundry.applyStatusWithin(tx, actor, current, 'in_progress', undefined, at)).row;
        }
        const counts = await floor.stageCounts(tx, o.id);
        if (current.status === 'in_progress' && counts.ready === counts.total) {
          sent.push((await laundry.applyStatusWithin(tx, actor, current, 'ready', undefined, at)).notice);
        }
        return sent;
      });
      await notifications.dispatch(notices);
      return lookup(db, itemId);
    },

    /** Staff put an item back to an earlier stage, with a reason (audited). */
    async revert(actor: Actor, itemId: number, to: ItemStageValue, reason: string) {
      const at = clock.now();
      await db.transaction(async (tx) => {
        const { o, item } = await lockItem(tx, itemId);
        if (CLOSED.has(o.status)) throw conflict('ORDER_CLOSED', `The order is ${o.status}.`);
        assertStageBackward(item.stage, to);
        await floor.setStage(tx, itemId, to, at);
        await floor.addStageHistory(tx, { itemId, from: item.stage, to, by: actor.id, note: reason, isRevert: true, at });
        await audit.record(tx, {
          action: 'revert_item_stage',
          entity: 'laundry_item',
          entityId: itemId,
          before: { stage: item.stage, orderId: o.id },
          after: { stage: to, orderId: o.id, reason },
          valueFields: ['stage', 'orderId'],
        });
      });
      return lookup(db, itemId);
    },

    async updateItem(_actor: Actor, itemId: number, body: { version: number; colour?: string | null | undefined; brand?: string | null | undefined; notes?: string | null | undefined; category?: string | null | undefined }) {
      return db.transaction(async (tx) => {
        const { o, item } = await lockItem(tx, itemId);
        if (CLOSED.has(o.status)) throw conflict('ORDER_CLOSED', `The order is ${o.status}.`);
        if (item.version !== body.version) throw conflict('STALE_VERSION', 'This item was changed by someone else. Reload it and try again.');
        const after = await floor.updateItem(tx, itemId, body.version, { colour: body.colour, brand: body.brand, notes: body.notes, category: body.category }, clock.now());
        return toItemDto(after!);
      });
    },

    async racks(actor: Actor, includeInactive: boolean, q: string | undefined) {
      const staff = actor.role === 'master' || actor.role === 'admin';
      return (await floor.racks(db, { includeInactive: includeInactive && staff, q })).map((r) => toRackDto(r, true));
    },

    async createRack(actor: Actor, body: { code: string; position: number }) {
      return db.transaction(async (tx) => {
        if (await floor.rackCodeTaken(tx, body.code, null)) throw conflict('RACK_CODE_TAKEN', 'A rack with this code exists already.');
        const id = await floor.insertRack(tx, body, clock.now());
        if (!id) throw conflict('RACK_CODE_TAKEN', 'A rack with this code exists already.');
        const row = (await floor.rack(tx, id))!;
        await audit.record(tx, { action: 'create', entity: 'laundry_rack', entityId: id, before: null, after: toRackDto(row, false), valueFields: ['code', 'isActive'] });
        return toRackDto(row, true);
      });
    },

    async updateRack(actor: Actor, id: number, body: { version: number; code?: string | undefined; position?: number | undefined; isActive?: boolean | undefined }) {
      return db.transaction(async (tx) => {
        const before = await floor.rack(tx, id, true);
        if (!before) throw notFound('Rack not found.');
        if (body.code && (await floor.rackCodeTaken(tx, body.code, id))) throw conflict('RACK_CODE_TAKEN', 'A rack with this code exists already.');
        if (body.isActive === false && before.order_id) throw conflict('RACK_IN_USE', `Order ${before.order_number} is on this rack; move it first.`);
        if (!(await floor.updateRack(tx, id, body.version, { code: body.code, position: body.position, is_active: body.isActive }, clock.now()))) {
          throw conflict('STALE_VERSION', 'This rack was changed by someone else. Reload it and try again.');
        }
        const after = (await floor.rack(tx, id))!;
        await audit.record(tx, { action: 'update', entity: 'laundry_rack', entityId: id, before: toRackDto(before, false), after: toRackDto(after, false), valueFields: ['code', 'isActive'] });
        return toRackDto(after, true);
      });
    },

    /** Puts a ready order on a rack. A rack held by another order → 409 RACK_TAKEN with the next free one. */
    async assignRack(actor: Actor, orderId: number, rackId: number) {
      const at = clock.now();
      await db.transaction(async (tx) => {
        const o = await order(tx, orderId, true);
        if (o.status !== 'ready') throw conflict('ORDER_NOT_READY', 'Only a ready order goes on a rack.');
        const rack = await floor.rack(tx, rackId, true);
        if (!rack || !rack.is_active) throw badRequest('UNKNOWN_RACK', 'No such rack.', [{ path: 'body.rackId', message: 'unknown rack', code: 'UNKNOWN_RACK' }]);
        // Read again after the rack's lock: another assignment may have committed while this one waited.
        const holder = await tx.query<{ id: number; order_number: string }>(`SELECT id, order_number FROM laundry_orders WHERE rack_id = $1`, [rackId]);
        const other = holder.rows[0];
        if (other && other.id !== orderId) {
          const suggestion = await floor.nextFreeRack(tx);
          throw new AppError(409, 'RACK_TAKEN', `Rack ${rack.code} holds ${other.order_number}.`, { suggestion });
        }
        await floor.setOrderRack(tx, orderId, rackId, at);
        await audit.record(tx, {
          action: 'assign_rack',
          entity: 'laundry_order',
          entityId: orderId,
          before: { rackId: o.rack_id },
          after: { rackId },
          valueFields: ['rackId'],
        });
      });
      return laundry.get(actor, orderId);
    },

    /** Streams the labels PDF of an order to `out` (headers are the caller's). */
    async labels(actor: Actor, orderId: number, format: LabelFormatValue, out: Writable) {
      const o = await order(db, orderId);
      let after = 0;
      await streamLabelsPdf(
        out,
        { orderNumber: o.order_number, clientInitials: initials(o.client_name), dueDate: o.expected_ready_date, express: o.express, at: o.created_at },
        format,
        async () => {
          const rows = await floor.itemsAfter(db, orderId, after, LABEL_BATCH);
          after = rows.length ? rows[rows.length - 1]!.seq : after;
          return rows.map((r) => ({ tagCode: r.tag_code, globalCode: r.global_code, description: r.description, kind: r.kind }));
        },
      );
    },

    /** Existence and visibility checked before any header is sent. */
    async assertOrder(actor: Actor, orderId: number) {
      const o = await order(db, orderId);
      if (actor.role === 'client' && o.client_id !== actor.id) throw notFound('Laundry order not found.');
      return o;
    },

    async ticket(actor: Actor, orderId: number, locale: 'pt' | 'en') {
      const o = await this.assertOrder(actor, orderId);
      const [lines, items, company, noted] = [await repo.lines(db, orderId), await floor.items(db, orderId), await companyName(db), await conditionNotes.ticketNotes(db, orderId)];
      const conditions = [
        ...noted.map((n) => `${n.tag_code} ${n.description}: ${CONDITION_KIND_WORDS[locale][n.kind]}${n.note ? ` — ${n.note}` : ''}`),
        ...lines.filter((l) => l.condition_notes).map((l) => `${l.item_type ?? (locale === 'pt' ? l.service_name : l.service_name_en)}: ${l.condition_notes}`),
        ...items.filter((i) => i.notes).map((i) => `${i.tag_code} ${i.description}: ${i.notes}`),
      ];
      const bytes = await renderTicketPdf(
        {
          locale,
          companyName: company,
          orderNumber: o.order_number,
          clientName: o.client_name,
          takenAt: o.created_at.toLocaleString(locale === 'pt' ? 'pt-PT' : 'en-GB', { timeZone: 'Europe/Lisbon', dateStyle: 'short', timeStyle: 'short' }),
          dueDate: o.expected_ready_date,
          express: o.express,
          lines: lines.map((l) => ({
            description: `${l.item_type ?? (locale === 'pt' ? l.service_name : l.service_name_en)}`,
            amount: l.pricing_unit === 'per_kg' ? `${((l.weight_grams ?? 0) / 1000).toFixed(1)} kg` : `× ${l.quantity ?? 1}`,
            totalCents: l.total_cents,
          })),
          items: items.map((i) => ({ tagCode: i.tag_code, description: i.description, colour: i.colour, notes: i.notes })),
          conditions,
          totalCents: o.total_cents,
          vatCents: o.vat_cents,
        },
        o.created_at,
      );
      return { bytes, fileName: `${o.order_number}-talao.pdf` };
    },
  };
}

export type LaundryFloorService = ReturnType<typeof createLaundryFloorService>;
