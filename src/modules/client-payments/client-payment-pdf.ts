import { formatDate, formatEuro, METHOD_LABELS, type Locale } from '../receipts/receipt-format.js';
import { ACCENT, drawCompanyHeader, INK, MUTED, openA4Document, PAGE, RIGHT, WIDTH } from '../receipts/document-pdf.js';

/**
 * The receipt of one client payment (PAG-YYYY-MM-####): who was paid, who paid, when, how, how much, and
 * the orders and jobs it went against. Drawn like the receipts and statements (standard fonts, text
 * formatted by hand, document dates fixed to the payment's own instant).
 */

export interface ClientPaymentPrint {
  locale: Locale;
  number: string;
  company: { name: string; nif: string; address: string; iban: string };
  client: { name: string; nif: string | null; address: string | null };
  /** Lisbon date YYYY-MM-DD. */
  date: string;
  paidAt: Date;
  method: string;
  amountCents: number;
  notes: string | null;
  lines: { reference: string; serviceLine: 'laundry' | 'cleaning'; amountCents: number; voided: boolean }[];
}


export const CLIENT_PAYMENT_LABELS = {
  pt: {
    title: 'RECIBO DE PAGAMENTO',
    number: 'N.º',
    date: 'Data',
    nif: 'NIF',
    iban: 'IBAN',
    client: 'Cliente',
    method: 'Meio de pagamento',
    amount: 'Valor recebido',
    notes: 'Notas',
    allocations: 'Documentos pagos',
    document: 'Documento',
    value: 'Valor',
    laundry: 'Encomenda',
    cleaning: 'Limpeza',
    voided: 'anulado',
    nonFiscal: 'Documento não fiscal — não é uma fatura.',
  },
  en: {
    title: 'PAYMENT RECEIPT',
    number: 'No.',
    date: 'Date',
    nif: 'Tax no. (NIF)',
    iban: 'IBAN',
    client: 'Client',
    method: 'Payment method',
    amount: 'Amount received',
    notes: 'Notes',
    allocations: 'Documents paid',
    document: 'Document',
    value: 'Amount',
    laundry: 'Order',
    cleaning: 'Cleaning',
    voided: 'voided',
    nonFiscal: 'Non-fiscal document — not an invoice.',
  },
} as const;

export async function renderClientPaymentPdf(p: ClientPaymentPrint): Promise<Buffer> {
  const L = CLIENT_PAYMENT_LABELS[p.locale];
  const money = (cents: number) => formatEuro(cents, p.locale);
  const { doc, done } = await openA4Document({ title: `${L.title} ${p.number}`, author: p.company.name, madeAt: p.paidAt, locale: p.locale });

  const companyBottom = drawCompanyHeader(doc, p.company, L, 280);

  doc.font('Helvetica-Bold').fontSize(15).fillColor(INK).text(L.title, 320, PAGE.margin, { width: RIGHT - 320, align: 'right' });
  doc.font('Helvetica').fontSize(10).text(`${L.number} ${p.number}`, 320, doc.y, { width: RIGHT - 320, align: 'right' });
  doc.text(`${L.date}: ${formatDate(p.date)}`, 320, doc.y, { width: RIGHT - 320, align: 'right' });

  let y = Math.max(companyBottom, doc.y) + 18;
  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(L.client.toUpperCase(), PAGE.margin, y);
  doc.fillColor(INK).font('Helvetica').fontSize(10).text(p.client.name, PAGE.margin, doc.y + 2, { width: 300 });
  if (p.client.nif) doc.text(`${L.nif}: ${p.client.nif}`, { width: 300 });
  if (p.client.address) doc.text(p.client.address, { width: 300 });
  y = doc.y + 16;

  const row = (label: string, value: string, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 12 : 10).fillColor(INK);
    doc.text(label, PAGE.margin, y, { width: 300 });
    doc.text(value, 350, y, { width: RIGHT - 350, align: 'right' });
    y = doc.y + 4;
  };
  row(L.method, METHOD_LABELS[p.locale][p.method] ?? p.method);
  row(L.amount, money(p.amountCents), true);
  if (p.notes) {
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`${L.notes}: ${p.notes}`, PAGE.margin, y, { width: WIDTH });
    y = doc.y + 4;
  }
  y += 12;

  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(L.allocations.toUpperCase(), PAGE.margin, y);
  y = doc.y + 4;
  const header = (top: number) => {
    doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
    doc.text(L.document, PAGE.margin, top, { width: 300 });
    doc.text(L.value, 400, top, { width: RIGHT - 400, align: 'right' });
    doc.lineWidth(0.6).strokeColor(MUTED).moveTo(PAGE.margin, top + 13).lineTo(RIGHT, top + 13).stroke();
    return top + 19;
  };
  y = header(y);
  for (const line of p.lines) {
    if (y > PAGE.height - 120) {
      doc.addPage();
      y = header(PAGE.margin);
    }
    doc.font('Helvetica').fontSize(10).fillColor(line.voided ? MUTED : INK);
    doc.text(`${L[line.serviceLine]} ${line.reference}${line.voided ? ` (${L.voided})` : ''}`, PAGE.margin, y, { width: 340 });
    doc.text(money(line.amountCents), 400, y, { width: RIGHT - 400, align: 'right' });
    y = doc.y + 4;
  }

  doc.font('Helvetica').fontSize(8).fillColor(ACCENT).text(L.nonFiscal, PAGE.margin, PAGE.height - PAGE.margin - 12, { width: WIDTH, align: 'center', lineBreak: false });
  doc.end();
  return done;
}
