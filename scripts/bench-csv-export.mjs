// Streams a large CSV export through the real server and reports rows, seconds and the server's peak
// RSS. Creates a throwaway database, boots the server on it (migrations and the demo accounts run on
// boot), fills it with N collected laundry orders each paid once (generate_series), downloads
// /api/exports/payments.csv as master, then drops the database.
//   DB_HOST=127.0.0.1 DB_USER=postgres node scripts/bench-csv-export.mjs [rows=200000]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const rows = Number(process.argv[2] ?? 200_000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!process.env.DB_HOST) {
  console.error('Set DB_HOST, DB_USER (and DB_PASSWORD if needed) to a PostgreSQL server where a throwaway database may be created.');
  process.exit(2);
}
const dbName = `lavandaria_bench_csv_${process.pid}`;
const connection = {
  host: process.env.DB_HOST,
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
};

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Resident set of a process now and at its peak, in MiB (Linux /proc). */
function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

const admin = new pg.Client({ ...connection, database: process.env.DB_ADMIN_DATABASE ?? 'postgres' });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
let server;
try {
  const port = await freePort();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DB_NAME: dbName,
      DB_PASSWORD: process.env.DB_PASSWORD ?? 'unused',
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
      FIELD_ENCRYPTION_KEY: crypto.randomBytes(32).toString('hex'),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const bootDeadline = Date.now() + 120_000;
  while (!(await fetch(`${base}/api/readyz`).then((r) => r.ok, () => false))) {
    if (Date.now() > bootDeadline || server.exitCode !== null) throw new Error('the server did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }

  const db = new pg.Client({ ...connection, database: dbName });
  await db.connect();
  const fillStarted = performance.now();
  await db.query(
    `INSERT INTO laundry_orders (order_number, order_day, client_id, order_type, status, delivery_fee_cents, vat_rate_bp, lines_total_cents,
                                 subtotal_cents, vat_cents, total_cents, priced_at, collected_at, created_at, updated_at)
     SELECT 'BENCH-' || g, DATE '2025-01-01' + (g % 365), c.id, 'itemized', 'collected', 0, 2300, n, n, n * 23 / 100, n + n * 23 / 100,
            at, at, at, at
       FROM generate_series(1, $1::int) g, (SELECT id FROM clients ORDER BY id LIMIT 1) c,
            LATERAL (SELECT 500 + g % 9000 AS n, TIMESTAMPTZ '2025-01-01 09:00+00' + (g % 365) * interval '1 day' + (g % 600) * interval '1 minute' AS at) v`,
    [rows],
  );
  await db.query(
    `INSERT INTO payments (kind, client_id, laundry_order_id, amount_cents, method, paid_at, notes, created_by, created_at)
     SELECT 'payment', o.client_id, o.id, o.total_cents, (ARRAY['cash', 'card', 'transfer', 'mbway', 'other'])[1 + o.id % 5], o.collected_at,
            CASE WHEN o.id % 10 = 0 THEN 'Pago ao balcão; "obrigado", disse a Conceição' END, u.id, o.collected_at
       FROM laundry_orders o, (SELECT id FROM users WHERE role = 'master' ORDER BY id LIMIT 1) u
      WHERE o.order_number LIKE 'BENCH-%'`,
  );
  await db.query('ANALYZE');
  await db.end();
  const fillSeconds = (performance.now() - fillStarted) / 1000;

  const login = await fetch(`${base}/api/auth/login/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'master', password: 'master123' }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const before = memoryOf(server.pid);
  let sampledPeak = before.rss;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, memoryOf(server.pid).rss);
  }, 50);
  const started = performance.now();
  const res = await fetch(`${base}/api/exports/payments.csv`, { headers: { cookie } });
  if (!res.ok) throw new Error(`export failed: ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 0x0a) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = memoryOf(server.pid);

  console.log(`filled ${rows} orders + ${rows} payments in ${fillSeconds.toFixed(1)} s`);
  console.log(`exported ${lines - 1} rows (${(bytes / 1024 / 1024).toFixed(1)} MiB) in ${seconds.toFixed(1)} s`);
  console.log(
    `server RSS: ${before.rss.toFixed(0)} MiB before, ${sampledPeak.toFixed(0)} MiB peak during the export (sampled every 50 ms), ` +
      `${after.peak.toFixed(0)} MiB process high-water mark (boot included)`,
  );
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.on('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
