// The JavaScript a visitor downloads before the landing page (with its sign-in panel) works: the
// entry chunk and every chunk it imports statically, followed through Vite's build manifest.
// Prints each chunk gzipped and fails when the total is above the budget (default 120 kB).
//   npm run bundle:check            (builds the web app, then runs this)
//   node scripts/bundle-size.mjs    (measures an existing client/dist)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB ?? 120);
const dist = path.resolve('client/dist');
const manifestPath = path.join(dist, '.vite', 'manifest.json');

if (!fs.existsSync(manifestPath)) {
  console.error(`❌ ${path.relative(process.cwd(), manifestPath)} not found: build the web app first (npm run build:client).`);
  process.exit(1);
}

const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) {
  console.error(`❌ expected one entry chunk in the manifest, found ${entries.length}`);
  process.exit(1);
}

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const kB = (bytes) => (bytes / 1000).toFixed(1).padStart(7);

// Static imports only: dynamic imports are other pages, fetched when the user opens them.
const firstLoad = new Map();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstLoad.has(chunk.file)) return;
  firstLoad.set(chunk.file, gzipSize(chunk.file));
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entries[0][0]);

const allJs = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
const lazy = allJs.filter((file) => !firstLoad.has(file)).map((file) => [file, gzipSize(file)]);

console.log('First load (entry + static imports), gzipped:');
for (const [file, size] of [...firstLoad].sort((a, b) => b[1] - a[1])) console.log(`  ${kB(size)} kB  ${file}`);
const total = [...firstLoad.values()].reduce((sum, size) => sum + size, 0);
const lazyTotal = lazy.reduce((sum, [, size]) => sum + size, 0);
console.log(`  ${kB(total)} kB  total (budget ${BUDGET_KB} kB)`);
console.log(`Loaded on demand: ${lazy.length} chunks, ${kB(lazyTotal).trim()} kB gzipped in all.`);

if (total > BUDGET_KB * 1000) {
  console.error(`❌ First-load JavaScript is ${(total / 1000).toFixed(1)} kB gzipped, above the ${BUDGET_KB} kB budget.`);
  process.exit(1);
}
console.log(`✅ First-load JavaScript within budget (${(total / 1000).toFixed(1)} / ${BUDGET_KB} kB).`);
