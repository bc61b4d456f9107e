// Runs one of the project's commands (src/cli/<name>.ts). From a checkout with dev dependencies it runs
// the TypeScript source through tsx; in the production image (no tsx) it runs the built dist/cli/<name>.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

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
// From a checkout (the TypeScript source) a command left without NODE_ENV — in the shell or in .env — is a
// developer's second terminal beside `npm run dev`: it runs as development, like the server it works
// with, instead of asking for the production settings. The built image keeps the safe default.
const env = { ...process.env };
if (argv[0] === tsx && !env.NODE_ENV && !nodeEnvInDotEnv()) env.NODE_ENV = 'development';
const result = spawnSync(process.execPath, argv, { stdio: 'inherit', env });
process.exit(result.status ?? 1);

function nodeEnvInDotEnv() {
  const file = path.resolve('.env');
  if (!fs.existsSync(file)) return false;
  return Boolean(parseEnv(fs.readFileSync(file, 'utf8')).NODE_ENV);
}
