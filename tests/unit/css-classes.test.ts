import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 18: no dead CSS. Every class selector in the web app's stylesheets must be named by some
// component. Class names are read from the string literals of the .ts/.tsx sources (comments and JSX
// text are not names); a template such as `notice--${tone}` keeps every `notice--*` class alive, and
// `${look}__option` every `*__option` class.
const root = path.resolve(import.meta.dirname, '../..');
const clientSrc = path.join(root, 'client/src');
const HOLE = '§';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The text of every quoted string and template in a source; a template's `${…}` becomes HOLE. */
function stringPieces(text: string): string[] {
  const pieces: string[] = [];
  let i = 0;
  const readQuoted = (quote: string) => {
    let piece = '';
    i += 1;
    while (i < text.length && text[i] !== quote && text[i] !== '\n') {
      if (text[i] === '\\') i += 1;
      piece += text[i];
      i += 1;
    }
    i += 1;
    pieces.push(piece);
  };
  const readTemplate = () => {
    let piece = '';
    i += 1;
    while (i < text.length && text[i] !== '`') {
      if (text[i] === '\\') {
        piece += text[i + 1];
        i += 2;
      } else if (text[i] === '$' && text[i + 1] === '{') {
        pieces.push(piece + HOLE);
        piece = HOLE;
        i += 2;
        readCode(true);
      } else {
        piece += text[i];
        i += 1;
      }
    }
    i += 1;
    pieces.push(piece);
  };
  const readCode = (untilBrace: boolean) => {
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '/' && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n') i += 1;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 2;
      } else if (c === '"' || c === "'") {
        readQuoted(c);
      } else if (c === '`') {
        readTemplate();
      } else {
        i += 1;
        if (untilBrace && c === '{') depth += 1;
        if (untilBrace && c === '}' && depth-- === 0) return;
      }
    }
  };
  readCode(false);
  return pieces;
}

/** Names used by the sources: whole words, and the fixed starts and ends of templated ones. */
function namesIn(sources: string[]) {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  for (const piece of sources.flatMap(stringPieces)) {
    for (const word of piece.split(/[^A-Za-z0-9_\-§]+/)) {
      const name = word.replaceAll(HOLE, '');
      if (!/[A-Za-z]/.test(name)) continue;
      if (word.endsWith(HOLE) && /[-_]$/.test(name)) prefixes.add(name);
      else if (word.startsWith(HOLE) && /^[-_]/.test(name)) suffixes.add(name);
      else words.add(name);
    }
  }
  return { words, prefixes: [...prefixes], suffixes: [...suffixes] };
}

function classSelectors(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/url\([^)]*\)/g, '');
  // Declarations hold numbers such as 0.5rem, never a dot before a letter outside a selector.
  return [...new Set([...text.matchAll(/\.(-?[A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1]!))];
}

function deadClasses(css: string, names: ReturnType<typeof namesIn>): string[] {
  return classSelectors(css).filter(
    (c) =>
      !names.words.has(c) &&
      !names.prefixes.some((p) => c.startsWith(p)) &&
      !names.suffixes.some((s) => c.endsWith(s)),
  );
}

describe('css classes', () => {
  it('when the web app stylesheets are read, then every class selector is named by a component', () => {
    const files = filesUnder(clientSrc);
    const sources = files
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(f, 'utf8'));
    const names = namesIn(sources);
    const stylesheets = files.filter((f) => f.endsWith('.css'));
    expect(stylesheets.length).toBeGreaterThan(10);
    const dead = stylesheets.flatMap((f) =>
      deadClasses(fs.readFileSync(f, 'utf8'), names).map((c) => `${path.relative(root, f)}: .${c}`),
    );
    expect(dead).toEqual([]);
  });

  it('when a class is only named in a comment or in JSX text, then it counts as dead', () => {
    const names = namesIn([
      '// the .ghost class\n/* .phantom */\nconst a = <p>ghost phantom</p>;\nconst b = "live";',
    ]);
    expect(deadClasses('.live { color: red } .ghost { } .phantom { }', names)).toEqual([
      'ghost',
      'phantom',
    ]);
  });

  it('when a class name is built in a template, then the classes it can build count as used', () => {
    const names = namesIn([
      'const a = `notice notice--${tone}`;\nconst b = `${look}__option ${x ? `kpi--${y}` : ""}`;',
    ]);
    const css = '.notice--info {} .segmented__option {} .kpi--up {} .notice {} .other--x {} .kpi {}';
    expect(deadClasses(css, names)).toEqual(['other--x', 'kpi']);
  });
});
