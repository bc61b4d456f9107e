// Measures boot-to-ready of the built server: spawns `node dist/main.js` (NODE_ENV=production) against an
// already-migrated database N times and prints the median time from spawn to the first 200 of
// /api/readyz. Database: DB_* / DATABASE_URL from the environment (required).
//   npm run build:server && DB_HOST=127.0.0.1 DB_USER=postgres DB_NAME=lavandaria_bench node scripts/boot-time.mjs [runs]
import { spawn } from 'node:child_process';
import net from 'node:net';
import crypto from 'node:crypto';

const runs = Number(process.argv[2] ?? 7);
if (!process.env.DB_HOST && !process.env.DATABASE_URL) {
  console.error('Set DB_HOST (and DB_USER, DB_PASSWORD, DB_NAME) or DATABASE_URL to an already-migrated database.');
  process.exit(2);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function once() {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    SESSION_SECRET: process.env.SESSION_SECRET ?? crypto.randomBytes(32).toString('hex'),
    FIELD_ENCRYPTION_KEY: process.env.FIELD_ENCRYPTION_KEY ?? crypto.randomBytes(32).toString('hex'),
    DB_PASSWORD: process.env.DB_PASSWORD ?? 'unused',
    LOG_LEVEL: 'warn',
  };
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let ms = null;
  while (performance.now() - started < 30_000) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/readyz`).then((r) => r.status === 200, () => false);
    if (ok) {
      ms = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGTERM');
  await exited;
  if (ms === null) throw new Error('server did not become ready within 30 s');
  return ms;
}

const samples = [];
for (let i = 0; i < runs; i++) samples.push(await once());
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
console.log(`boot-to-ready over ${runs} runs: median ${median.toFixed(0)} ms, min ${samples[0].toFixed(0)} ms, max ${samples.at(-1).toFixed(0)} ms`);
