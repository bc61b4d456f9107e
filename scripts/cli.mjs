// Runs one of the project's commands (src/cli/<name>.ts). From a checkout with dev dependencies it runs
// the TypeScript source through tsx; in the production image (no tsx) it runs the built dist/cli/<name>.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/cli.mjs <command> [args]');
  process.exit(2);
}
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const source = path.join(root, 'src/cli', `${name}.ts`);
const built = path.join(root, 'dist/cli', `${name}.js`);
const argv = fs.existsSync(tsx) && fs.existsSync(source) ? [tsx, source, ...args] : [built, ...args];
if (!fs.existsSync(argv[0] === tsx ? source : built)) {
  console.error(`❌ Unknown command: ${name}`);
  process.exit(2);
}
const result = spawnSync(process.execPath, argv, { stdio: 'inherit' });
process.exit(result.status ?? 1);
