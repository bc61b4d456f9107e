import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, notFound } from '../../lib/app-error.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type {
  CreateLaundryOrderInput,
  LaundryLineInputDto,
  PricePreviewInput,
  UpdateLaundryOrderInput,
} from '../../contracts/laundry.js';
import type { PaymentSummaryDto } from '../../contracts/payments.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { allowedNext, assertTransition, isOpen, STAMP_OF, type LaundryStatus } from './laundry-status.js';
import type { LaundryRepository, LineRow, NewLine, OrderDetailRow, OrderFilters, OrderRow } from './laundry.repository.js';
import type { ServiceRow } from './laundry-services.repository.js';
import { toClientView, toStaffView, toWorkerView } from './laundry.mappers.js';
import { createLaundryCatalogueService } from './laundry-catalogue.service.js';
import { assertItemCap, expectedReady, itemCountOf, itemsOf, newLines, total } from './laundry-order-lines.js';
import type { LaundryFloorRepository } from './laundry-floor.repository.js';

/** The pricing settings in force now (VAT rate, delivery fee), read fresh: no per-instance cache. */
export interface PricingSettings {
  laundryPricing(q: Queryable): Promise<{ vatRateBasisPoints: number; deliveryFeeCents: number }>;
}

/** The payments block of an order's detail (staff views), answered by the payments module. */
export interface OrderPayments {
  summary(q: Queryable, orderId: number): Promise<PaymentSummaryDto | null>;
  /** Select-list columns about the order `o.id`, added to the detail's own statement … */
  detailColumns: string;
  /** … and the payments block made from them, without a query. */
  fromColumns(q: Queryable, row: object): Promise<PaymentSummaryDto | null>;
}

/** A client's own prices (issue 19 §7): service id → cents on a Lisbon day, answered by the client-prices module. */
export interface ClientLaundryPrices {
  laundryOn(q: Queryable, clientId: number, serviceIds: number[], day: string): Promise<Map<number, number>>;
}

export interface LaundryServiceDeps {
  db: Db;
  repo: LaundryRepository;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationsService;
  settings: PricingSettings;
  payments?: OrderPayments;
  clientPrices?: ClientLaundryPrices;
  floor: LaundryFloorRepository;
}

const STAFF = new Set(['master', 'admin']);
const isStaff = (actor: Actor) => STAFF.has(actor.role);

/** Prices, totals and pricing inputs that the audit log may keep as values. */
const ORDER_VALUE_FIELDS = [
  'status',
  'orderType',
  'deliveryRequested',
  'additionalChargesCents',
  'discountCents',
  'deliveryFeeCents',
  'vatRateBasisPoints',
  'linesTotalCents',
  'subtotalCents',
  'vatCents',
  'totalCents',
  'assignedWorkerId',
  'lineCount',
] as const;

function auditSnapshot(row: OrderRow) {
  return {
    status: row.status,
    orderType: row.order_type,
    deliveryRequested: row.delivery_requested,
    additionalChargesCents: row.additional_charges_cents,
    discountCents: row.discount_cents,
    deliveryFeeCents: row.delivery_fee_cents,
    vatRateBasisPoints: row.vat_rate_bp,
    linesTotalCents: row.lines_total_cents,
    subtotalCents: row.subtotal_cents,
    vatCents: row.vat_cents,
    totalCents: row.total_cents,
    assignedWorkerId: row.assigned_worker_id,
    lineCount: row.line_count,
    expectedReadyDate: row.expected_ready_date,
    specialInstructions: row.special_instructions,
    internalNotes: row.internal_notes,
    deliveryAddress: row.delivery_address,
    deliveryPropertyId: row.delivery_property_id,
    deliveryDate: row.delivery_date,
    additionalChargesNote: row.additional_charges_note,
  };
}

/** LDR-YYYYMMDD-NNN: the Lisbon day and its sequence, at least three digits (1000 and up simply grow). */
export function formatOrderNumber(lisbonDay: string, n: number): string {
  return `LDR-${lisbonDay.replaceAll('-', '')}-${String(n).padStart(3, '0')}`;
}

const staleVersion = () => new AppError(409, 'STALE_VERSION', 'This order was changed by someone else. Reload it and try again.');
const orderClosed = (status: string) => new AppError(409, 'ORDER_CLOSED', `The order is ${status} and can no longer be edited.`);

export function createLaundryService({ db, repo, clock, audit, notifications, settings, payments, clientPrices, floor }: LaundryServiceDeps) {
  /** The client's own prices in force on the Lisbon day of `at` for these services (none without a client). */
  async function clientPricesFor(q: Queryable, clientId: number | undefined, services: Map<number, ServiceRow>, at: Date) {
    if (clientId === undefined || !clientPrices) return new Map<number, number>();
    return clientPrices.laundryOn(q, clientId, [...services.keys()], lisbonDate(at));
  }

  const categoryNames = async (q: Queryable) => new Map((await floor.categories(q, false)).map((c) => [c.id, c.name]));

  /**
   * Tags the items of lines just inserted (ids in the same order), numbered after `existing` items.
   * A new order passes `existing` 0 and its categories read before the day counter's lock, so the
   * counter is held for one more statement only.
   */
  async function tagItems(
    tx: Queryable,
    order: { id: number; orderNumber: string },
    lines: NewLine[],
    lineIds: number[],
    at: Date,
    categories: Map<number, string>,
    existing: { count: number; maxSeq: number },
  ) {
    const items = lines.flatMap((l, i) => itemsOf(l, lineIds[i]!, l.service.category_id ? (categories.get(l.service.category_id) ?? null) : null));
    assertItemCap(existing.count + items.length);
    await floor.insertItems(tx, order, existing.maxSeq + 1, items, at);
  }

  /** The price of new lines with the order's charges: one computation for the live preview and the order stored. */
  async function priceLines(q: Queryable, input: PricePreviewInput, at: Date) {
    const services = await servicesFor(q, input.lines, 'lines.');
    const lines = newLines(input.lines, services, await clientPricesFor(q, input.clientId, services, at), 1, 'lines.', input.express);
    const pricing = await settings.laundryPricing(q);
    const price = total(
      lines.map((l) => l.totalCents),
      {
        additionalChargesCents: input.additionalChargesCents,
        discountCents: input.discountCents,
        deliveryRequested: input.deliveryRequested,
        deliveryFeeCents: pricing.deliveryFeeCents,
        vatRateBasisPoints: pricing.vatRateBasisPoints,
      },
    );
    return { lines, pricing, price };
  }

  /** An edit of an open order; without a version when another module's change holds the order's lock itself. */
  async function updateInTx(tx: Queryable, actor: Actor, id: number, input: Omit<UpdateLaundryOrderInput, 'version'> & { version?: number | undefined }) {
    const at = clock.now();
    const before = await loadVisible(tx, actor, id, true);
    if (input.version !== undefined && input.version !== before.version) throw staleVersion();
    if (!isOpen(before.status)) throw orderClosed(before.status);
    await assertWorker(tx, input.assignedWorkerId);
    const deliveryRequested = input.deliveryRequested ?? before.delivery_requested;
    const propertyId = input.deliveryPropertyId !== undefined ? input.deliveryPropertyId : before.delivery_property_id;
    const givenAddress = input.deliveryAddress !== undefined ? input.deliveryAddress : input.deliveryPropertyId !== undefined ? null : before.delivery_address;
    if (deliveryRequested && !propertyId && !givenAddress) {
      throw badRequest('VALIDATION_FAILED', 'A delivery needs a property or an address.', [
        { path: 'body.deliveryAddress', message: 'a delivery needs a property or an address', code: 'custom' },
      ]);
    }
    const address = deliveryRequested ? await deliveryAddress(tx, before.client_id, propertyId, givenAddress) : null;
    const fields: Record<string, unknown> = {
      order_type: input.orderType ?? before.order_type,
      expected_ready_date: input.expectedReadyDate !== undefined ? input.expectedReadyDate : before.expected_ready_date,
      special_instructions: input.specialInstructions !== undefined ? input.specialInstructions : before.special_instructions,
      internal_notes: input.internalNotes !== undefined ? input.internalNotes : before.internal_notes,
      delivery_requested: deliveryRequested,
      delivery_property_id: deliveryRequested ? (propertyId ?? null) : null,
      delivery_address: address,
      delivery_date: deliveryRequested ? (input.deliveryDate !== undefined ? input.deliveryDate : before.delivery_date) : null,
      additional_charges_cents: input.additionalChargesCents ?? before.additional_charges_cents,
      additional_charges_note: input.additionalChargesNote !== undefined ? input.additionalChargesNote : before.additional_charges_note,
      discount_cents: input.discountCents ?? before.discount_cents,
      assigned_worker_id: input.assignedWorkerId !== undefined ? input.assignedWorkerId : before.assigned_worker_id,
    };
    const lines = await repo.lines(tx, id);
    const price = total(
      lines.map((l) => l.total_cents),
      {
        additionalChargesCents: fields.additional_charges_cents as number,
        discountCents: fields.discount_cents as number,
        deliveryRequested,
        deliveryFeeCents: before.delivery_fee_cents,
        vatRateBasisPoints: before.vat_rate_bp,
      },
    );
    await repo.updateOrder(tx, id, fields, price, at);
    const after = (await repo.findOrder(tx, id))!;
    await audit.record(tx, { action: 'update', entity: 'laundry_order', entityId: id, before: auditSnapshot(before), after: auditSnapshot(after), valueFields: ORDER_VALUE_FIELDS });
    return after;
  }

  async function createInTx(tx: Queryable, actor: Actor, input: CreateLaundryOrderInput, requestId: number | null = null) {
    const at = clock.now();
    const client = await repo.client(tx, input.clientId);
    if (!client) throw badRequest('UNKNOWN_CLIENT', 'No such client.', [{ path: 'body.clientId', message: 'unknown client', code: 'UNKNOWN_CLIENT' }]);
    if (!client.is_active) throw new AppError(409, 'CLIENT_INACTIVE', 'This client is deactivated; reactivate them before taking an order.');
    await assertWorker(tx, input.assignedWorkerId);
    const address = input.deliveryRequested ? await deliveryAddress(tx, input.clientId, input.deliveryPropertyId, input.deliveryAddress) : null;
    const { lines, pricing, price } = await priceLines(tx, input, at);
    assertItemCap(itemCountOf(lines));
    const categories = await categoryNames(tx);
    const day = lisbonDate(at);
    const n = await repo.nextOrderNumber(tx, day);
    const orderNumber = formatOrderNumber(day, n);
    const id = await repo.insertOrder(tx, {
      orderNumber,
      orderDay: day,
      clientId: input.clientId,
      orderType: input.orderType,
      express: input.express,
      assignedWorkerId: input.assignedWorkerId ?? null,
      expectedReadyDate: input.expectedReadyDate ?? expectedReady(day, lines, input.express),
      specialInstructions: input.specialInstructions ?? null,
      internalNotes: input.internalNotes ?? null,
      deliveryRequested: input.deliveryRequested,
      deliveryPropertyId: input.deliveryRequested ? (input.deliveryPropertyId ?? null) : null,
      deliveryAddress: address,
      deliveryDate: input.deliveryRequested ? (input.deliveryDate ?? null) : null,
      additionalChargesCents: input.additionalChargesCents,
      additionalChargesNote: input.additionalChargesNote ?? null,
      discountCents: input.discountCents,
      deliveryFeeCents: pricing.deliveryFeeCents,
      vatRateBasisPoints: pricing.vatRateBasisPoints,
      totals: price,
      createdBy: actor.type === 'user' ? actor.id : null,
      at,
      requestId,
    });
    const lineIds = await repo.insertLines(tx, id, lines);
    await tagItems(tx, { id, orderNumber }, lines, lineIds, at, categories, { count: 0, maxSeq: 0 });
    await repo.addHistory(tx, { orderId: id, from: null, to: 'received', by: actor.id, note: null, isRevert: false, at });
    const created = (await repo.findOrder(tx, id))!;
    await audit.record(tx, { action: 'create', entity: 'laundry_order', entityId: id, before: null, after: auditSnapshot(created), valueFields: ORDER_VALUE_FIELDS });
    return created;
  }

  /** Loads and checks the services of the given lines: unknown or inactive ones are 400s naming the line. */
  async function servicesFor(q: Queryable, lines: Array<Pick<LaundryLineInputDto, 'serviceId'>>, pathPrefix: string) {
    const found = await repo.findServices(q, [...new Set(lines.map((l) => l.serviceId))]);
    const byId = new Map(found.map((s) => [s.id, s]));
    lines.forEach((line, i) => {
      const service = byId.get(line.serviceId);
      const path = `body.${pathPrefix}${i}.serviceId`.replace('..', '.');
      if (!service) throw badRequest('UNKNOWN_SERVICE', `Line ${i + 1}: no such service.`, [{ path, message: 'unknown service', code: 'UNKNOWN_SERVICE' }]);
      if (!service.is_active) {
        throw badRequest('SERVICE_INACTIVE', `Line ${i + 1}: ${service.name} is no longer offered.`, [{ path, message: 'inactive service', code: 'SERVICE_INACTIVE' }]);
      }
    });
    return byId;
  }

  async function assertWorker(q: Queryable, workerId: number | null | undefined) {
    if (workerId && !(await repo.activeWorker(q, workerId))) {
      throw badRequest('INVALID_ASSIGNEE', 'The assignee must be an active worker.', [
        { path: 'body.assignedWorkerId', message: 'not an active worker', code: 'INVALID_ASSIGNEE' },
      ]);
    }
  }

  async function deliveryAddress(q: Queryable, clientId: number, propertyId: number | null | undefined, address: string | null | undefined) {
    if (!propertyId) return address ?? null;
    const property = await repo.clientProperty(q, clientId, propertyId);
    if (!property) {
      throw badRequest('INVALID_DELIVERY_PROPERTY', 'The delivery property must be an active property of this client.', [
        { path: 'body.deliveryPropertyId', message: 'not a property of this client', code: 'INVALID_DELIVERY_PROPERTY' },
      ]);
    }
    return address ?? property.address;
  }

  async function loadVisible(q: Queryable, actor: Actor, id: number, forUpdate = false): Promise<OrderRow> {
    const row = await repo.findOrder(q, id, forUpdate);
    // Another client's order does not exist as far as this client knows (PRODUCT §5).
    if (!row || (actor.role === 'client' && row.client_id !== actor.id)) throw notFound('Laundry order not found.');
    return row;
  }

  /** `read`: the detail's parts already read with the order (`repo.findOrderDetail`), else each is read here. */
  async function view(q: Queryable, actor: Actor, row: OrderRow, withDetail: boolean, read?: OrderDetailRow) {
    // One after the other: `q` may be a transaction's single connection, which cannot run two at once.
    const lines = withDetail ? (read?.lines ?? (await repo.lines(q, row.id))) : undefined;
    const history = withDetail ? (read?.history ?? (await repo.history(q, row.id))) : undefined;
    const items = withDetail ? (read?.items ?? (await floor.items(q, row.id))) : undefined;
    const suggested = withDetail ? (read ? read.suggested_rack : row.status === 'ready' && !row.rack_id ? await floor.nextFreeRack(q) : null) : undefined;
    if (isStaff(actor)) {
      const staff = toStaffView(row, allowedNext(row.status, row.delivery_requested), lines, history, items, suggested);
      const money = withDetail && payments ? await (read ? payments.fromColumns(q, read) : payments.summary(q, row.id)) : null;
      return money ? Object.assign(staff, { payments: money }) : staff;
    }
    if (actor.role === 'worker') {
      return toWorkerView(row, allowedNext(row.status, row.delivery_requested).filter((s) => s !== 'cancelled'), lines, history, items, suggested);
    }
    return toClientView(row, lines, history, items);
  }

  async function transition(actor: Actor, id: number, to: LaundryStatus, note: string | undefined, version: number | undefined) {
    if (actor.role === 'worker' && to === 'cancelled') throw new AppError(403, 'FORBIDDEN', 'Only staff can cancel an order.');
    if (to === 'cancelled' && !note) {
      throw badRequest('REASON_REQUIRED', 'Say why the order is cancelled.', [{ path: 'body.note', message: 'required to cancel', code: 'REASON_REQUIRED' }]);
    }
    const at = clock.now();
    const { row, notice } = await db.transaction(async (tx) => {
      const before = await loadVisible(tx, actor, id, true);
      if (version !== undefined && version !== before.version) throw staleVersion();
      return applyStatus(tx, actor, before, to, note, at);
    });
    await notifications.dispatch([notice]);
    return view(db, actor, row, true);
  }

  /** One status step of an order already read under its lock, in the caller's transaction; the notice is sent after commit. */
  async function applyStatus(tx: Queryable, actor: Actor, before: OrderRow, to: LaundryStatus, note: string | undefined, at: Date) {
    const id = before.id;
    {
      assertTransition(before.status, to, before.delivery_requested);
      const stamp = STAMP_OF[to];
      await repo.setStatus(tx, id, to, stamp ? { [stamp]: at } : {}, to === 'cancelled' ? (note ?? null) : undefined, at);
      await repo.addHistory(tx, { orderId: id, from: before.status, to, by: actor.type === 'user' ? actor.id : null, note: note ?? null, isRevert: false, at });
      const after = (await repo.findOrder(tx, id))!;
      await audit.record(tx, {
        action: to === 'ready' ? 'mark_ready' : to === 'cancelled' ? 'cancel' : 'status_change',
        entity: 'laundry_order',
        entityId: id,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
        valueFields: ORDER_VALUE_FIELDS,
      });
      const notice =
        to === 'ready'
          ? await notifications.notify(tx, {
              to: { type: 'client', id: after.client_id },
              type: 'laundry.ready',
              params: { orderNumber: after.order_number, deliveryRequested: after.delivery_requested },
              link: `/client/laundry/${id}`,
            })
          : null;
      return { row: after, notice };
    }
  }

  /** Adds or removes lines of an open order and reprices it with the order's own pricing snapshot. */
  async function changeLines(actor: Actor, id: number, version: number, change: (tx: Queryable, existing: LineRow[], clientId: number) => Promise<number[]>) {
    const at = clock.now();
    const row = await db.transaction(async (tx) => {
      const before = await loadVisible(tx, actor, id, true);
      if (version !== before.version) throw staleVersion();
      if (!isOpen(before.status)) throw orderClosed(before.status);
      const lineTotals = await change(tx, await repo.lines(tx, id), before.client_id);
      const price = total(lineTotals, {
        additionalChargesCents: before.additional_charges_cents,
        discountCents: before.discount_cents,
        deliveryRequested: before.delivery_requested,
        deliveryFeeCents: before.delivery_fee_cents,
        vatRateBasisPoints: before.vat_rate_bp,
      });
      await repo.updateOrder(tx, id, {}, price, at);
      const after = (await repo.findOrder(tx, id))!;
      await audit.record(tx, { action: 'update_lines', entity: 'laundry_order', entityId: id, before: auditSnapshot(before), after: auditSnapshot(after), valueFields: ORDER_VALUE_FIELDS });
      return after;
    });
    return view(db, actor, row, true);
  }

  return {
    ...createLaundryCatalogueService({ db, repo, clock, audit, floor }),

    /** A status step taken by another part of the floor (an item scan) inside its transaction. */
    applyStatusWithin: applyStatus,

    async preview(input: PricePreviewInput) {
      const at = clock.now();
      const { lines, price } = await priceLines(db, input, at);
      return {
        expectedReadyDate: expectedReady(lisbonDate(at), lines, input.express),
        lines: lines.map((l) => ({ unitPriceCents: l.unitPriceCents, clientPrice: l.clientPrice, baseCents: l.baseCents, minimumApplied: l.minimumApplied, expressCents: l.expressCents, totalCents: l.totalCents })),
        linesTotalCents: price.linesTotalCents,
        additionalChargesCents: price.additionalChargesCents,
        discountCents: price.discountCents,
        deliveryFeeCents: price.deliveryFeeCents,
        subtotalCents: price.subtotalCents,
        vatRateBasisPoints: price.vatRateBasisPoints,
        vatCents: price.vatCents,
        totalCents: price.totalCents,
      };
    },

    async create(actor: Actor, input: CreateLaundryOrderInput) {
      const row = await db.transaction((tx) => createInTx(tx, actor, input));
      return view(db, actor, row, true);
    },

    /**
     * An order made by another module's change, inside its transaction (a turnover's linen on completion).
     * Priced from the catalogue and settings like any order; returns its id and number.
     */
    async createWithin(tx: Queryable, actor: Actor, input: CreateLaundryOrderInput, requestId: number | null = null): Promise<{ id: number; orderNumber: string }> {
      const row = await createInTx(tx, actor, input, requestId);
      return { id: row.id, orderNumber: row.order_number };
    },

    /** The detail in one statement: the order, its lines, history and (staff) payments block. */
    async get(actor: Actor, id: number) {
      const row = await repo.findOrderDetail(db, id, isStaff(actor) && payments ? payments.detailColumns : '');
      // Another client's order does not exist as far as this client knows (PRODUCT §5).
      if (!row || (actor.role === 'client' && row.client_id !== actor.id)) throw notFound('Laundry order not found.');
      return view(db, actor, row, true, row);
    },

    async list(actor: Actor, filters: OrderFilters, page: PageInput) {
      const scoped = actor.role === 'client' ? { ...filters, clientId: actor.id } : filters;
      const result = await repo.listOrders(scoped, page);
      if (isStaff(actor)) return mapPage(result, (r) => toStaffView(r, allowedNext(r.status, r.delivery_requested)));
      if (actor.role === 'worker') return mapPage(result, (r) => toWorkerView(r, allowedNext(r.status, r.delivery_requested).filter((s) => s !== 'cancelled')));
      return mapPage(result, (r) => toClientView(r));
    },

    async update(actor: Actor, id: number, input: UpdateLaundryOrderInput) {
      const row = await db.transaction((tx) => updateInTx(tx, actor, id, input));
      return view(db, actor, row, true);
    },

    /** A ready order marked for delivery by another module's change (an accepted delivery request), in its transaction. */
    async deliverWithin(tx: Queryable, actor: Actor, id: number, delivery: { date: string; propertyId: number | null; address: string | null }) {
      await updateInTx(tx, actor, id, {
        deliveryRequested: true,
        deliveryDate: delivery.date,
        ...(delivery.propertyId ? { deliveryPropertyId: delivery.propertyId } : { deliveryAddress: delivery.address }),
      });
    },

    async addLine(actor: Actor, id: number, input: LaundryLineInputDto & { version: number }) {
      return changeLines(actor, id, input.version, async (tx, existing, clientId) => {
        const services = await servicesFor(tx, [input], '');
        const position = existing.reduce((max, l) => Math.max(max, l.position), 0) + 1;
        const order = (await repo.findOrder(tx, id))!;
        const [line] = newLines([input], services, await clientPricesFor(tx, clientId, services, clock.now()), position, '', order.express);
        const lineIds = await repo.insertLines(tx, id, [line!]);
        await tagItems(tx, { id, orderNumber: order.order_number }, [line!], lineIds, clock.now(), await categoryNames(tx), await floor.itemCount(tx, id));
        return [...existing.map((l) => l.total_cents), line!.totalCents];
      });
    },

    async removeLine(actor: Actor, id: number, lineId: number, version: number) {
      return changeLines(actor, id, version, async (tx, existing) => {
        if (!existing.some((l) => l.id === lineId)) throw notFound('Line not found on this order.');
        if (existing.length === 1) throw new AppError(409, 'ORDER_NEEDS_A_LINE', 'An order keeps at least one line; cancel the order instead.');
        await repo.deleteLine(tx, id, lineId);
        return existing.filter((l) => l.id !== lineId).map((l) => l.total_cents);
      });
    },

    changeStatus: (actor: Actor, id: number, to: LaundryStatus, note?: string, version?: number) => transition(actor, id, to, note, version),

    markReady: (actor: Actor, id: number, note?: string) => transition(actor, id, 'ready', note, undefined),

    /** Undoes the last forward step (an accidental click), with a reason; staff only. */
    async revert(actor: Actor, id: number, reason: string) {
      const at = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await loadVisible(tx, actor, id, true);
        const last = await repo.lastHistory(tx, id);
        if (!last || last.from_status === null || last.is_revert || last.to_status !== before.status) {
          throw new AppError(409, 'NOTHING_TO_REVERT', 'There is no step to revert on this order.');
        }
        const stamp = STAMP_OF[before.status];
        await repo.setStatus(tx, id, last.from_status, stamp ? { [stamp]: null } : {}, before.status === 'cancelled' ? null : undefined, at);
        await repo.addHistory(tx, { orderId: id, from: before.status, to: last.from_status, by: actor.id, note: reason, isRevert: true, at });
        const after = (await repo.findOrder(tx, id))!;
        await audit.record(tx, { action: 'revert_status', entity: 'laundry_order', entityId: id, before: auditSnapshot(before), after: auditSnapshot(after), valueFields: ORDER_VALUE_FIELDS });
        return after;
      });
      return view(db, actor, row, true);
    },

    /** GDPR: everything held about a client's orders. */
    async exportClient(q: Queryable, clientId: number) {
      const orders = await repo.ordersOfClient(q, clientId);
      const lines = orders.length ? await repo.linesOfOrders(q, orders.map((o) => o.id)) : [];
      return orders.map((o) => Object.assign(toClientView(o, lines.filter((l) => l.order_id === o.id)), { specialInstructions: o.special_instructions }));
    },

    anonymiseClient: (tx: Queryable, clientId: number) => repo.anonymiseClientOrders(tx, clientId),
  };
}

export type LaundryService = ReturnType<typeof createLaundryService>;
