import { z } from 'zod';
import { ClientPayment, ClientPaymentResult, RecordClientPaymentBody } from '../../contracts/client-payments.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { IdParams, idParam, pagingQuery } from '../../lib/paging.js';
import type { ClientPaymentsService } from './client-payments.service.js';

const STAFF = ['master', 'admin'] as const;
const READERS = ['master', 'admin', 'client'] as const;
const CLIENT = ['client'] as const;
const TAGS = ['Payments'];

const ClientParams = z.object({ id: idParam });
const ListQuery = pagingQuery(['paidAt', 'createdAt'], '-paidAt');

const VOIDS =
  'A part is voided through POST /api/payments/:paymentId/void like any payment: the account moves back by that part, and the client ' +
  'payment stays on record with that allocation marked `voided` (its `keptCents` drops; `amountCents` is what was received).';

export function clientPaymentsRoutes(routes: Routes, { clientPayments }: { clientPayments: ClientPaymentsService }) {
  route(
    routes,
    {
      method: 'post',
      path: '/api/clients/:id/payments',
      summary: 'Record one payment of a client across several of their open orders and jobs',
      description:
        'Without `allocations` the money goes to the open documents (outstanding > 0) oldest accrual first (documents still in ' +
        'progress last); with them, each goes to a document of this client owing at least that much, and they add up to the amount. ' +
        'Each allocation becomes an ordinary payment of its document, all in one transaction with one receipt number PAG-YYYY-MM-#### ' +
        '(gap-free within a Lisbon month). The documents are locked in a stable order, so two payments at once cannot over-allocate. ' +
        'Send an `Idempotency-Key` header: a retry returns the first answer instead of a second payment. ' +
        VOIDS,
      tags: TAGS,
      access: STAFF,
      params: ClientParams,
      body: RecordClientPaymentBody,
      response: ClientPaymentResult,
      status: 201,
      errors: {
        400:
          'ALLOCATION_MISMATCH (details.allocatedCents), ALLOCATION_EXCEEDS_OUTSTANDING (details.reference, details.outstandingCents), ' +
          'PAYMENT_EXCEEDS_BALANCE (details.balanceCents), UNKNOWN_DOCUMENT (not this client’s, not found or cancelled), NOTHING_OWED (no allocations and no open document), ' +
          'PAID_AT_IN_FUTURE, VALIDATION_FAILED',
        404: 'NOT_FOUND — no such client.',
      },
    },
    ({ actor, params, body }) => clientPayments.record(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id/payments',
      summary: "A client's payments across documents, with their allocations, newest first",
      description: VOIDS,
      tags: TAGS,
      access: STAFF,
      params: ClientParams,
      query: ListQuery,
      response: ClientPayment,
      list: true,
      errors: { 404: 'NOT_FOUND — no such client.' },
    },
    ({ params, query }) => clientPayments.list(params.id, query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/account/payments',
      summary: 'My payments across documents, with their allocations, newest first',
      tags: TAGS,
      access: CLIENT,
      query: ListQuery,
      response: ClientPayment,
      list: true,
    },
    ({ actor, query }) => clientPayments.list(actor!.id, query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/client-payments/:id',
      summary: 'One payment across documents, with its allocations',
      tags: TAGS,
      access: READERS,
      params: IdParams,
      response: ClientPayment,
      errors: { 404: 'NOT_FOUND — no such payment, or not yours.' },
    },
    ({ actor, params }) => clientPayments.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/client-payments/:id/pdf',
      summary: 'Download the receipt of a payment across documents (PDF)',
      description: 'The business identity, the client, date, method, amount and each document paid with its part (voided parts marked).',
      tags: TAGS,
      access: READERS,
      params: IdParams,
      rawResponse: { contentType: 'application/pdf', description: 'The payment receipt.' },
      errors: { 404: 'NOT_FOUND — no such payment, or not yours.' },
    },
    async ({ actor, params, res }) => {
      const file = await clientPayments.pdf(actor!, params.id);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      res.setHeader('Content-Length', String(file.bytes.length));
      res.status(200).end(file.bytes);
      return RESPONDED;
    },
  );
}
