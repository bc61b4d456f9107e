import type { Db, Queryable } from '../../db/pool.js';
import type { StatementDto, StatementMonthDto } from '../../contracts/accounts.js';
import { badRequest, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { instantsOf, lisbonMonth, rangeOfMonth, shiftMonth } from '../reports/periods.js';
import type { CompanyDetails } from '../receipts/receipts.service.js';
import type { ClientDocRow } from '../receipts/receipts.repository.js';
import type { AccountsRepository } from './accounts.repository.js';
import { accountEvents, monthOf, positionAt } from './statement.js';
import { renderStatementPdf } from './statement-pdf.js';

export interface StatementsServiceDeps {
  db: Db;
  repo: AccountsRepository;
  clock: Clock;
  /** The business identity printed on the document: the same source as the receipts. */
  company(q: Queryable): Promise<CompanyDetails>;
  /** The client as billed (name, NIF, address, language): the same source as the receipts. */
  client(q: Queryable, clientId: number): Promise<ClientDocRow | undefined>;
}

/**
 * Monthly statements of a client's account (issue 19, ADR 0015), as data and as PDF. Computed from dated
 * facts (charges, payments, refunds, voids, cancellations with their instants), never from the current
 * state, so a month that is over gives the same figures, JSON and PDF bytes after any later activity.
 * For the current month the statement runs to date and its closing balance is the outstanding of
 * ADR 0014 (tested equal to the receivables summary to the cent).
 *
 * This is the one entry point for anything that issues statements (the monthly on-account run, e-mail):
 * `statement(clientId, month)` gives the data, `pdf(clientId, month)` the document.
 */
export function createStatementsService({ db, repo, clock, company, client }: StatementsServiceDeps) {
  function periodOf(month: string) {
    const now = clock.now();
    if (month > lisbonMonth(now)) {
      throw badRequest('STATEMENT_MONTH_IN_FUTURE', 'There is no statement for a month that has not begun.', [
        { path: 'params.month', message: 'in the future', code: 'STATEMENT_MONTH_IN_FUTURE' },
      ]);
    }
    const range = rangeOfMonth(month);
    const { start, end } = instantsOf(range);
    const closed = end.getTime() <= now.getTime();
    return { range, start, end, closed, ageAt: closed ? new Date(end.getTime() - 1) : now, now };
  }

  async function build(q: Queryable, clientId: number, month: string): Promise<{ statement: StatementDto; madeAt: Date }> {
    const period = periodOf(month);
    const billed = await client(q, clientId);
    if (!billed) throw notFound('Client not found.');
    const details = await company(q);
    const { docs, payments } = await repo.facts(q, clientId, period.end);
    const events = accountEvents(docs, payments);
    const figures = monthOf(events, period.start, period.end);
    const position = positionAt(docs, events, period.end, period.ageAt);
    const name = billed.is_enterprise && billed.company_name ? `${billed.company_name} (${billed.name})` : billed.name;
    const statement: StatementDto = {
      month,
      from: period.range.from,
      to: period.range.to,
      closed: period.closed,
      locale: billed.locale,
      company: { name: details.companyName, nif: details.companyNif, address: details.companyAddress, iban: details.companyIban },
      client: { id: clientId, name, nif: billed.nif, address: billed.address },
      ...figures,
      closing: position,
    };
    return { statement, madeAt: period.closed ? period.end : period.now };
  }

  return {
    /** The statement of one client for one Lisbon month (YYYY-MM), as data. */
    async statement(clientId: number, month: string, q: Queryable = db): Promise<StatementDto> {
      return (await build(q, clientId, month)).statement;
    },

    /** The same statement as a PDF (the same bytes every time once the month is over). */
    async pdf(clientId: number, month: string, q: Queryable = db): Promise<{ fileName: string; bytes: Buffer; statement: StatementDto }> {
      const { statement, madeAt } = await build(q, clientId, month);
      const bytes = await renderStatementPdf(statement, madeAt);
      return { fileName: `${statement.locale === 'pt' ? 'extrato' : 'statement'}-${month}.pdf`, bytes, statement };
    },

    /** Every month of the client's account, newest first: from the first activity to the current month. */
    async months(clientId: number, q: Queryable = db): Promise<StatementMonthDto[]> {
      if (!(await client(q, clientId))) throw notFound('Client not found.');
      const now = clock.now();
      const current = lisbonMonth(now);
      const first = await repo.firstActivity(q, clientId);
      let month = first ? lisbonMonth(first) : current;
      if (month > current) month = current;
      const { end } = instantsOf(rangeOfMonth(current));
      const { docs, payments } = await repo.facts(q, clientId, end);
      const events = accountEvents(docs, payments);
      const out: StatementMonthDto[] = [];
      for (; month <= current; month = shiftMonth(month, 1)) {
        const { start, end: monthEnd } = instantsOf(rangeOfMonth(month));
        const f = monthOf(events, start, monthEnd);
        out.push({
          month,
          closed: monthEnd.getTime() <= now.getTime(),
          openingBalanceCents: f.openingBalanceCents,
          closingBalanceCents: f.closingBalanceCents,
          lines: f.lines.length,
          pdfUrl: `/api/clients/${clientId}/statements/${month}`,
        });
      }
      return out.reverse();
    },
  };
}

export type StatementsService = ReturnType<typeof createStatementsService>;
