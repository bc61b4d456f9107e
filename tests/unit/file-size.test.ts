import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 18: no file over 500 lines in the server or the web app. A file that grows past it is split by
// use case (services, repositories), by screen (strings) or by component (stylesheets).
const MAX_LINES = 500;
const root = path.resolve(import.meta.dirname, '../..');
const folders = ['src', 'client/src'];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function lineCount(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  if (text === '') return 0;
  // Counted as `wc -l` does, plus a last line without its newline.
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('file size', () => {
  it('when the server and the web app are read, then every file there is found', () => {
    const files = folders.flatMap((folder) => filesUnder(path.join(root, folder)));
    expect(files.some((f) => f.endsWith(path.join('src', 'app.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('client', 'src', 'main.tsx')))).toBe(true);
  });

  it(`when any file under src or client/src is measured, then none is over ${MAX_LINES} lines`, () => {
    const offenders = folders
      .flatMap((folder) => filesUnder(path.join(root, folder)))
      .map((file) => ({ file: path.relative(root, file), lines: lineCount(file) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(offenders).toEqual([]);
  });

  it('when a file has more lines than the limit, then it is counted as over it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-size-'));
    try {
      const file = path.join(dir, 'long.ts');
      fs.writeFileSync(file, 'x\n'.repeat(MAX_LINES + 1));
      expect(lineCount(file)).toBe(MAX_LINES + 1);
      fs.writeFileSync(file, `${'x\n'.repeat(MAX_LINES - 1)}x`);
      expect(lineCount(file)).toBe(MAX_LINES);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
