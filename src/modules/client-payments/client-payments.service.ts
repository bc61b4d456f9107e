import type { Db, Queryable } from '../../db/pool.js';
import type { ClientPaymentDto, RecordClientPaymentInput } from '../../contracts/client-payments.js';
import type { ServiceLineValue } from '../../contracts/payments.js';
import { badRequest, notFound } from '../../lib/app-error.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { Actor } from '../../lib/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { PAYMENT_VALUE_FIELDS, toPaymentDto } from '../payments/payments.mappers.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { CompanyDetails } from '../receipts/receipts.service.js';
import type { ClientDocRow } from '../receipts/receipts.repository.js';
import { lisbonMonth } from '../reports/periods.js';
import { renderClientPaymentPdf } from './client-payment-pdf.js';
import type { ClientPaymentRow, ClientPaymentsRepository, LockedDocument } from './client-payments.repository.js';

export interface ClientPaymentsServiceDeps {
  db: Db;
  repo: ClientPaymentsRepository;
  payments: PaymentsRepository;
  clock: Clock;
  audit: AuditService;
  /** The business identity printed on the receipt: the same source as the receipts and statements. */
  company(q: Queryable): Promise<CompanyDetails>;
  /** The client as billed (name, NIF, address, language): the same source as the receipts. */
  client(q: Queryable, clientId: number): Promise<ClientDocRow | undefined>;
}

/** A phone a few minutes ahead of the server is not a payment from the future (as single payments). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** PAG-YYYY-MM-####, numbered gap-free within a Lisbon month like the receipts. */
export function formatClientPaymentNumber(month: string, n: number): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`not a month: ${month}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`payment sequence must be a positive integer (got ${n})`);
  return `PAG-${month}-${String(n).padStart(4, '0')}`;
}

const CLIENT_PAYMENT_VALUE_FIELDS = ['paymentNumber', 'amountCents', 'method', 'paidAt', 'allocationCount'] as const;

const key = (line: ServiceLineValue, id: number) => `${line}:${id}`;

function toDto(r: ClientPaymentRow): ClientPaymentDto {
  const allocations = r.allocations.map((a) => ({
    serviceLine: (a.laundry_order_id !== null ? 'laundry' : 'cleaning') as ServiceLineValue,
    laundryOrderId: a.laundry_order_id === null ? null : Number(a.laundry_order_id),
    cleaningJobId: a.cleaning_job_id === null ? null : Number(a.cleaning_job_id),
    reference: a.reference,
    amountCents: a.amount_cents,
    paymentId: Number(a.payment_id),
    voided: a.voided,
  }));
  return {
    id: Number(r.id),
    number: r.payment_number,
    clientId: Number(r.client_id),
    amountCents: r.amount_cents,
    keptCents: allocations.reduce((s, a) => s + (a.voided ? 0 : a.amountCents), 0),
    method: r.method,
    paidAt: r.paid_at.toISOString(),
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    pdfUrl: `/api/client-payments/${r.id}/pdf`,
    allocations,
  };
}

/** Oldest accrual first; documents still in progress (not accrued) after, oldest taken first. */
function byAccrual(a: LockedDocument, b: LockedDocument): number {
  const at = (d: LockedDocument) => (d.accrued_at ?? d.created_at).getTime();
  if ((a.accrued_at === null) !== (b.accrued_at === null)) return a.accrued_at === null ? 1 : -1;
  return at(a) - at(b) || a.created_at.getTime() - b.created_at.getTime() || (a.line === b.line ? a.id - b.id : a.line === 'laundry' ? -1 : 1);
}

const unknownDocument = (line: ServiceLineValue, id: number, index: number) =>
  badRequest('UNKNOWN_DOCUMENT', `No open ${line === 'laundry' ? 'laundry order' : 'cleaning job'} ${id} of this client.`, {
    serviceLine: line,
    id,
    path: `body.allocations.${index}`,
  });

/**
 * One payment of a client across several of their open documents (issue 19 §3). Each allocation is an
 * ordinary payment row of one document (the account, receivables, statements and receipts read it
 * unchanged), grouped under a client payment with its own receipt number, all in one transaction with
 * the documents locked in a stable order.
 */
export function createClientPaymentsService({ db, repo, payments, clock, audit, company, client }: ClientPaymentsServiceDeps) {
  function paidAtOf(paidAt: string | undefined): Date {
    const now = clock.now();
    if (!paidAt) return now;
    const at = new Date(paidAt);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw badRequest('PAID_AT_IN_FUTURE', 'The payment date is in the future.', [{ path: 'body.paidAt', message: 'in the future', code: 'PAID_AT_IN_FUTURE' }]);
    }
    return at;
  }

  /** The allocations asked for, checked against the locked documents of this client. */
  async function explicitPlan(tx: Queryable, clientId: number, input: RecordClientPaymentInput) {
    const asked = input.allocations!.map((a) =>
      a.laundryOrderId !== undefined ? { line: 'laundry' as const, id: a.laundryOrderId, amountCents: a.amountCents } : { line: 'cleaning' as const, id: a.cleaningJobId!, amountCents: a.amountCents },
    );
    const docs = await repo.lockDocuments(
      tx,
      asked.filter((a) => a.line === 'laundry').map((a) => a.id),
      asked.filter((a) => a.line === 'cleaning').map((a) => a.id),
    );
    const found = new Map(docs.map((d) => [key(d.line, d.id), d]));
    const plan = asked.map((a, i) => {
      const doc = found.get(key(a.line, a.id));
      // Another client's document does not exist as far as this payment knows.
      if (!doc || doc.client_id !== clientId || doc.status === 'cancelled') throw unknownDocument(a.line, a.id, i);
      return { doc, amountCents: a.amountCents, index: i };
    });
    for (const p of plan) {
      if (p.amountCents > p.doc.outstanding) {
        throw badRequest('ALLOCATION_EXCEEDS_OUTSTANDING', `${p.doc.reference} owes less than the amount allocated to it.`, {
          reference: p.doc.reference,
          serviceLine: p.doc.line,
          id: p.doc.id,
          outstandingCents: Math.max(p.doc.outstanding, 0),
          path: `body.allocations.${p.index}.amountCents`,
        });
      }
    }
    return plan.map(({ doc, amountCents }) => ({ doc, amountCents }));
  }

  /** The money spread over the client's open documents, oldest accrual first. */
  async function oldestFirstPlan(tx: Queryable, clientId: number, amountCents: number) {
    const docs = (await repo.lockOpenDocuments(tx, clientId)).sort(byAccrual);
    const owed = docs.reduce((s, d) => s + d.outstanding, 0);
    if (owed === 0) throw badRequest('NOTHING_OWED', 'This client owes nothing: there is no open order or job to pay.');
    if (amountCents > owed) {
      throw badRequest('PAYMENT_EXCEEDS_BALANCE', 'The amount is above what the client owes on their open orders and jobs.', { balanceCents: owed });
    }
    const plan: { doc: LockedDocument; amountCents: number }[] = [];
    let left = amountCents;
    for (const doc of docs) {
      if (left === 0) break;
      const part = Math.min(left, doc.outstanding);
      plan.push({ doc, amountCents: part });
      left -= part;
    }
    return plan;
  }

  async function visible(actor: Actor, id: number): Promise<ClientPaymentRow> {
    const row = await repo.find(db, id);
    // Another client's payment does not exist as far as this client knows (PRODUCT §5).
    if (!row || (actor.role === 'client' && Number(row.client_id) !== actor.id)) throw notFound('Payment not found.');
    return row;
  }

  return {
    async record(actor: Actor, clientId: number, input: RecordClientPaymentInput): Promise<{ clientPayment: ClientPaymentDto }> {
      if (input.allocations) {
        const allocated = input.allocations.reduce((s, a) => s + a.amountCents, 0);
        if (allocated !== input.amountCents) {
          throw badRequest('ALLOCATION_MISMATCH', 'The allocations do not add up to the amount received.', { allocatedCents: allocated, amountCents: input.amountCents });
        }
      }
      const paidAt = paidAtOf(input.paidAt);
      const at = clock.now();
      const notes = input.notes ?? null;
      const id = await db.transaction(async (tx) => {
        if (!(await repo.clientExists(tx, clientId))) throw notFound('Client not found.');
        const plan = input.allocations ? await explicitPlan(tx, clientId, input) : await oldestFirstPlan(tx, clientId, input.amountCents);
        const month = lisbonMonth(paidAt);
        const number = formatClientPaymentNumber(month, await repo.nextNumber(tx, month));
        const id = await repo.insert(tx, { number, month, clientId, amountCents: input.amountCents, method: input.method, paidAt, notes, createdBy: actor.id, at });
        for (const p of plan) {
          const paymentId = await payments.insert(tx, {
            kind: 'payment',
            clientId,
            target: { line: p.doc.line, id: p.doc.id },
            amountCents: p.amountCents,
            tipCents: 0,
            method: input.method,
            paidAt,
            notes,
            reason: null,
            createdBy: actor.id,
            at,
            clientPaymentId: id,
          });
          const payment = toPaymentDto((await payments.find(tx, paymentId))!);
          await audit.record(tx, { action: 'create', entity: 'payment', entityId: paymentId, before: null, after: payment, valueFields: PAYMENT_VALUE_FIELDS });
        }
        await audit.record(tx, {
          action: 'create',
          entity: 'client_payment',
          entityId: id,
          before: null,
          after: { paymentNumber: number, clientId, amountCents: input.amountCents, method: input.method, paidAt: paidAt.toISOString(), allocationCount: plan.length },
          valueFields: CLIENT_PAYMENT_VALUE_FIELDS,
        });
        return id;
      });
      return { clientPayment: toDto((await repo.find(db, id))!) };
    },

    async list(clientId: number, page: PageInput) {
      if (!(await repo.clientExists(db, clientId))) throw notFound('Client not found.');
      return mapPage(await repo.list(clientId, page), toDto);
    },

    async get(actor: Actor, id: number): Promise<ClientPaymentDto> {
      return toDto(await visible(actor, id));
    },

    /** The receipt of the payment, drawn from its records (voided parts shown as such). */
    async pdf(actor: Actor, id: number): Promise<{ fileName: string; bytes: Buffer }> {
      const row = await visible(actor, id);
      const billed = await client(db, Number(row.client_id));
      if (!billed) throw notFound('Payment not found.');
      const details = await company(db);
      const dto = toDto(row);
      const bytes = await renderClientPaymentPdf({
        locale: billed.locale,
        number: dto.number,
        company: { name: details.companyName, nif: details.companyNif, address: details.companyAddress, iban: details.companyIban },
        client: { name: billed.is_enterprise && billed.company_name ? `${billed.company_name} (${billed.name})` : billed.name, nif: billed.nif, address: billed.address },
        date: lisbonDate(row.paid_at),
        paidAt: row.paid_at,
        method: dto.method,
        amountCents: dto.amountCents,
        notes: dto.notes,
        lines: dto.allocations.map((a) => ({ reference: a.reference, serviceLine: a.serviceLine, amountCents: a.amountCents, voided: a.voided })),
      });
      return { fileName: `${dto.number}.pdf`, bytes };
    },

    /** GDPR: the client's payments across documents. */
    async exportClient(q: Queryable, clientId: number) {
      return (await repo.ofClient(q, clientId)).map(toDto);
    },
  };
}

export type ClientPaymentsService = ReturnType<typeof createClientPaymentsService>;
