import type { Db } from '../../db/pool.js';
import type { AccountDocumentDto, AccountSummaryDto, StatementMonthDto } from '../../contracts/accounts.js';
import { notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { mapPage, pageOfArray, type PageInput } from '../../lib/paging.js';
import type { ReceivablesRepository } from '../receivables/receivables.repository.js';
import type { AccountDocumentFilters, AccountDocumentRow, AccountsRepository } from './accounts.repository.js';
import { addToAgeing, daysBetween, emptyAgeing } from './statement.js';
import type { StatementsService } from './statements.service.js';

export interface AccountsServiceDeps {
  db: Db;
  repo: AccountsRepository;
  receivables: ReceivablesRepository;
  statements: StatementsService;
  clock: Clock;
}

function toDocument(r: AccountDocumentRow): AccountDocumentDto {
  return {
    serviceLine: r.line,
    id: r.id,
    reference: r.reference,
    status: r.status,
    paymentStatus: r.payment_status,
    createdAt: r.created_at.toISOString(),
    accruedAt: r.accrued_at ? r.accrued_at.toISOString() : null,
    totalCents: r.total,
    paidCents: r.paid,
    outstandingCents: r.outstanding,
  };
}

/**
 * A client's account (issue 19): the balance is the receivables summary of ADR 0014 (the kept row of the
 * client), the ageing splits its accrued part by days since accrual, the documents carry what each adds
 * to it. Staff ask for any client; a client's own routes pass their own id — the caller decides whose.
 */
export function createAccountsService({ db, repo, receivables, statements, clock }: AccountsServiceDeps) {
  async function clientName(clientId: number): Promise<string> {
    const name = await repo.clientName(db, clientId);
    if (name === undefined) throw notFound('Client not found.');
    return name;
  }

  return {
    async summary(clientId: number): Promise<AccountSummaryDto> {
      const name = await clientName(clientId);
      const s = await receivables.summary(db, clientId);
      const accrued = await receivables.accruedOf(db, clientId);
      const last = await repo.lastPayment(db, clientId);
      const now = clock.now();
      const ageing = emptyAgeing();
      for (const d of accrued) addToAgeing(ageing, daysBetween(d.dated_at, now), d.balance);
      return {
        client: { id: clientId, name },
        balance: { documents: s.documents, balanceCents: s.balance, accruedCents: s.accrued, inProgressCents: s.in_progress, creditCents: s.credit },
        ageing,
        lastPayment: last ? { paidAt: last.paid_at.toISOString(), amountCents: last.amount, method: last.method } : null,
      };
    },

    async documents(filters: AccountDocumentFilters, page: PageInput) {
      await clientName(filters.clientId);
      return mapPage(await repo.documents(db, filters, page), toDocument);
    },

    /** The statement months of a client, newest first, each with where its PDF is downloaded. */
    async statementMonths(clientId: number, page: PageInput, own: boolean) {
      const months = await statements.months(clientId);
      const withUrl = months.map((m): StatementMonthDto => ({ ...m, pdfUrl: own ? `/api/account/statements/${m.month}` : `/api/clients/${clientId}/statements/${m.month}` }));
      return pageOfArray(withUrl, page);
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
