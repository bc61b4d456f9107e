import type { Writable } from 'node:stream';

/**
 * CSV for spreadsheets. The default dialect is what Portuguese Excel opens with a double click: `;`
 * between cells and a decimal comma; `comma` is the RFC 4180 one (`,` and a decimal point). The file
 * starts with a UTF-8 BOM so Excel does not read accents as Latin-1, and lines end in CRLF.
 */

export const CSV_FORMATS = ['semicolon', 'comma'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

export interface CsvDialect {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export const DIALECTS: Record<CsvFormat, CsvDialect> = {
  semicolon: { separator: ';', decimal: ',' },
  comma: { separator: ',', decimal: '.' },
};

export const BOM = '\uFEFF';

/** text is quoted and guarded; cents print as euros with two decimals; decimal uses the dialect's mark. */
export type CsvType = 'text' | 'int' | 'cents' | 'decimal';
export type CsvValue = string | number | null | undefined;

export interface CsvColumn<T> {
  header: string;
  type?: CsvType;
  value: (row: T) => CsvValue;
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), so such text
 * gets a leading apostrophe: shown as text, never evaluated.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Integer cents as euros, computed on integers so no float decides a digit: -1234 → -12,34. */
export function centsCell(cents: number, dialect: CsvDialect): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not whole cents: ${cents}`);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${dialect.decimal}${String(abs % 100).padStart(2, '0')}`;
}

export function cell(value: CsvValue, type: CsvType, dialect: CsvDialect): string {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'text') return textCell(String(value));
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return textCell(String(value));
  if (type === 'cents') return centsCell(n, dialect);
  if (type === 'int') return String(Math.trunc(n));
  return String(n).replace('.', dialect.decimal);
}

export function headerLine(columns: ReadonlyArray<CsvColumn<never>>, dialect: CsvDialect): string {
  return `${columns.map((c) => textCell(c.header)).join(dialect.separator)}\r\n`;
}

export function rowLine<T>(row: T, columns: ReadonlyArray<CsvColumn<T>>, dialect: CsvDialect): string {
  return `${columns.map((c) => cell(c.value(row), c.type ?? 'text', dialect)).join(dialect.separator)}\r\n`;
}

/** The reader went away mid-file: stop reading from the database. */
export class CsvAbortedError extends Error {
  constructor() {
    super('the CSV response was closed before the end');
  }
}

/**
 * Writes chunks and, when the socket buffer is full, waits for it to drain (or to close). One pair of
 * listeners serves the whole response: the compression middleware forwards `drain` listeners to its
 * gzip stream but not their removal, so a listener per wait would pile up there.
 */
export function backpressuredWriter(out: Writable) {
  let wake: (() => void) | undefined;
  const onEvent = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  out.on('drain', onEvent);
  out.on('close', onEvent);
  const gone = () => out.destroyed || out.writableEnded;
  return {
    async write(chunk: string): Promise<void> {
      if (gone()) throw new CsvAbortedError();
      if (out.write(chunk)) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      if (gone()) throw new CsvAbortedError();
    },
    release(): void {
      out.removeListener('drain', onEvent);
      out.removeListener('close', onEvent);
    },
  };
}

/**
 * Streams a whole CSV: BOM and header, then each batch as one chunk. Memory holds one batch at a time
 * whatever the number of rows, because the next batch is read only once the previous one was accepted.
 */
export async function writeCsv<T>(out: Writable, columns: ReadonlyArray<CsvColumn<T>>, batches: AsyncIterable<T[]>, dialect: CsvDialect): Promise<number> {
  const writer = backpressuredWriter(out);
  try {
    await writer.write(BOM + headerLine(columns as ReadonlyArray<CsvColumn<never>>, dialect));
    let rows = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      let chunk = '';
      for (const row of batch) chunk += rowLine(row, columns, dialect);
      rows += batch.length;
      await writer.write(chunk);
    }
    return rows;
  } finally {
    writer.release();
  }
}
