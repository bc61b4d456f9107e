import { z } from 'zod';
import { CalendarDate, PG_INTEGER_MAX } from '../../contracts/primitives.js';
import { commaSeparated } from '../../contracts/query-params.js';
import { DocumentPaymentStatus } from '../../contracts/accounts.js';
import {
  AddLaundryLineBody,
  ChangeLaundryStatusBody,
  CreateLaundryOrderBody,
  CreateLaundryServiceBody,
  LaundryOrder,
  LaundryOrderClientView,
  LaundryOrderWorkerView,
  LaundryService,
  LaundryServiceName,
  LaundryStatus,
  MarkReadyBody,
  PricePreview,
  PricePreviewBody,
  RevertStatusBody,
  UpdateLaundryOrderBody,
  UpdateLaundryServiceBody,
} from '../../contracts/laundry.js';
import { badRequest } from '../../lib/app-error.js';
import { IdParams, idParam, pageOfArray, pagingQuery, WholeListQuery } from '../../lib/paging.js';
import { route, type Routes } from '../../http/endpoint.js';
import type { LaundryService as LaundryServiceApi } from './laundry.service.js';

const STAFF = ['master', 'admin'] as const;
const PROCESSORS = ['master', 'admin', 'worker'] as const;
const EVERYONE = ['master', 'admin', 'worker', 'client'] as const;

const AnyOrderView = z.union([LaundryOrder, LaundryOrderWorkerView, LaundryOrderClientView]);
const isoDate = CalendarDate;

const ListQuery = pagingQuery(['createdAt', 'orderNumber', 'expectedReadyDate', 'total'], '-createdAt').extend({
  status: commaSeparated(LaundryStatus, 'status'),
  clientId: idParam.optional(),
  assignedWorkerId: idParam.optional(),
  from: isoDate.optional().meta({ description: 'Orders taken on or after this Lisbon date.' }),
  to: isoDate.optional().meta({ description: 'Orders taken on or before this Lisbon date.' }),
  q: z.string().trim().min(1).max(100).optional().meta({ description: 'Order number or client name contains.' }),
  paymentStatus: commaSeparated(DocumentPaymentStatus, 'paymentStatus'),
});

const LineParams = z.object({ id: idParam, lineId: idParam });
const VersionQuery = z.object({ version: z.coerce.number().int().min(1).max(PG_INTEGER_MAX) });

const STATUS_ERRORS = {
  409: 'INVALID_TRANSITION (details: from, to, allowed), STALE_VERSION',
  404: 'NOT_FOUND — no such order, or not yours.',
};

export function laundryRoutes(routes: Routes, { laundry }: { laundry: LaundryServiceApi }) {
  const services = ['Laundry services'];
  const orders = ['Laundry orders'];

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-services',
      summary: 'The service catalogue',
      description: 'Clients and staff get prices; workers get names only. Staff may add `includeInactive=true`.',
      tags: services,
      access: EVERYONE,
      query: WholeListQuery.extend({ includeInactive: z.enum(['true', 'false']).optional() }),
      response: z.union([LaundryService, LaundryServiceName]),
      list: true,
    },
    async ({ actor, query }) => pageOfArray(await laundry.listServices(actor!, query.includeInactive === 'true'), query),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-services',
      summary: 'Add a service to the price list (its code is made from the name)',
      tags: services,
      access: STAFF,
      body: CreateLaundryServiceBody,
      response: LaundryService,
      status: 201,
      errors: { 400: 'UNKNOWN_CATEGORY, VALIDATION_FAILED' },
    },
    ({ actor, body }) => laundry.createService(actor!, body),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/laundry-services/:id',
      summary: 'Change a service: name, category, price, minimum, turnaround, express, active (services are never deleted)',
      tags: services,
      access: STAFF,
      params: IdParams,
      body: UpdateLaundryServiceBody,
      response: LaundryService,
      errors: { 400: 'UNKNOWN_CATEGORY, VALIDATION_FAILED', 404: 'NOT_FOUND', 409: 'STALE_VERSION' },
    },
    ({ actor, params, body }) => laundry.updateService(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-orders/price-preview',
      summary: 'Price an order without saving it (live totals for the intake screen)',
      tags: orders,
      access: STAFF,
      body: PricePreviewBody,
      response: PricePreview,
      errors: { 400: 'UNKNOWN_SERVICE, SERVICE_INACTIVE, WEIGHT_REQUIRED, QUANTITY_REQUIRED, DISCOUNT_EXCEEDS_SUBTOTAL, VALIDATION_FAILED' },
    },
    ({ body }) => laundry.preview(body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-orders',
      summary: 'Take a laundry order (numbered LDR-YYYYMMDD-NNN and priced)',
      description: 'Send an `Idempotency-Key` header: a retry with the same key returns the first order instead of a second one.',
      tags: orders,
      access: STAFF,
      body: CreateLaundryOrderBody,
      response: LaundryOrder,
      status: 201,
      errors: {
        400: 'UNKNOWN_CLIENT, UNKNOWN_SERVICE, SERVICE_INACTIVE, WEIGHT_REQUIRED, QUANTITY_REQUIRED, DISCOUNT_EXCEEDS_SUBTOTAL, INVALID_ASSIGNEE, INVALID_DELIVERY_PROPERTY, VALIDATION_FAILED',
        409: 'CLIENT_INACTIVE',
      },
    },
    ({ actor, body }) => laundry.create(actor!, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-orders',
      summary: 'List laundry orders (filters, search, sort, paging)',
      description:
        'Staff and workers see every order (workers without money fields); a client sees only their own. ' +
        '`paymentStatus` (staff and clients) filters on the money state of each order, as the client account defines it.',
      tags: orders,
      access: EVERYONE,
      query: ListQuery,
      errors: { 400: 'INVALID_SORT, INVALID_FILTER (a worker sorting by total or filtering by payment status), VALIDATION_FAILED' },
      response: AnyOrderView,
      list: true,
    },
    ({ actor, query }) => {
      const { status, clientId, assignedWorkerId, from, to, q, paymentStatus, ...page } = query;
      if (actor!.role === 'worker' && page.sort.replace('-', '') === 'total') throw badRequest('INVALID_SORT', 'Cannot sort by total.');
      if (actor!.role === 'worker' && paymentStatus) throw badRequest('INVALID_FILTER', 'Cannot filter by payment status.');
      return laundry.list(actor!, { status, clientId, assignedWorkerId, from, to, q, paymentStatus }, page);
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-orders/:id',
      summary: 'An order with its lines and status history',
      tags: orders,
      access: EVERYONE,
      params: IdParams,
      response: AnyOrderView,
      errors: { 404: 'NOT_FOUND — no such order, or not yours.' },
    },
    ({ actor, params }) => laundry.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'patch',
      path: '/api/laundry-orders/:id',
      summary: 'Edit an open order (repriced with its own pricing snapshot)',
      tags: orders,
      access: STAFF,
      params: IdParams,
      body: UpdateLaundryOrderBody,
      response: LaundryOrder,
      errors: { 409: 'STALE_VERSION, ORDER_CLOSED', 400: 'DISCOUNT_EXCEEDS_SUBTOTAL, INVALID_ASSIGNEE, INVALID_DELIVERY_PROPERTY' },
    },
    ({ actor, params, body }) => laundry.update(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-orders/:id/lines',
      summary: 'Add a line to an open order',
      tags: orders,
      access: STAFF,
      params: IdParams,
      body: AddLaundryLineBody,
      response: LaundryOrder,
      errors: { 409: 'STALE_VERSION, ORDER_CLOSED', 400: 'UNKNOWN_SERVICE, SERVICE_INACTIVE, WEIGHT_REQUIRED, QUANTITY_REQUIRED' },
    },
    ({ actor, params, body }) => laundry.addLine(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'delete',
      path: '/api/laundry-orders/:id/lines/:lineId',
      summary: 'Remove a line from an open order (`?version=` of the order)',
      tags: orders,
      access: STAFF,
      params: LineParams,
      query: VersionQuery,
      response: LaundryOrder,
      errors: { 409: 'STALE_VERSION, ORDER_CLOSED, ORDER_NEEDS_A_LINE, DISCOUNT_EXCEEDS_SUBTOTAL' },
    },
    ({ actor, params, query }) => laundry.removeLine(actor!, params.id, params.lineId, query.version),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-orders/:id/status',
      summary: 'Move an order along its workflow',
      description:
        'received → in_progress → ready → collected | delivered (delivered only when delivery was requested); cancelled from an open state, ' +
        'staff only, with a note. A repeated change is refused with 409 INVALID_TRANSITION, so a double tap acts once.',
      tags: orders,
      access: PROCESSORS,
      params: IdParams,
      body: ChangeLaundryStatusBody,
      response: AnyOrderView,
      errors: { ...STATUS_ERRORS, 400: 'REASON_REQUIRED (cancel needs a note)', 403: 'FORBIDDEN — workers cannot cancel.' },
    },
    ({ actor, params, body }) => laundry.changeStatus(actor!, params.id, body.status, body.note, body.version),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-orders/:id/mark-ready',
      summary: 'Mark an order ready: stamps ready_at and notifies the client',
      description: 'Only from in_progress; a second call answers 409 INVALID_TRANSITION (one notification).',
      tags: orders,
      access: PROCESSORS,
      params: IdParams,
      body: MarkReadyBody,
      response: AnyOrderView,
      errors: STATUS_ERRORS,
    },
    ({ actor, params, body }) => laundry.markReady(actor!, params.id, body.note),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-orders/:id/revert',
      summary: 'Revert the last status step, with a reason (accidental clicks)',
      tags: orders,
      access: STAFF,
      params: IdParams,
      body: RevertStatusBody,
      response: LaundryOrder,
      errors: { 409: 'NOTHING_TO_REVERT', 404: 'NOT_FOUND' },
    },
    ({ actor, params, body }) => laundry.revert(actor!, params.id, body.reason),
  );
}
