import type { StatementDto } from '../../contracts/accounts.js';
import { formatDate, formatEuro, METHOD_LABELS } from '../receipts/receipt-format.js';
import { ACCENT, drawCompanyHeader, INK, MUTED, openA4Document, PAGE, RIGHT, WIDTH } from '../receipts/document-pdf.js';

/**
 * Draws a monthly statement from its data, like the receipts: standard fonts, text formatted by hand and
 * the document dates fixed to the end of the month, so a closed month prints the same bytes every time.
 */

const COL = { date: PAGE.margin, what: 115, amount: 390, balance: 470 } as const;

export const STATEMENT_LABELS = {
  pt: {
    title: 'EXTRATO DE CONTA',
    period: 'Período',
    toDate: 'até à data',
    nif: 'NIF',
    iban: 'IBAN',
    client: 'Cliente',
    opening: 'Saldo inicial',
    charges: 'Serviços no mês',
    payments: 'Pagamentos no mês',
    adjustments: 'Acertos (anulações e cancelamentos)',
    closing: 'Saldo final',
    date: 'Data',
    movement: 'Movimento',
    amount: 'Valor',
    balance: 'Saldo',
    noLines: 'Sem movimentos neste mês.',
    kinds: { charge: 'Serviço', payment: 'Pagamento', refund: 'Reembolso', void: 'Anulação', cancellation: 'Cancelamento' },
    laundry: 'Encomenda',
    cleaning: 'Limpeza',
    byStage: 'Composição do saldo final',
    accrued: 'Trabalho entregue em dívida',
    inProgress: 'Trabalho em curso em dívida',
    credit: 'Crédito do cliente',
    ageing: 'Antiguidade da dívida (dias desde a entrega)',
    buckets: ['0–30', '31–60', '61–90', '> 90'],
    nonFiscal: 'Documento não fiscal — não é uma fatura.',
  },
  en: {
    title: 'ACCOUNT STATEMENT',
    period: 'Period',
    toDate: 'to date',
    nif: 'Tax no. (NIF)',
    iban: 'IBAN',
    client: 'Client',
    opening: 'Opening balance',
    charges: 'Services in the month',
    payments: 'Payments in the month',
    adjustments: 'Adjustments (voids and cancellations)',
    closing: 'Closing balance',
    date: 'Date',
    movement: 'Entry',
    amount: 'Amount',
    balance: 'Balance',
    noLines: 'No entries this month.',
    kinds: { charge: 'Service', payment: 'Payment', refund: 'Refund', void: 'Void', cancellation: 'Cancellation' },
    laundry: 'Order',
    cleaning: 'Cleaning',
    byStage: 'Closing balance by stage',
    accrued: 'Owed on work handed over',
    inProgress: 'Owed on work in progress',
    credit: "Client's credit",
    ageing: 'Age of the debt (days since handed over)',
    buckets: ['0–30', '31–60', '61–90', '> 90'],
    nonFiscal: 'Non-fiscal document — not an invoice.',
  },
} as const;

/** The instant the document says it was made: the end of its month (closed) or the day it was asked for. */
export async function renderStatementPdf(s: StatementDto, madeAt: Date): Promise<Buffer> {
  const L = STATEMENT_LABELS[s.locale];
  const money = (cents: number) => formatEuro(cents, s.locale);
  const { doc, done } = await openA4Document({ title: `${L.title} ${s.month}`, author: s.company.name, madeAt, locale: s.locale });

  const companyBottom = drawCompanyHeader(doc, s.company, L, 300);

  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text(L.title, 330, PAGE.margin, { width: RIGHT - 330, align: 'right' });
  doc.font('Helvetica').fontSize(10).text(`${L.period}: ${formatDate(s.from)} – ${formatDate(s.to)}${s.closed ? '' : ` (${L.toDate})`}`, 330, doc.y, {
    width: RIGHT - 330,
    align: 'right',
  });

  let y = Math.max(companyBottom, doc.y) + 18;
  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(L.client.toUpperCase(), PAGE.margin, y);
  doc.fillColor(INK).font('Helvetica').fontSize(10).text(s.client.name, PAGE.margin, doc.y + 2, { width: 300 });
  if (s.client.nif) doc.text(`${L.nif}: ${s.client.nif}`, { width: 300 });
  if (s.client.address) doc.text(s.client.address, { width: 300 });
  y = doc.y + 16;

  const sum = (label: string, cents: number, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 12 : 10).fillColor(INK);
    doc.text(label, PAGE.margin, y, { width: 330 });
    doc.text(money(cents), COL.balance - 80, y, { width: RIGHT - COL.balance + 80, align: 'right' });
    y = doc.y + 4;
  };
  sum(L.opening, s.openingBalanceCents);
  sum(L.charges, s.chargesCents);
  sum(L.payments, -s.paymentsCents);
  if (s.adjustmentsCents !== 0) sum(L.adjustments, s.adjustmentsCents);
  sum(L.closing, s.closingBalanceCents, true);
  y += 12;

  const header = (top: number) => {
    doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
    doc.text(L.date, COL.date, top, { width: 60 });
    doc.text(L.movement, COL.what, top, { width: COL.amount - COL.what - 10 });
    doc.text(L.amount, COL.amount, top, { width: 70, align: 'right' });
    doc.text(L.balance, COL.balance, top, { width: RIGHT - COL.balance, align: 'right' });
    doc.lineWidth(0.6).strokeColor(MUTED).moveTo(PAGE.margin, top + 13).lineTo(RIGHT, top + 13).stroke();
    return top + 19;
  };
  y = header(y);
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  if (s.lines.length === 0) {
    doc.text(L.noLines, PAGE.margin, y);
    y = doc.y + 4;
  }
  for (const line of s.lines) {
    if (y > PAGE.height - 190) {
      doc.addPage();
      y = header(PAGE.margin);
      doc.font('Helvetica').fontSize(10).fillColor(INK);
    }
    const what = `${L.kinds[line.kind]} · ${line.reference}${line.method ? ` · ${METHOD_LABELS[s.locale][line.method]}` : ''}`;
    doc.text(formatDate(line.date), COL.date, y, { width: 60 });
    doc.text(what, COL.what, y, { width: COL.amount - COL.what - 10 });
    const bottom = doc.y;
    doc.text(money(line.amountCents), COL.amount, y, { width: 70, align: 'right' });
    doc.text(money(line.balanceCents), COL.balance, y, { width: RIGHT - COL.balance, align: 'right' });
    y = Math.max(bottom, doc.y) + 4;
  }
  y += 12;
  if (y > PAGE.height - 190) {
    doc.addPage();
    y = PAGE.margin;
  }
  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(L.byStage.toUpperCase(), PAGE.margin, y);
  y = doc.y + 4;
  sum(L.accrued, s.closing.accruedCents);
  sum(L.inProgress, s.closing.inProgressCents);
  sum(L.credit, -s.closing.creditCents);
  y += 8;
  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(L.ageing.toUpperCase(), PAGE.margin, y);
  y = doc.y + 4;
  const a = s.closing.ageing;
  const buckets = [a.days0to30Cents, a.days31to60Cents, a.days61to90Cents, a.over90Cents];
  const colWidth = WIDTH / 4;
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  L.buckets.forEach((label, i) => doc.text(label, PAGE.margin + i * colWidth, y, { width: colWidth - 6, align: 'right' }));
  y = doc.y + 2;
  doc.fontSize(10).fillColor(INK);
  buckets.forEach((cents, i) => doc.text(money(cents), PAGE.margin + i * colWidth, y, { width: colWidth - 6, align: 'right' }));

  doc.font('Helvetica').fontSize(8).fillColor(ACCENT).text(L.nonFiscal, PAGE.margin, PAGE.height - PAGE.margin - 12, { width: WIDTH, align: 'center', lineBreak: false });
  doc.end();
  return done;
}
