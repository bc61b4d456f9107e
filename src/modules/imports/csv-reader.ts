import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError, badRequest } from '../../lib/app-error.js';

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvLimits {
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}

export interface CsvRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  rows: CsvRow[];
}

/** Bytes Windows-1252 leaves undefined: a file that has them is neither UTF-8 nor Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const FIRST_LINE_BYTES = 64 * 1024;

interface Sniffed {
  utf8: boolean;
  undefinedIn1252: boolean;
  firstLine: Buffer;
}

const unsupportedEncoding = (message: string) => badRequest('UNSUPPORTED_ENCODING', message);

/**
 * One streaming pass over the bytes before any parsing: workbooks and UTF-16 files are recognised by
 * their first bytes, a NUL or another control character refuses the file with the line it is on, and a
 * strict UTF-8 decoder tells whether the text is UTF-8 (the only alternative accepted is Windows-1252,
 * what Excel on Portuguese Windows saves as "CSV").
 */
async function sniff(filePath: string): Promise<Sniffed> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let undefinedIn1252 = false;
  let line = 1;
  let offset = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  let firstLineEnd = -1;

  await pipeline(
    fs.createReadStream(filePath, { highWaterMark: 256 * 1024 }),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        if (offset === 0) {
          const start = chunk.subarray(0, 4);
          if (start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04) {
            return done(badRequest('NOT_CSV', 'This is a spreadsheet workbook (.xlsx), not CSV. Save it as "CSV" and upload that.'));
          }
          if (start[0] === 0xd0 && start[1] === 0xcf && start[2] === 0x11 && start[3] === 0xe0) {
            return done(badRequest('NOT_CSV', 'This is a spreadsheet workbook (.xls), not CSV. Save it as "CSV" and upload that.'));
          }
          if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
            return done(unsupportedEncoding('The file is UTF-16 text. Save it as "CSV UTF-8" (or plain CSV) and upload that.'));
          }
        }
        for (let i = 0; i < chunk.length; i += 1) {
          const byte = chunk[i]!;
          if (byte === 0x0a) {
            line += 1;
            if (firstLineEnd < 0) firstLineEnd = offset + i;
          } else if (byte === 0x00) {
            return done(badRequest('NUL_CHARACTER', `The file contains a NUL character (line ${line}); it is not a text CSV file.`, { line }));
          } else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0d) {
            return done(badRequest('BINARY_CONTENT', `The file contains control characters (line ${line}); it is not a text CSV file.`, { line }));
          } else if (UNDEFINED_IN_1252.has(byte)) {
            undefinedIn1252 = true;
          }
        }
        if (utf8) {
          try {
            decoder.decode(chunk, { stream: true });
          } catch {
            utf8 = false;
          }
        }
        if (headBytes < FIRST_LINE_BYTES) {
          head.push(chunk);
          headBytes += chunk.length;
        }
        offset += chunk.length;
        done();
      },
      final(done) {
        if (utf8) {
          try {
            decoder.decode();
          } catch {
            utf8 = false;
          }
        }
        done();
      },
    }),
  );
  const all = Buffer.concat(head);
  const end = firstLineEnd >= 0 && firstLineEnd < all.length ? firstLineEnd : Math.min(all.length, FIRST_LINE_BYTES);
  return { utf8, undefinedIn1252, firstLine: all.subarray(0, end) };
}

/** The separator is the one of `;`, `,` and tab the header line has most of, outside quotes (`;` on a tie). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  const order: CsvDelimiter[] = [';', ',', '\t'];
  return order.reduce((best, d) => (counts[d] > counts[best] ? d : best), ';');
}

/**
 * A cell a spreadsheet would run as a formula when the data is exported again (CSV injection, OWASP):
 * it starts with `=`, `@`, a tab or a carriage return, or with `+`/`-` followed by anything but a
 * number (a phone like "+351 912 345 678" and "-12,50" are data).
 */
export function looksLikeFormula(cell: string): boolean {
  if (/^[=@\t\r]/.test(cell)) return true;
  return /^[+-]/.test(cell) && !/^[+-][\d\s().,/-]*$/.test(cell);
}

/**
 * Spreadsheets (and our own exports) keep a phone or a signed number as text with a leading apostrophe;
 * it is taken off so "'+351912345678" reads as the phone it is.
 */
function unguard(cell: string): string {
  return /^'[+-][\d\s().,/-]*$/.test(cell) ? cell.slice(1) : cell;
}

const FORMULA_REPORT_MAX = 20;

/**
 * Reads a CSV file into its header and rows with a streaming parser (csv-parse) over a decoding stream
 * (iconv-lite), within the limits. Any problem with the file as a whole is a 400 with a stable code and
 * nothing is kept: wrong encoding, NUL or control characters, a workbook, no data rows, too many rows or
 * columns, an unreadable quote, or a cell that looks like a formula (refused, not neutralised: the data
 * would otherwise change silently).
 */
export async function readCsv(
  filePath: string,
  limits: CsvLimits,
  options: { encoding?: CsvEncoding | undefined; delimiter?: CsvDelimiter | undefined } = {},
): Promise<CsvTable> {
  const sniffed = await sniff(filePath);
  if (sniffed.firstLine.length === 0 && fs.statSync(filePath).size === 0) throw badRequest('EMPTY_FILE', 'The file is empty.');
  let encoding: CsvEncoding;
  if (options.encoding) {
    if (options.encoding === 'utf-8' && !sniffed.utf8) throw unsupportedEncoding('The file is not valid UTF-8 text.');
    encoding = options.encoding;
  } else if (sniffed.utf8) {
    encoding = 'utf-8';
  } else if (!sniffed.undefinedIn1252) {
    encoding = 'windows-1252';
  } else {
    throw unsupportedEncoding('The file is neither UTF-8 nor Windows-1252 text. Save it as "CSV UTF-8" and upload that.');
  }
  const delimiter = options.delimiter ?? detectDelimiter(iconv.decode(sniffed.firstLine, encoding));

  const rows: CsvRow[] = [];
  let headers: string[] | undefined;
  const formulas: Array<{ line: number; column: number }> = [];
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    // Empty lines come through as records so the line count below stays true.
    skip_empty_lines: false,
    max_record_size: limits.maxCellChars * limits.maxColumns,
  });
  const file = fs.createReadStream(filePath);
  const source = file.pipe(iconv.decodeStream(encoding));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);

  // The parser's own line count counts a CR and an LF inside a quoted cell as two lines, so lines are
  // counted here: a row starts on the line after the previous row's last one.
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const cells = record.map(unguard);
      const line = nextLine;
      nextLine += 1 + countNewlines(record);
      if (!headers) {
        if (cells.length > limits.maxColumns) {
          throw badRequest('TOO_MANY_COLUMNS', `The file has ${cells.length} columns; at most ${limits.maxColumns} are read.`, { maxColumns: limits.maxColumns });
        }
        headers = cells.map((h) => h.trim());
        if (headers.every((h) => h === '')) throw badRequest('NO_HEADER', 'The first line must name the columns.');
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue;
      if (rows.length >= limits.maxRows) {
        throw badRequest('TOO_MANY_ROWS', `The file has more than ${limits.maxRows} rows; split it into smaller files.`, { maxRows: limits.maxRows });
      }
      cells.forEach((cell, column) => {
        if (looksLikeFormula(cell) && formulas.length < FORMULA_REPORT_MAX) formulas.push({ line, column });
      });
      rows.push({ line, cells });
    }
  } catch (err) {
    file.destroy();
    if (err instanceof AppError) throw err;
    if (err instanceof CsvError) {
      const line = nextLine;
      if (err.code === 'CSV_MAX_RECORD_SIZE') {
        throw badRequest('MALFORMED_CSV', `A row is too long from line ${line} on (an unclosed quote?).`, { line });
      }
      throw badRequest('MALFORMED_CSV', `The file cannot be read as CSV from line ${line} on (${err.code}).`, { line, reason: err.code });
    }
    throw err;
  }
  if (!headers) throw badRequest('EMPTY_FILE', 'The file is empty.');
  if (rows.length === 0) throw badRequest('NO_DATA_ROWS', 'The file has a header but no rows to import.');
  if (formulas.length > 0) {
    throw badRequest(
      'FORMULA_CELL',
      `Cells that start like a spreadsheet formula (=, +, -, @) are refused (first at line ${formulas[0]!.line}). Remove the leading sign and upload again.`,
      { cells: formulas.map((f) => ({ line: f.line, column: f.column, header: headers![f.column] ?? null })) },
    );
  }
  return { encoding, delimiter, headers, rows };
}

/** Line feeds inside quoted cells (a CR LF is one line break). */
function countNewlines(record: string[]): number {
  let n = 0;
  for (const cell of record) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n += 1;
  return n;
}
