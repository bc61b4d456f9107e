import { z } from 'zod';
import { AccountDocument, AccountSummary, Statement, StatementMonth } from '../../contracts/accounts.js';
import { ServiceLine } from '../../contracts/payments.js';
import { CalendarMonth } from '../../contracts/primitives.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { notFound } from '../../lib/app-error.js';
import { booleanParam, idParam, pagingQuery, WholeListQuery } from '../../lib/paging.js';
import type { Actor } from '../../lib/request-context.js';
import type { Response } from 'express';
import type { AccountsService } from './accounts.service.js';
import type { StatementsService } from './statements.service.js';

const READERS = ['master', 'admin', 'client'] as const;
const CLIENT = ['client'] as const;
const TAGS = ['Accounts'];

const ClientParams = z.object({ id: idParam });
const MonthParams = z.object({ id: idParam, month: CalendarMonth });
const OwnMonthParams = z.object({ month: CalendarMonth });
const DocumentsQuery = pagingQuery(['createdAt', 'outstanding'], '-createdAt').extend({
  open: booleanParam.optional().meta({ description: 'Only the documents that owe (outstanding > 0): what a payment can go against.' }),
  serviceLine: ServiceLine.optional(),
});
const StatementQuery = z.object({
  format: z.enum(['pdf', 'json']).default('pdf').meta({ description: 'pdf (default) downloads the document; json answers its data.' }),
});

const BALANCE =
  'The balance is the receivables summary of the client (ADR 0014: outstanding = accrued + in progress − credit); the ageing splits ' +
  'the accrued part by days since accrual (0–30, 31–60, 61–90, > 90).';
const STATEMENT =
  'Opening balance, the charges (orders priced, jobs completed), payments, refunds, voids and cancellations of the month, the closing ' +
  'balance by stage with its ageing, and the business identity. Computed from dated facts (ADR 0015): a month that is over gives the ' +
  'same figures, JSON and PDF after any later activity. `?format=json` answers the data instead of the PDF.';

/** Staff read any client; a client only their own, and another client's account does not exist for them. */
function whose(actor: Actor, id: number): number {
  if (actor.role === 'client' && actor.id !== id) throw notFound('Client not found.');
  return id;
}

export function accountsRoutes(routes: Routes, { accounts, statements }: { accounts: AccountsService; statements: StatementsService }) {
  async function sendStatement(res: Response, clientId: number, month: string, format: 'pdf' | 'json') {
    if (format === 'json') return statements.statement(clientId, month);
    const file = await statements.pdf(clientId, month);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Content-Length', String(file.bytes.length));
    res.status(200).end(file.bytes);
    return RESPONDED;
  }

  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id/account',
      summary: "A client's account: balance, ageing and last payment",
      description: BALANCE,
      tags: TAGS,
      access: READERS,
      params: ClientParams,
      response: AccountSummary,
      errors: { 404: 'NOT_FOUND — no such client, or not yours.' },
    },
    ({ actor, params }) => accounts.summary(whose(actor!, params.id)),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id/account/documents',
      summary: "A client's orders and jobs with total, paid, outstanding and payment status",
      tags: TAGS,
      access: READERS,
      params: ClientParams,
      query: DocumentsQuery,
      response: AccountDocument,
      list: true,
      errors: { 404: 'NOT_FOUND — no such client, or not yours.' },
    },
    ({ actor, params, query }) => {
      const { limit, offset, cursor, sort, open, serviceLine } = query;
      return accounts.documents({ clientId: whose(actor!, params.id), open, serviceLine }, { limit, offset, cursor, sort });
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id/statements',
      summary: "A client's monthly statements, newest first (from the first activity to the current month)",
      tags: TAGS,
      access: READERS,
      params: ClientParams,
      query: WholeListQuery,
      response: StatementMonth,
      list: true,
      errors: { 404: 'NOT_FOUND — no such client, or not yours.' },
    },
    ({ actor, params, query }) => accounts.statementMonths(whose(actor!, params.id), query, actor!.role === 'client'),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/clients/:id/statements/:month',
      summary: 'The monthly statement of a client (PDF, or JSON with ?format=json)',
      description: STATEMENT,
      tags: TAGS,
      access: READERS,
      params: MonthParams,
      query: StatementQuery,
      response: Statement,
      errors: { 400: 'STATEMENT_MONTH_IN_FUTURE, VALIDATION_FAILED', 404: 'NOT_FOUND — no such client, or not yours.' },
    },
    ({ actor, params, query, res }) => sendStatement(res, whose(actor!, params.id), params.month, query.format),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/account',
      summary: 'My account: balance, ageing and last payment',
      description: BALANCE,
      tags: TAGS,
      access: CLIENT,
      response: AccountSummary,
    },
    ({ actor }) => accounts.summary(actor!.id),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/account/documents',
      summary: 'My orders and jobs with total, paid, outstanding and payment status',
      tags: TAGS,
      access: CLIENT,
      query: DocumentsQuery,
      response: AccountDocument,
      list: true,
    },
    ({ actor, query }) => {
      const { limit, offset, cursor, sort, open, serviceLine } = query;
      return accounts.documents({ clientId: actor!.id, open, serviceLine }, { limit, offset, cursor, sort });
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/account/statements',
      summary: 'My monthly statements, newest first',
      tags: TAGS,
      access: CLIENT,
      query: WholeListQuery,
      response: StatementMonth,
      list: true,
    },
    ({ actor, query }) => accounts.statementMonths(actor!.id, query, true),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/account/statements/:month',
      summary: 'My monthly statement (PDF, or JSON with ?format=json)',
      description: STATEMENT,
      tags: TAGS,
      access: CLIENT,
      params: OwnMonthParams,
      query: StatementQuery,
      response: Statement,
      errors: { 400: 'STATEMENT_MONTH_IN_FUTURE, VALIDATION_FAILED' },
    },
    ({ actor, params, query, res }) => sendStatement(res, actor!.id, params.month, query.format),
  );
}
