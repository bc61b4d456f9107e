// `npm run dev`: the API on :3000 (reloading on change, NODE_ENV=development, embedded PostgreSQL when
// no database is configured) and, when the web app exists and --api-only is not given, Vite on :3001. Ctrl-C stops both cleanly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
const children = [];

function run(name, command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env, ...options });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 12_000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.on('exit', r))))).then(() => process.exit(code));
}

// Paths from this checkout, so the server can also run from another working directory (its .env and DATA_DIR).
run('api', process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', path.join(root, 'src/main.ts')]);
if (!process.argv.includes('--api-only') && fs.existsSync(path.join(root, 'client/vite.config.ts'))) {
  run('web', process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), '--port', '3001', '--strictPort'], { cwd: path.join(root, 'client') });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
