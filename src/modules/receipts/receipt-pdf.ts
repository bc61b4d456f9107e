import type { ReceiptSnapshotDto } from '../../contracts/receipts.js';
import { formatDate, formatEuro, formatRate, LABELS, METHOD_LABELS } from './receipt-format.js';
import { ACCENT, drawCompanyHeader, INK, MUTED, openA4Document, PAGE, RIGHT, WIDTH } from './document-pdf.js';

/**
 * Draws a receipt from its snapshot. The output depends on the snapshot only: the document dates are
 * the issue instant (pdfkit derives the file id from them), fonts are the PDF standard ones (nothing
 * embedded from the machine), and every text is formatted by hand.
 */


const COLUMNS = { description: PAGE.margin, quantity: 330, unit: 400, amount: 480 } as const;

export async function renderReceiptPdf(s: ReceiptSnapshotDto): Promise<Buffer> {
  const L = LABELS[s.locale];
  const money = (cents: number) => formatEuro(cents, s.locale);
  const issuedAt = new Date(s.issuedAt);
  // Company (left) and document title (right).
  const { doc, done } = await openA4Document({ title: `${L.title} ${s.receiptNumber}`, author: s.company.name, subject: L.nonFiscal, madeAt: issuedAt, locale: s.locale });

  const companyBottom = drawCompanyHeader(doc, s.company, L, 300);

  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(L.title, 360, PAGE.margin, { width: RIGHT - 360, align: 'right' });
  doc.font('Helvetica').fontSize(10).text(`${L.number} ${s.receiptNumber}`, 360, doc.y, { width: RIGHT - 360, align: 'right' });
  doc.text(`${L.issued} ${formatDate(s.issuedDate)}`, 360, doc.y, { width: RIGHT - 360, align: 'right' });

  // The non-fiscal mark: boxed and in colour, impossible to miss.
  let y = Math.max(companyBottom, doc.y) + 14;
  doc.lineWidth(1.2).strokeColor(ACCENT).rect(PAGE.margin, y, WIDTH, 34).stroke();
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(12).text(L.nonFiscal.toUpperCase(), PAGE.margin, y + 6, { width: WIDTH, align: 'center' });
  doc.font('Helvetica').fontSize(8).text(L.nonFiscalNote, PAGE.margin + 8, y + 21, { width: WIDTH - 16, align: 'center' });
  y += 48;

  // Client and reference.
  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(L.client.toUpperCase(), PAGE.margin, y);
  doc.fillColor(INK).font('Helvetica').fontSize(10).text(s.client.name, PAGE.margin, doc.y + 2, { width: 260 });
  if (s.client.nif) doc.text(`${L.nif}: ${s.client.nif}`, { width: 260 });
  if (s.client.address) doc.text(s.client.address, { width: 260 });
  const clientBottom = doc.y;

  const refLabel = s.serviceLine === 'laundry' ? L.laundryOrder : L.cleaningJob;
  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(refLabel.toUpperCase(), 330, y, { width: RIGHT - 330 });
  doc.fillColor(INK).font('Helvetica').fontSize(10).text(s.reference, 330, doc.y + 2, { width: RIGHT - 330 });
  if (s.serviceDate) doc.text(`${L.serviceDate}: ${formatDate(s.serviceDate)}`, 330, doc.y, { width: RIGHT - 330 });
  y = Math.max(clientBottom, doc.y) + 18;

  // Lines.
  const header = (top: number) => {
    doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
    doc.text(L.description, COLUMNS.description, top, { width: COLUMNS.quantity - COLUMNS.description - 10 });
    doc.text(L.quantity, COLUMNS.quantity, top, { width: 60, align: 'right' });
    doc.text(L.unitPrice, COLUMNS.unit, top, { width: 70, align: 'right' });
    doc.text(L.amount, COLUMNS.amount, top, { width: RIGHT - COLUMNS.amount, align: 'right' });
    doc.lineWidth(0.6).strokeColor(MUTED).moveTo(PAGE.margin, top + 13).lineTo(RIGHT, top + 13).stroke();
    return top + 19;
  };
  y = header(y);
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  const row = (description: string, detail: string | null, quantity: string, unit: string, amount: string) => {
    if (y > PAGE.height - 200) {
      doc.addPage();
      y = header(PAGE.margin);
      doc.font('Helvetica').fontSize(10).fillColor(INK);
    }
    const top = y;
    doc.text(description, COLUMNS.description, top, { width: COLUMNS.quantity - COLUMNS.description - 10 });
    if (detail) doc.fontSize(8).fillColor(MUTED).text(detail, COLUMNS.description, doc.y, { width: COLUMNS.quantity - COLUMNS.description - 10 });
    const bottom = doc.y;
    doc.fontSize(10).fillColor(INK);
    doc.text(quantity, COLUMNS.quantity, top, { width: 60, align: 'right' });
    doc.text(unit, COLUMNS.unit, top, { width: 70, align: 'right' });
    doc.text(amount, COLUMNS.amount, top, { width: RIGHT - COLUMNS.amount, align: 'right' });
    y = Math.max(bottom, doc.y) + 6;
  };
  for (const line of s.lines) {
    row(line.description, line.detail, line.quantity, line.unitPriceCents === null ? '' : money(line.unitPriceCents), money(line.totalCents));
  }
  for (const a of s.adjustments) row(L[a.kind], null, '', '', money(a.cents));

  // Totals, right-aligned.
  doc.lineWidth(0.6).strokeColor(MUTED).moveTo(330, y).lineTo(RIGHT, y).stroke();
  y += 8;
  const total = (label: string, value: string, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 12 : 10).fillColor(INK);
    doc.text(label, 300, y, { width: 170, align: 'right' });
    doc.text(value, COLUMNS.amount - 10, y, { width: RIGHT - COLUMNS.amount + 10, align: 'right' });
    y = doc.y + 4;
  };
  total(L.subtotal, money(s.subtotalCents));
  for (const v of s.vatByRate) total(`${L.vat} ${formatRate(v.vatRateBasisPoints, s.locale)} ${L.vatOn} ${money(v.baseCents)}`, money(v.vatCents));
  total(L.total, money(s.totalCents), true);
  y += 14;

  // Payments and balance.
  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(L.payments.toUpperCase(), PAGE.margin, y);
  y = doc.y + 4;
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  if (s.payments.length === 0) {
    doc.text(L.noPayments, PAGE.margin, y);
    y = doc.y + 4;
  }
  for (const p of s.payments) {
    const label = `${formatDate(p.date)}  ${METHOD_LABELS[s.locale][p.method]}${p.kind === 'refund' ? ` (${L.refund})` : ''}`;
    doc.text(label, PAGE.margin, y, { width: 300 });
    doc.text(money(p.kind === 'refund' ? -p.amountCents : p.amountCents), COLUMNS.amount - 10, y, { width: RIGHT - COLUMNS.amount + 10, align: 'right' });
    y = doc.y + 2;
  }
  y += 6;
  total(L.paid, money(s.paidCents));
  total(s.balanceCents < 0 ? L.credit : L.balance, money(Math.abs(s.balanceCents)), true);

  // Footer on the last page.
  doc.font('Helvetica').fontSize(8).fillColor(ACCENT).text(`${L.nonFiscal} — ${s.receiptNumber}`, PAGE.margin, PAGE.height - PAGE.margin - 12, {
    width: WIDTH,
    align: 'center',
    lineBreak: false,
  });

  doc.end();
  return done;
}
