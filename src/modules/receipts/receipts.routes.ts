import { IssueReceiptBody, Receipt } from '../../contracts/receipts.js';
import { checkRange, rangeFields } from '../../contracts/reports.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { IdParams, idParam, pagingQuery } from '../../lib/paging.js';
import { instantsOf, rangeOfMonth } from '../reports/periods.js';
import type { ReceiptsService } from './receipts.service.js';

const STAFF = ['master', 'admin'] as const;
const READERS = ['master', 'admin', 'client'] as const;
const TAGS = ['Receipts'];

const ListQuery = pagingQuery(['issuedAt', 'receiptNumber'], '-issuedAt')
  .extend({
    ...rangeFields,
    clientId: idParam.optional().meta({ description: 'Staff only; a client always sees their own.' }),
    laundryOrderId: idParam.optional(),
    cleaningJobId: idParam.optional(),
  })
  .superRefine(checkRange({ optional: true }));

export function receiptsRoutes(routes: Routes, { receipts }: { receipts: ReceiptsService }) {
  route(
    routes,
    {
      method: 'post',
      path: '/api/receipts',
      summary: 'Issue the receipt of a priced laundry order or a completed cleaning job (REC-YYYY-MM-####, non-fiscal)',
      description:
        'Issued once: a second request for the same order or job is 409 RECEIPT_ALREADY_ISSUED naming the receipt. Numbers run ' +
        'without gaps within a Lisbon month. Printed in the client’s language with the company details from the settings.',
      tags: TAGS,
      access: STAFF,
      body: IssueReceiptBody,
      response: Receipt,
      status: 201,
      errors: {
        400: 'UNKNOWN_ORDER, UNKNOWN_JOB, VALIDATION_FAILED',
        409: 'NOT_PRICED, ORDER_CANCELLED, JOB_CANCELLED, RECEIPT_ALREADY_ISSUED (details.receiptId, details.receiptNumber)',
      },
    },
    ({ actor, body }) => receipts.issue(actor!, body),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/receipts',
      summary: 'Receipts (staff: all, filtered; a client: their own)',
      tags: TAGS,
      access: READERS,
      query: ListQuery,
      response: Receipt,
      list: true,
    },
    ({ actor, query }) => {
      const { limit, offset, cursor, sort, from, to, month, ...filters } = query;
      const range = month ? rangeOfMonth(month) : { from, to };
      return receipts.list(
        actor!,
        {
          ...filters,
          fromInstant: range.from ? instantsOf({ from: range.from, to: range.from }).start : undefined,
          toInstant: range.to ? instantsOf({ from: range.to, to: range.to }).end : undefined,
        },
        { limit, offset, cursor, sort },
      );
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/receipts/:id',
      summary: 'A receipt with the snapshot it was printed from',
      tags: TAGS,
      access: READERS,
      params: IdParams,
      response: Receipt,
      errors: { 404: 'NOT_FOUND — no such receipt, or not yours.' },
    },
    ({ actor, params }) => receipts.get(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/receipts/:id/pdf',
      summary: 'Download the receipt PDF (the same bytes every time)',
      tags: TAGS,
      access: READERS,
      params: IdParams,
      rawResponse: { contentType: 'application/pdf', description: 'The receipt as issued.' },
      errors: { 404: 'NOT_FOUND — no such receipt, or not yours.' },
    },
    async ({ actor, params, res }) => {
      const file = await receipts.pdf(actor!, params.id);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      res.setHeader('Content-Length', String(file.bytes.length));
      res.status(200).end(file.bytes);
      return RESPONDED;
    },
  );
}
