import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BOM, CsvAbortedError, DIALECTS, cell, centsCell, rowLine, textCell, writeCsv, backpressuredWriter, type CsvColumn } from '../../src/lib/csv.js';

const pt = DIALECTS.semicolon;
const en = DIALECTS.comma;

interface Row {
  name: string | null;
  cents: number;
  hours: number;
}
const COLUMNS: CsvColumn<Row>[] = [
  { header: 'Nome', value: (r) => r.name },
  { header: 'Valor (EUR)', type: 'cents', value: (r) => r.cents },
  { header: 'Horas', type: 'decimal', value: (r) => r.hours },
];

async function* of<T>(...batches: T[][]) {
  for (const b of batches) yield b;
}

async function collect(rows: Row[][], dialect = pt): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeCsv(out, COLUMNS, of(...rows), dialect);
  out.end();
  return Buffer.concat(chunks);
}

describe('csv', () => {
  it('when text has quotes, separators or line breaks, then the cell is quoted and quotes are doubled', () => {
    expect(textCell('Rua "Nova"; 2.º')).toBe('"Rua ""Nova""; 2.º"');
    expect(textCell('linha 1\nlinha 2')).toBe('"linha 1\nlinha 2"');
    expect(textCell('a,b')).toBe('"a,b"');
  });

  it.each(['=SUM(A1:A9)', '+351911111111', '-2+3', '@cmd', '\tx', '\rx'])('when text starts with %j, then it is prefixed so no spreadsheet runs it', (value) => {
    const out = textCell(value);
    expect(out.startsWith(`"'`)).toBe(true);
    expect(out.slice(2, -1)).toBe(value.replace(/"/g, '""'));
  });

  it('when text starts with a harmless character, then it is left as it is', () => {
    expect(textCell('Lavandaria Ção')).toBe('"Lavandaria Ção"');
  });

  it('when money is written, then it is euros with two decimals in the dialect’s mark, computed without floats', () => {
    expect(centsCell(4336, pt)).toBe('43,36');
    expect(centsCell(5, pt)).toBe('0,05');
    expect(centsCell(-1250, pt)).toBe('-12,50');
    expect(centsCell(100000001, en)).toBe('1000000.01');
    expect(() => centsCell(1.5, pt)).toThrow(RangeError);
  });

  it('when a number is negative, then it stays a number (the formula guard is for text only)', () => {
    expect(cell(-1250, 'cents', pt)).toBe('-12,50');
    expect(cell(-3, 'int', pt)).toBe('-3');
    expect(cell(2.75, 'decimal', pt)).toBe('2,75');
    expect(cell(2.75, 'decimal', en)).toBe('2.75');
  });

  it('when a value is missing, then the cell is empty', () => {
    expect(cell(null, 'text', pt)).toBe('');
    expect(cell(undefined, 'cents', pt)).toBe('');
  });

  it('when rows are written in the default dialect, then the file has a BOM, `;`, decimal commas, CRLF and accents intact', async () => {
    const bytes = await collect([[{ name: 'João Conceição', cents: 4336, hours: 1.5 }], [{ name: '=1+1', cents: -100, hours: 0 }]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toBe(`${BOM}"Nome";"Valor (EUR)";"Horas"\r\n"João Conceição";43,36;1,5\r\n"'=1+1";-1,00;0\r\n`);
  });

  it('when the comma format is asked for, then cells are separated by `,` and decimals use a point', async () => {
    const text = (await collect([[{ name: 'Ana, Lda', cents: 1999, hours: 2.25 }]], en)).toString('utf8');
    expect(text.split('\r\n')[1]).toBe('"Ana, Lda",19.99,2.25');
  });

  it('when the reader is slow, then the writer waits for drain before taking the next batch', async () => {
    const written: string[] = [];
    let pulled = 0;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _enc, done) {
        written.push(chunk.toString('utf8'));
        setTimeout(done, 5);
      },
    });
    async function* counted() {
      for (let i = 0; i < 5; i++) {
        pulled++;
        // Never more than one batch ahead of what the socket accepted.
        expect(pulled - written.length).toBeLessThanOrEqual(2);
        yield [{ name: `linha ${i}`.padEnd(40, '.'), cents: i, hours: i }];
      }
    }
    expect(await writeCsv(slow, COLUMNS, counted(), pt)).toBe(5);
  });

  it('when the reader goes away, then writing stops with an abort error', async () => {
    const out = new PassThrough({ highWaterMark: 4 });
    const writer = backpressuredWriter(out);
    const pending = writer.write('y'.repeat(10));
    out.destroy();
    await expect(pending).rejects.toBeInstanceOf(CsvAbortedError);
    await expect(writer.write('z')).rejects.toBeInstanceOf(CsvAbortedError);
  });

  it('when many batches wait for drain behind compression, then the stream keeps one drain listener, not one per wait', async () => {
    const slow = new Writable({
      highWaterMark: 8,
      write(_chunk: Buffer, _enc, done) {
        setImmediate(done);
      },
    });
    // Like the compression middleware: drain listeners go to the gzip stream and are never taken off.
    const remove = slow.removeListener.bind(slow);
    slow.removeListener = slow.off = ((event: string, fn: (...a: unknown[]) => void) => (event === 'drain' ? slow : remove(event, fn))) as typeof slow.off;
    let most = 0;
    async function* batches() {
      for (let i = 0; i < 30; i++) {
        most = Math.max(most, slow.listenerCount('drain'));
        yield [{ name: 'x'.repeat(20), cents: i, hours: i }];
      }
    }
    await writeCsv(slow, COLUMNS, batches(), pt);
    expect(most).toBe(1);
    expect(slow.listenerCount('drain')).toBe(1);
  });

  it('when a row is formatted, then its columns follow the header order', () => {
    expect(rowLine({ name: 'X', cents: 1, hours: 1 }, COLUMNS, pt)).toBe('"X";0,01;1\r\n');
  });
});
