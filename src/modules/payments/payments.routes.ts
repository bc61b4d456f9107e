import { z } from 'zod';
import { commaSeparated } from '../../contracts/query-params.js';
import {
  Payment,
  PaymentKind,
  PaymentMethod,
  PaymentResult,
  PaymentTotals,
  RecordPaymentBody,
  RecordRefundBody,
  ServiceLine,
  VoidPaymentBody,
} from '../../contracts/payments.js';
import { checkRange, rangeFields } from '../../contracts/reports.js';
import { route, type Routes } from '../../http/endpoint.js';
import { booleanParam, IdParams, idParam, pagingQuery } from '../../lib/paging.js';
import type { PaymentFilters } from './payments.repository.js';
import type { PaymentsService } from './payments.service.js';
import { instantsOf, rangeOfMonth } from '../reports/periods.js';

const STAFF = ['master', 'admin'] as const;
const TAGS = ['Payments'];

/** `cash,card` → ['cash', 'card'], each checked. */
export const methodList = commaSeparated(PaymentMethod, 'method');

/** The filters of the payment list, shared with its totals and the CSV export. */
export const paymentFilterFields = {
  ...rangeFields,
  clientId: idParam.optional(),
  method: methodList,
  serviceLine: ServiceLine.optional(),
  kind: PaymentKind.optional(),
  voided: booleanParam.optional(),
  laundryOrderId: idParam.optional(),
  cleaningJobId: idParam.optional(),
};
export const PaymentFilterQuery = z.object(paymentFilterFields).superRefine(checkRange({ optional: true }));

export function paymentFilters(q: z.output<typeof PaymentFilterQuery>): PaymentFilters {
  const range = q.month ? rangeOfMonth(q.month) : { from: q.from, to: q.to };
  return {
    clientId: q.clientId,
    method: q.method,
    serviceLine: q.serviceLine,
    kind: q.kind,
    voided: q.voided,
    laundryOrderId: q.laundryOrderId,
    cleaningJobId: q.cleaningJobId,
    fromInstant: range.from ? instantsOf({ from: range.from, to: range.from }).start : undefined,
    toInstant: range.to ? instantsOf({ from: range.to, to: range.to }).end : undefined,
  };
}

const ListQuery = pagingQuery(['paidAt', 'createdAt', 'amount'], '-paidAt').extend(paymentFilterFields).superRefine(checkRange({ optional: true }));

export function paymentsRoutes(routes: Routes, { payments }: { payments: PaymentsService }) {
  route(
    routes,
    {
      method: 'post',
      path: '/api/payments',
      summary: 'Record a payment against one laundry order or one cleaning job',
      description:
        'The order or job is locked while the balance is checked, so two payments at once cannot both pass. An amount above the ' +
        'outstanding balance is 409 PAYMENT_EXCEEDS_BALANCE unless `asTip` is true. A job not completed yet takes deposits up to its ' +
        'estimate. Send an `Idempotency-Key` header: a retry returns the first answer instead of a second payment.',
      tags: TAGS,
      access: STAFF,
      body: RecordPaymentBody,
      response: PaymentResult,
      status: 201,
      errors: {
        400: 'UNKNOWN_ORDER, UNKNOWN_JOB, PAID_AT_IN_FUTURE, VALIDATION_FAILED',
        409: 'PAYMENT_EXCEEDS_BALANCE (details.balanceCents), ORDER_CANCELLED, JOB_CANCELLED',
      },
    },
    ({ actor, body }) => payments.record(actor!, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/payments/refunds',
      summary: 'Record money returned to the client (a refund record; payments are never deleted)',
      tags: TAGS,
      access: STAFF,
      body: RecordRefundBody,
      response: PaymentResult,
      status: 201,
      errors: { 400: 'UNKNOWN_ORDER, UNKNOWN_JOB, PAID_AT_IN_FUTURE, VALIDATION_FAILED', 409: 'REFUND_EXCEEDS_PAID (details.refundableCents)' },
    },
    ({ actor, body }) => payments.refund(actor!, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/payments',
      summary: 'Payments and refunds (filters: client, method, service line, kind, voided, paid-at range)',
      tags: TAGS,
      access: STAFF,
      query: ListQuery,
      response: Payment,
      list: true,
      errors: { 400: 'VALIDATION_FAILED, INVALID_CURSOR, INVALID_PAGING' },
    },
    ({ query }) => {
      const { limit, offset, cursor, sort, ...filters } = query;
      return payments.list(paymentFilters(filters), { limit, offset, cursor, sort });
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/payments/totals',
      summary: 'Totals of the filtered payment list, by method (voided records left out)',
      tags: TAGS,
      access: STAFF,
      query: PaymentFilterQuery,
      response: PaymentTotals,
    },
    ({ query }) => payments.totals(paymentFilters(query)),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/payments/:id',
      summary: 'One payment or refund',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      response: Payment,
      errors: { 404: 'NOT_FOUND' },
    },
    ({ params }) => payments.get(params.id),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/payments/:id/void',
      summary: 'Void a wrong payment or refund, with a reason (audited; it stays on record)',
      tags: TAGS,
      access: STAFF,
      params: IdParams,
      body: VoidPaymentBody,
      response: PaymentResult,
      errors: { 404: 'NOT_FOUND', 409: 'ALREADY_VOIDED, REFUNDS_EXCEED_PAYMENTS' },
    },
    ({ actor, params, body }) => payments.void(actor!, params.id, body.reason),
  );
}
