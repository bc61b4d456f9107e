import type { Response } from 'express';
import { z } from 'zod';
import { CleaningJobsExportQuery, ClientsExportQuery, CsvFormatParam, LaundryOrdersExportQuery, TimesheetsExportQuery } from '../../contracts/exports.js';
import { checkRange, type RangeInput } from '../../contracts/reports.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import { CsvAbortedError, DIALECTS, writeCsv, type CsvColumn, type CsvFormat } from '../../lib/csv.js';
import type { Logger } from '../../lib/logger.js';
import type { Queryable } from '../../db/pool.js';
import type { AuditService } from '../audit/audit.service.js';
import { paymentFilterFields, paymentFilters } from '../payments/payments.routes.js';
import { instantsOf, rangeOfMonth } from '../reports/periods.js';
import { CLIENT_COLUMNS, JOB_COLUMNS, ORDER_COLUMNS, PAYMENT_COLUMNS, TIMESHEET_COLUMNS } from './exports.columns.js';
import type { ExportsRepository } from './exports.repository.js';

const STAFF = ['master', 'admin'] as const;
const TAGS = ['Exports'];
const CSV = { contentType: 'text/csv', description: 'UTF-8 CSV with a BOM, streamed; `;` and a decimal comma unless `format=comma`.' };
const DESCRIPTION =
  'Streamed in batches, so any number of rows costs the same memory. Cells starting with = + - @, a tab or a carriage return ' +
  'are prefixed with an apostrophe so a spreadsheet never runs them as formulas. Money in euros, times in Lisbon.';

const PaymentsExportQuery = z.object({ format: CsvFormatParam, ...paymentFilterFields }).superRefine(checkRange({ optional: true }));

/** A from/to/month filter as Lisbon dates (either end may be open). */
function datesOf(q: RangeInput): { from?: string | undefined; to?: string | undefined } {
  return q.month ? rangeOfMonth(q.month) : { from: q.from, to: q.to };
}

interface ExportsDeps {
  repo: ExportsRepository;
  clock: Clock;
  logger: Logger;
  db: Queryable;
  audit: AuditService;
}

/** The filters a request actually used (names only: a client id or a date range says enough). */
function filtersUsed(query: Record<string, unknown>): string[] {
  return Object.entries(query)
    .filter(([key, value]) => key !== 'format' && value !== undefined && value !== '')
    .map(([key]) => key);
}

export function exportsRoutes(routes: Routes, { repo, clock, logger, db, audit }: ExportsDeps) {
  /**
   * Reads the first batch before answering, so a failing query is still a clean JSON error; once the
   * headers are out, a failure can only cut the file short (the reader sees an incomplete download).
   */
  async function send<T>(res: Response, name: string, query: Record<string, unknown> & { format: CsvFormat }, columns: ReadonlyArray<CsvColumn<T>>, source: AsyncGenerator<T[]>) {
    const { format } = query;
    const first = await source.next();
    // Who took which data out of the system (personal data for the clients file), and with which filters.
    await audit.record(db, { action: 'export', entity: 'csv', entityId: name, extraFields: filtersUsed(query) });
    async function* all() {
      if (first.done) return;
      yield first.value;
      yield* source;
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}-${lisbonDate(clock.now())}.csv"`);
    try {
      await writeCsv(res, columns, all(), DIALECTS[format]);
      res.end();
    } catch (err) {
      if (!(err instanceof CsvAbortedError)) logger.error({ err, export: name }, 'CSV export failed after it started');
      await source.return(undefined);
      res.destroy();
    }
    return RESPONDED;
  }

  route(
    routes,
    {
      method: 'get',
      path: '/api/exports/clients.csv',
      summary: 'Clients as CSV',
      description: DESCRIPTION,
      tags: TAGS,
      access: STAFF,
      query: ClientsExportQuery,
      rawResponse: CSV,
    },
    ({ query, res }) => send(res, 'clientes', query, CLIENT_COLUMNS, repo.clients({ active: query.active })),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/exports/laundry-orders.csv',
      summary: 'Laundry orders as CSV, with what was paid and the balance',
      description: DESCRIPTION,
      tags: TAGS,
      access: STAFF,
      query: LaundryOrdersExportQuery,
      rawResponse: CSV,
    },
    ({ query, res }) =>
      send(res, 'encomendas-lavandaria', query, ORDER_COLUMNS, repo.laundryOrders({ ...datesOf(query), status: query.status, clientId: query.clientId })),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/exports/cleaning-jobs.csv',
      summary: 'Cleaning jobs as CSV, with their workers, price and what was paid',
      description: DESCRIPTION,
      tags: TAGS,
      access: STAFF,
      query: CleaningJobsExportQuery,
      rawResponse: CSV,
    },
    ({ query, res }) =>
      send(
        res,
        'servicos-limpeza',
        query,
        JOB_COLUMNS,
        repo.cleaningJobs({ ...datesOf(query), status: query.status, clientId: query.clientId, workerId: query.workerId }),
      ),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/exports/payments.csv',
      summary: 'Payments and refunds as CSV (the payment list’s filters)',
      description: `${DESCRIPTION} Refunds are negative, so the amount column sums to the net received.`,
      tags: TAGS,
      access: STAFF,
      query: PaymentsExportQuery,
      rawResponse: CSV,
    },
    ({ query, res }) => send(res, 'pagamentos', query, PAYMENT_COLUMNS, repo.payments(paymentFilters(query))),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/exports/timesheets.csv',
      summary: 'Time logs of the cleaning workers as CSV',
      description: DESCRIPTION,
      tags: TAGS,
      access: STAFF,
      query: TimesheetsExportQuery,
      rawResponse: CSV,
    },
    ({ query, res }) => {
      const { from, to } = datesOf(query);
      return send(
        res,
        'registos-horas',
        query,
        TIMESHEET_COLUMNS,
        repo.timesheets({
          workerId: query.workerId,
          fromInstant: from ? instantsOf({ from, to: from }).start : undefined,
          toInstant: to ? instantsOf({ from: to, to }).end : undefined,
        }),
      );
    },
  );
}
