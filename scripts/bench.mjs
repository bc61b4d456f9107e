// `npm run bench`: the performance figures of issue 10, end to end on this machine.
//
//   npm run bench                       (defaults: --scale 1, 10 s per scenario)
//   npm run bench -- --duration 5 --skip-scaling
//   npm run bench -- --node-args=--max-semi-space-size=8   (V8 flags for the server under test)
//   npm run bench -- --only dashboard   (one scenario: its throughput row and its steady-rate target)
//   npm run bench -- --database lavandaria_bench_1_copy   (a copy of the cached data set, e.g. to try a migration)
//   DB_HOST=127.0.0.1 DB_USER=postgres npm run bench   (a configured server instead of the embedded one)
//
// 1. builds the production server when dist/ is missing or older than src/;
// 2. uses the configured PostgreSQL (DB_HOST / DATABASE_URL), else starts an embedded PostgreSQL 16 kept in
//    .data/bench/postgres (the same code `npm start` uses);
// 3. generates the data set once per scale into its own database (reused while its marker matches);
// 4. starts `node dist/main.js` (NODE_ENV=production) and the bare baseline (scripts/bench/baseline-server.mjs);
// 5. runs the autocannon scenarios, the steady-rate runs (paced, open loop), the 10 000 vs 1 000 000 orders list comparison and
//    boot-to-ready, sampling the server's RSS, and prints one table: target, measured, pass/miss.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { datasetLabel, generate } from './generate-data.mjs';
import { BENCH_ENCRYPTION_KEY, BENCH_PASSWORD, BENCH_SESSION_SECRET, ROOT, dbEnv, freePort, importBuilt, median, sleep } from './bench/support.mjs';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'skip-scaling': { type: 'boolean', default: false },
    'boot-runs': { type: 'string', default: '5' },
    // V8 flags for the server under test instead of those of `npm start`, to weigh one before setting it
    // in production (e.g. --node-args=--max-semi-space-size=8; several: --node-args="--a --b").
    'node-args': { type: 'string', default: '' },
    // Fewer rows and shorter runs: scale 0.1 (20 000 orders), 3 s per scenario, list scaling from 10 000 to
    // 100 000 orders instead of to 1 000 000. The full mode (no --quick) is the one the targets are for.
    quick: { type: 'boolean', default: false },
    // Only the dashboard's throughput row and its steady 20 req/s target (no baseline, boot or scaling runs),
    // to weigh a change to the dashboard in a minute instead of the whole bench.
    only: { type: 'string' },
    // An existing database to run on instead of the cached data set of the scale: a copy made with
    // `CREATE DATABASE <name> TEMPLATE lavandaria_bench_1`, so a migration under trial (the server migrates
    // on boot) leaves the cached set as generated. Used as it is, never generated.
    database: { type: 'string' },
  },
});
if (args.only !== undefined && args.only !== 'dashboard') throw new Error(`--only: the one scenario that runs alone is "dashboard", not "${args.only}"`);
const QUICK = args.quick;
const SCALE = Number(QUICK && !process.argv.some((a) => a.startsWith('--scale')) ? '0.1' : args.scale);
const DURATION = Number(QUICK && !process.argv.some((a) => a.startsWith('--duration')) ? '3' : args.duration);
/** The two laundry-only data sets of the latency-flatness comparison: 10 000 orders, and 1 000 000 (100 000 quick). */
const SCALING = QUICK ? [0.05, 0.5] : [0.05, 5];
const CONNECTIONS = Number(args.connections);
const SEED = 42;
const OVERHEAD_ROUNDS = QUICK ? 3 : 5;
const OVERHEAD_SECONDS = 4;
const log = (line) => console.log(line);
// The server runs as `npm start` runs it (its V8 flags included), unless --node-args says otherwise.
const START_FLAGS = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.start.split(' ').slice(1, -1);
const SERVER_ARGS = [...(args['node-args'] ? args['node-args'].split(/\s+/).filter(Boolean) : START_FLAGS), 'dist/main.js'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const main = path.join(ROOT, 'dist/main.js');
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= newestMtime(path.join(ROOT, 'src'))) return;
  log('Building the production server (npm run build:server)…');
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:server failed');
}

const silentLogger = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return silentLogger; } };

/** The configured server, else an embedded PostgreSQL 16 under .data/bench/postgres (kept between runs). */
async function databaseServer() {
  if (process.env.DATABASE_URL || process.env.DB_HOST) {
    const admin = process.env.DATABASE_URL
      ? { connectionString: process.env.DATABASE_URL }
      : { host: process.env.DB_HOST, port: Number(process.env.DB_PORT ?? 5432), user: process.env.DB_USER ?? 'postgres', password: process.env.DB_PASSWORD, database: process.env.DB_NAME ?? 'postgres' };
    return { admin, embedded: false, stop: async () => undefined };
  }
  const { startEmbeddedPostgres } = await importBuilt('db/embedded.js');
  log('Starting the embedded PostgreSQL 16 (.data/bench/postgres)…');
  // Kept between runs; one left running by a killed run is taken over and stopped at the end.
  const pgServer = await startEmbeddedPostgres({ dataDir: path.join(ROOT, '.data/bench/postgres'), database: 'postgres', takeOverOrphaned: true, logger: silentLogger });
  return { admin: pgServer.connection, embedded: true, stop: () => pgServer.stop() };
}

function connectionTo(admin, database) {
  if (admin.connectionString) {
    const url = new URL(admin.connectionString);
    url.pathname = `/${database}`;
    return { connectionString: url.toString() };
  }
  return { ...admin, database };
}

async function withClient(connection, fn) {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database holding the data set (made once; reused while its marker says the same scale and seed). */
async function ensureDataset(admin, { scale, laundryOnly }) {
  const label = datasetLabel({ scale, seed: SEED, laundryOnly });
  const name = args.database && !laundryOnly ? args.database : `lavandaria_bench_${String(scale).replace('.', '_')}${laundryOnly ? '_laundry' : ''}`;
  const uploadsDir = path.join(ROOT, '.data/bench', `uploads_${String(scale).replace('.', '_')}`);
  const comment = await withClient(admin, async (c) => {
    const { rows } = await c.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [name]);
    return rows.length ? (rows[0].comment ?? '') : null;
  });
  const connection = connectionTo(admin, name);
  if (args.database && !laundryOnly) {
    if (comment === null) throw new Error(`--database ${name}: no such database`);
    log(`Data set: database ${name} as it is (--database)`);
    return { connection, uploadsDir, name };
  }
  if (comment !== null && comment.startsWith(`${label} `)) {
    log(`Data set ${label}: cached in database ${name} (${comment.slice(label.length + 1)})`);
    return { connection, uploadsDir, name };
  }
  await withClient(admin, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
  });
  if (!laundryOnly) fs.rmSync(uploadsDir, { recursive: true, force: true });
  await generate({ scale, seed: SEED, laundryOnly, connection, uploadsDir, encryptionKey: BENCH_ENCRYPTION_KEY, log });
  return { connection, uploadsDir, name };
}

/** CPU time (user + system) the process has used so far, in ms (clock ticks of 10 ms). */
function cpuMsOf(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * PostgreSQL CPU: the backends serving the data set's database (the server's pool, the session store),
 * read from /proc/<pid>/stat like the server's own. `pgCpu.begin()` notes each backend's CPU; `end()` sums
 * what every backend alive at the end used since (a backend that appeared in between counts from zero; one
 * that exited in between is lost, which under a steady load the pool does not do).
 */
function pgCpuMeter(connection, database) {
  let client = null;
  const backends = async () => {
    if (!client) {
      client = new pg.Client(connection);
      await client.connect();
    }
    const { rows } = await client.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      [database],
    );
    return new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)]));
  };
  return {
    async begin() {
      return backends();
    },
    async end(before) {
      let used = 0;
      for (const [pid, ms] of await backends()) used += ms - (before.get(pid) ?? 0);
      return used;
    },
    close: () => client?.end(),
  };
}

/** Statements the server has sent so far (its preloaded counter, scripts/bench/count-statements.mjs). */
function statementsOf(child) {
  if (!child?.connected) return Promise.resolve(NaN);
  return new Promise((resolve) => {
    const onMessage = (m) => {
      if (m && typeof m.statements === 'number') {
        child.off('message', onMessage);
        resolve(m.statements);
      }
    };
    child.on('message', onMessage);
    child.send({ statements: true });
  });
}

function rssOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

async function waitReady(base, child, timeoutMs = 60_000) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/readyz`).then((r) => r.status === 200, () => false);
    if (ok) return performance.now() - started;
    await sleep(10);
  }
  throw new Error('the server was not ready in time');
}

function appEnv(connection, uploadsDir, port, extra = {}) {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...dbEnv(connection),
    SESSION_SECRET: BENCH_SESSION_SECRET,
    FIELD_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    UPLOADS_DIR: uploadsDir,
    PHOTO_TMP_DIR: path.join(ROOT, '.data/bench/tmp'),
    MIGRATE_ON_BOOT: 'true',
    LOG_LEVEL: 'warn',
    // The bench signs in hundreds of times from one address; failed sign-ins stay limited as usual.
    RATE_LIMIT_LOGIN_IP_MAX: '100000',
    // The load generator is one address sending thousands of requests a second: the per-address API limit
    // (on in production) would answer most of them 429 and the bench would measure the limiter.
    RATE_LIMIT_API_MAX: '0',
    ...extra,
  };
}

async function startApp(connection, uploadsDir) {
  const port = await freePort();
  // The statement counter is preloaded (an IPC channel answers it); the server is otherwise as `npm start` runs it.
  const child = spawn(process.execPath, ['--import', './scripts/bench/count-statements.mjs', ...SERVER_ARGS], {
    cwd: ROOT,
    env: appEnv(connection, uploadsDir, port),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  await waitReady(base, child, 120_000).catch((err) => {
    throw new Error(`${err.message}\n${stderr}`);
  });
  return { base, child, stop: () => stopChild(child) };
}

async function startBaseline(connection) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/bench/baseline-server.mjs'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: String(port), ...dbEnv(connection), SESSION_SECRET: BENCH_SESSION_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('listening') && resolve());
    child.on('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child, stop: () => stopChild(child) };
}

async function stopChild(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
}

async function signIn(base, body, kind = 'user') {
  const res = await fetch(`${base}/api/auth/login/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * One autocannon run. `paths` (or `requests`) rotate per request; every response time is kept, so p95 is
 * exact (autocannon's own summary has p97.5 but no p95). `rate` fixes the overall request rate.
 */
async function load(base, { name, cookie, paths, method = 'GET', body, rate, connections = CONNECTIONS, duration = DURATION, pid, child, pgMeter, expect = [200] }) {
  const times = [];
  const statuses = new Map();
  let i = 0;
  const headers = { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}), 'accept-encoding': 'gzip' };
  let peak = 0;
  let firstUnexpected = '';
  const sampler = pid ? setInterval(() => (peak = Math.max(peak, rssOf(pid).rss)), 100) : null;
  const statementsBefore = await statementsOf(child);
  const pgBefore = pgMeter ? await pgMeter.begin() : null;
  const cpuBefore = pid ? cpuMsOf(pid) : NaN;
  const instance = autocannon({
    url: base,
    connections,
    duration,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method,
        headers,
        setupRequest: (req) => {
          const p = paths[i++ % paths.length];
          return { ...req, path: p, ...(body ? { body: typeof body === 'function' ? JSON.stringify(body(i)) : JSON.stringify(body) } : {}) };
        },
        onResponse: (status, resBody) => {
          if (!expect.includes(status) && !firstUnexpected) firstUnexpected = `${status} ${String(resBody).slice(0, 200)}`;
        },
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    times.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  const cpuMs = pid ? cpuMsOf(pid) - cpuBefore : NaN;
  const pgMs = pgBefore ? await pgMeter.end(pgBefore) : NaN;
  const statements = (await statementsOf(child)) - statementsBefore;
  if (sampler) clearInterval(sampler);
  times.sort((a, b) => a - b);
  const unexpected = [...statuses].filter(([s]) => !expect.includes(s));
  const row = {
    name,
    requests: times.length,
    rps: times.length / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts + unexpected.reduce((n, [, c]) => n + c, 0),
    peakRss: peak,
    cpuPerRequest: cpuMs / times.length,
    pgCpuPerRequest: pgMs / times.length,
    // The counter also sees the few statements of the bench's own sampling requests (none during a run).
    statementsPerRequest: statements / times.length,
    statuses: Object.fromEntries(statuses),
  };
  printRow(row, firstUnexpected);
  return row;
}

/** Server + PostgreSQL CPU per request (NaN when either was not measured). */
const totalCpu = (row) => row.cpuPerRequest + row.pgCpuPerRequest;

function printRow(row, firstUnexpected) {
  log(
    `  ${row.name.padEnd(44)} ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  p99 ${row.p99.toFixed(1).padStart(6)} ms` +
      `${Number.isFinite(row.cpuPerRequest) ? `  CPU ${row.cpuPerRequest.toFixed(2)} ms/req` : ''}` +
      `${Number.isFinite(row.pgCpuPerRequest) ? `  PG CPU ${row.pgCpuPerRequest.toFixed(2)} ms/req` : ''}` +
      `${Number.isFinite(row.statementsPerRequest) ? `  ${row.statementsPerRequest.toFixed(2)} stmts/req` : ''}` +
      `${row.errors ? `  ⚠️ ${row.errors} unexpected (${JSON.stringify(row.statuses)}; first: ${firstUnexpected})` : ''}${row.peakRss ? `  RSS ≤ ${row.peakRss.toFixed(0)} MiB` : ''}`,
  );
}

/**
 * A steady request rate: one request every 1000/rate ms, each on its own schedule whether or not the
 * earlier ones have answered (open loop), latency counted from the moment the request was due. autocannon's
 * `overallRate` is not this: each connection sends its share of the second as fast as it can and then waits
 * for the next second, so "200 req/s" arrives as bursts at full speed and its percentiles are those of a
 * saturated server.
 */
async function paced(base, { name, cookie, paths, rate, duration = DURATION, pid, expect = [200] }) {
  const url = new URL(base);
  // Idle sockets are dropped before the server's 5 s keep-alive timeout: a request sent on a socket the
  // server is closing at that moment fails with ECONNRESET, a race of the generator, not the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  const interval = 1000 / rate;
  const total = Math.round(rate * duration);
  const times = [];
  const statuses = new Map();
  let failures = 0;
  let firstUnexpected = '';
  let peak = 0;
  const sampler = pid ? setInterval(() => (peak = Math.max(peak, rssOf(pid).rss)), 100) : null;
  const started = performance.now();
  const one = (i, due) =>
    new Promise((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, path: paths[i % paths.length], agent, headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
        const unexpected = !expect.includes(res.statusCode);
        const chunks = [];
        res.on('data', (c) => unexpected && chunks.push(c));
        res.on('end', () => {
          times.push(performance.now() - due);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (unexpected && !firstUnexpected) firstUnexpected = `${res.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`;
          resolve();
        });
      });
      req.on('error', (err) => {
        failures += 1;
        if (!firstUnexpected) firstUnexpected = err.message;
        resolve();
      });
      req.end();
    });
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(one(i, due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  agent.destroy();
  times.sort((a, b) => a - b);
  const unexpected = [...statuses].filter(([st]) => !expect.includes(st));
  const row = {
    name,
    requests: times.length,
    rps: times.length / elapsed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: failures + unexpected.reduce((n, [, c]) => n + c, 0),
    peakRss: peak,
    statuses: Object.fromEntries(statuses),
  };
  printRow(row, firstUnexpected);
  return row;
}

/** Ids and values the scenarios use, read from the data set (the same on every run with the same seed). */
async function sampleInputs(connection) {
  return withClient(connection, async (c) => {
    const one = async (sql) => (await c.query(sql)).rows;
    const orders = (await one(`SELECT id FROM laundry_orders WHERE id % GREATEST((SELECT count(*) FROM laundry_orders) / 200, 1) = 0 ORDER BY id LIMIT 200`)).map((r) => Number(r.id));
    const jobs = (await one(`SELECT DISTINCT job_id AS id FROM cleaning_job_photos WHERE job_id % GREATEST((SELECT count(*) FROM cleaning_jobs) / 300, 1) = 0 ORDER BY 1 LIMIT 200`)).map((r) => Number(r.id));
    const photos = (await one(`SELECT id FROM cleaning_job_photos WHERE id % GREATEST((SELECT count(*) FROM cleaning_job_photos) / 300, 1) = 0 ORDER BY id LIMIT 300`)).map((r) => Number(r.id));
    const names = (await one(`SELECT c.name FROM clients c WHERE c.id % GREATEST((SELECT count(*) FROM clients) / 20, 1) = 0 ORDER BY c.id LIMIT 20`)).map((r) => r.name);
    const clients = (await one(`SELECT id FROM clients WHERE id % GREATEST((SELECT count(*) FROM clients) / 100, 1) = 0 ORDER BY id LIMIT 100`)).map((r) => Number(r.id));
    const quarter = (await one(`SELECT extract(year FROM now() - interval '3 months')::int AS y, extract(quarter FROM now() - interval '3 months')::int AS q`))[0];
    const maxOrder = (await one(`SELECT COALESCE(max(id), 0) AS id FROM laundry_orders`))[0].id;
    // Clients of cleaning jobs, for the cleaning list's client filter (the laundry list's clients may have none).
    const jobClients = (await one(`SELECT DISTINCT client_id AS id FROM cleaning_jobs WHERE id % GREATEST((SELECT count(*) FROM cleaning_jobs) / 40, 1) = 0 ORDER BY 1 LIMIT 20`)).map((r) => Number(r.id));
    // The client with the most orders signs in for "a client's own order list" (a full first page of 50).
    const busiest = (await one(`SELECT c.phone FROM clients c JOIN laundry_orders o ON o.client_id = c.id GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`))[0];
    return { orders, jobs, photos, names, clients, jobClients, clientPhone: busiest?.phone ?? null, quarter, maxOrder };
  });
}

/** The cursor of page `depth` of the unfiltered newest-first list (a deep page, reached by following cursors). */
async function deepCursor(base, cookie, depth) {
  let cursor = null;
  for (let page = 1; page < depth; page++) {
    const res = await fetch(`${base}/api/laundry-orders?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie } });
    const next = (await res.json())._meta?.nextCursor;
    if (!next) break;
    cursor = next;
  }
  return cursor;
}

const results = [];
const targets = [];
function target(what, measured, limit, unit, note = '') {
  // Nothing measured (a side that answered no request gives 0 or NaN) is never a pass.
  const pass = Number.isFinite(measured) && measured > 0 && measured <= limit;
  targets.push({ what, target: `≤ ${limit} ${unit}`, measured: Number.isFinite(measured) ? `${measured.toFixed(unit === '×' ? 2 : 1)} ${unit}` : 'n/a', pass, note });
}

/** First byte of a streamed answer (the CSV export), `runs` requests one after the other, each dropped at its first byte. */
async function firstByte(base, { name, cookie, path: urlPath, runs }) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const req = http.get(`${base}${urlPath}`, { headers: { cookie, 'accept-encoding': 'gzip' }, agent: false }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${name}: ${res.statusCode}`));
        res.once('data', () => {
          times.push(performance.now() - started);
          req.destroy();
          resolve();
        });
        res.on('error', () => undefined);
      });
      req.on('error', (err) => (times.length > i ? resolve() : reject(err)));
    });
  }
  times.sort((a, b) => a - b);
  const row = { name, requests: runs, rps: NaN, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), errors: 0, peakRss: 0, cpuPerRequest: NaN, pgCpuPerRequest: NaN, statementsPerRequest: NaN };
  log(`  ${name.padEnd(44)} ${'—'.padStart(6)} req/s  p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  p99 ${row.p99.toFixed(1).padStart(6)} ms  (time to the first byte, ${runs} one after the other)`);
  return row;
}

/**
 * Latency flatness: the same lists and details at a fixed, moderate rate on a laundry-only data set of
 * 10 000 orders and one of 1 000 000 (100 000 in --quick). Returns the paced rows per scale and scenario.
 */
async function listScaling(admin) {
  const rows = {};
  for (const scale of SCALING) {
    const dataset = await ensureDataset(admin, { scale, laundryOnly: true });
    const input = await sampleInputs(dataset.connection);
    const app = await startApp(dataset.connection, dataset.uploadsDir);
    try {
      const cookie = await signIn(app.base, { username: 'bench.admin', password: BENCH_PASSWORD });
      const clientCookie = await signIn(app.base, { phone: input.clientPhone, password: BENCH_PASSWORD }, 'client');
      const label = `${(scale * 200_000).toLocaleString('en').replaceAll(',', ' ')} orders`;
      const scenarios = {
        list: { cookie, paths: ['/api/laundry-orders?limit=50', '/api/laundry-orders?status=ready&limit=50', '/api/laundry-orders?status=collected,delivered&limit=50'] },
        detail: { cookie, paths: input.orders.map((id) => `/api/laundry-orders/${id}`) },
        own: { cookie: clientCookie, paths: ['/api/laundry-orders?limit=50'] },
      };
      rows[scale] = {};
      for (const [key, { cookie: c, paths }] of Object.entries(scenarios)) {
        // A warm-up, then the measured run at a fixed, moderate rate.
        await load(app.base, { name: `warm-up ${key} (${label})`, cookie: c, paths, duration: 2 });
        rows[scale][key] = await paced(app.base, { name: `${key} at 50 req/s, ${label}`, cookie: c, paths, rate: 50 });
      }
    } finally {
      await app.stop();
    }
  }
  return rows;
}

async function bootTimes(connection, uploadsDir, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, SERVER_ARGS, { cwd: ROOT, env: appEnv(connection, uploadsDir, port), stdio: 'ignore' });
    try {
      await waitReady(`http://127.0.0.1:${port}`, child, 30_000);
      samples.push(performance.now() - started);
    } finally {
      await stopChild(child);
    }
  }
  return samples;
}

/** The results table and the targets, as the whole bench and `--only` print them. */
function report(started) {
  log(`\nResults (scale ${SCALE}, ${((performance.now() - started) / 60000).toFixed(1)} min in all)\n`);
  const cell = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
  log('| Scenario | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | statements/req |');
  log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    log(`| ${r.name} | ${cell(r.rps, 0)} | ${cell(r.p50, 1)} | ${cell(r.p95, 1)} | ${cell(r.p99, 1)} | ${cell(r.cpuPerRequest, 2)} | ${cell(r.pgCpuPerRequest, 2)} | ${cell(r.statementsPerRequest, 2)} |`);
  }
  log('\n| Target | Limit | Measured | Result | Note |');
  log('|---|---|---|---|---|');
  for (const t of targets) log(`| ${t.what} | ${t.target} | ${t.measured} | ${t.pass ? 'met' : '**not met**'} | ${t.note} |`);
}

/**
 * `--only dashboard`: the dashboard's throughput row (req/s, CPU of the server and of PostgreSQL, statements
 * per request) and its steady 20 req/s target, on the same data set and server as the whole bench.
 */
async function dashboardOnly(dataset) {
  const app = await startApp(dataset.connection, dataset.uploadsDir);
  const pgMeter = pgCpuMeter(dataset.connection, dataset.name);
  try {
    const fresh = () => signIn(app.base, { username: 'bench.admin', password: BENCH_PASSWORD });
    log(`\nWarm-up`);
    await load(app.base, { name: 'warm-up (dashboard)', cookie: await fresh(), paths: ['/api/dashboard'], duration: 3 });
    log(`\nThroughput (${CONNECTIONS} connections, ${DURATION} s)`);
    const dash = await load(app.base, { name: 'dashboard (finance)', cookie: await fresh(), paths: ['/api/dashboard'], pid: app.child.pid, child: app.child, pgMeter });
    results.push(dash);
    log(`\nSteady rate: 20 req/s`);
    const fixedDash = await paced(app.base, { name: 'dashboard @20/s', cookie: await fresh(), paths: ['/api/dashboard'], rate: 20, pid: app.child.pid });
    target('dashboard, p95 @20 req/s', fixedDash.p95, 100, 'ms', `${dash.rps.toFixed(0)} req/s max`);
    await withClient(dataset.connection, (c) => c.query(`DELETE FROM session`));
  } finally {
    await pgMeter.close();
    await app.stop();
  }
}

async function main() {
  const started = performance.now();
  ensureBuilt();
  const server = await databaseServer();
  try {
    const dataset = await ensureDataset(server.admin, { scale: SCALE, laundryOnly: false });
    if (args.only === 'dashboard') {
      await dashboardOnly(dataset);
      report(started);
      return;
    }
    const input = await sampleInputs(dataset.connection);
    const app = await startApp(dataset.connection, dataset.uploadsDir);
    const baseline = await startBaseline(dataset.connection);
    const pid = app.child.pid;
    let readPeak = 0;
    try {
      const cookie = await signIn(app.base, { username: 'bench.admin', password: BENCH_PASSWORD });
      const baselineCookie = cookie;
      const cursor = await deepCursor(app.base, cookie, 50);
      const orderPaths = input.orders.map((id) => `/api/laundry-orders/${id}`);
      const listFilter = ['/api/laundry-orders?status=ready&limit=50', '/api/laundry-orders?status=collected&limit=50', ...input.clients.slice(0, 20).map((id) => `/api/laundry-orders?clientId=${id}&limit=50`)];
      // The cleaning list with the same mix: two status filters and twenty clients (of cleaning jobs).
      const jobListFilter = ['/api/cleaning-jobs?status=completed&limit=50', '/api/cleaning-jobs?status=scheduled&limit=50', ...input.jobClients.map((id) => `/api/cleaning-jobs?clientId=${id}&limit=50`)];
      const listDeep = [`/api/laundry-orders?limit=50&cursor=${cursor}`];
      const listSearch = input.names.map((n) => `/api/laundry-orders?q=${encodeURIComponent(n)}&limit=50`);
      const jobDetailPaths = input.jobs.map((id) => `/api/cleaning-jobs/${id}`);
      const jobPaths = input.jobs.flatMap((id) => [`/api/cleaning-jobs/${id}`, `/api/cleaning-jobs/${id}/photos`]);
      const thumbPaths = input.photos.map((id) => `/api/photos/${id}/thumbnail`);
      const quarterPath = [`/api/reports/vat/quarterly?year=${input.quarter.y}&quarter=${input.quarter.q}`];
      const pgMeter = pgCpuMeter(dataset.connection, dataset.name);

      log(`\nWarm-up`);
      await load(app.base, { name: 'warm-up (lists, details)', cookie, paths: [...listFilter, ...jobListFilter, ...orderPaths.slice(0, 50), ...jobPaths.slice(0, 50)], duration: 3 });
      await load(baseline.base, { name: 'warm-up (baseline)', cookie: baselineCookie, paths: listFilter, duration: 3 });

      log(`\nThroughput (${CONNECTIONS} connections, ${DURATION} s each; gzip accepted as a browser does; CPU per request of the server and of its PostgreSQL backends, statements per request)`);
      // A fresh session for each scenario, so one scenario's trouble never carries into the next.
      const fresh = () => signIn(app.base, { username: 'bench.admin', password: BENCH_PASSWORD });
      const read = async (name, paths, extra = {}) => {
        const row = await load(app.base, { name, cookie: extra.cookie ?? (await fresh()), paths, pid, child: app.child, pgMeter, ...extra });
        readPeak = Math.max(readPeak, row.peakRss);
        results.push(row);
        return row;
      };
      await read('healthz', ['/api/healthz'], { cookie: '' });
      const laundryList = await read('laundry list: page 1 with a filter', listFilter);
      const base = await load(baseline.base, { name: 'baseline (node:http + pg): same list', cookie: baselineCookie, paths: listFilter, pid: baseline.child.pid, pgMeter });
      results.push(base);
      const orderDetail = await read('laundry order detail', orderPaths);
      const jobList = await read('cleaning list: page 1 with a filter', jobListFilter);
      const jobDetail = await read('cleaning job detail (jobs with photos)', jobDetailPaths);
      await read('cleaning job photo list', input.jobs.map((id) => `/api/cleaning-jobs/${id}/photos`));
      const clientCookie = await signIn(app.base, { phone: input.clientPhone, password: BENCH_PASSWORD }, 'client');
      await read("client's own order list", ['/api/laundry-orders?limit=50'], { cookie: clientCookie });
      const dash = await read('dashboard (finance)', ['/api/dashboard']);
      await read('list: text search (client name)', listSearch);
      await read('list: deep page by cursor (page 50)', listDeep);
      const vat = await read('IVA quarterly report', quarterPath);
      await read('thumbnail serving', thumbPaths, { expect: [200] });
      const signInRow = await load(app.base, {
        name: 'sign-in (argon2id m=19456 t=2)',
        method: 'POST',
        paths: ['/api/auth/login/user'],
        body: { username: 'bench.admin', password: BENCH_PASSWORD },
        connections: 4,
        pid,
        child: app.child,
        pgMeter,
      });
      results.push(signInRow);
      const create = await load(app.base, {
        name: 'create order',
        method: 'POST',
        cookie,
        paths: ['/api/laundry-orders'],
        body: (n) => ({ clientId: input.clients[n % input.clients.length], orderType: 'bulk_kg', lines: [{ serviceId: 1, weightGrams: 3500 }] }),
        expect: [201],
        pid,
        child: app.child,
        pgMeter,
      });
      results.push(create);
      results.push(await firstByte(app.base, { name: 'CSV export (orders): first byte', cookie, path: '/api/exports/laundry-orders.csv', runs: QUICK ? 5 : 10 }));
      await pgMeter.close();

      // The machine's speed drifts by up to 2× within minutes (shared host), so one run of each side says
      // little: short runs of the two, alternating which goes first, and the median of the pairs' ratios.
      log(`\nOverhead: ${OVERHEAD_ROUNDS} alternating pairs of ${OVERHEAD_SECONDS} s runs of the list, ours and the bare baseline`);
      const pairs = [];
      const ourCookie = await fresh();
      for (let round = 0; round < OVERHEAD_ROUNDS; round++) {
        const runOurs = () => load(app.base, { name: `  round ${round + 1}: ours`, cookie: ourCookie, paths: listFilter, pid, duration: OVERHEAD_SECONDS });
        const runBase = () => load(baseline.base, { name: `  round ${round + 1}: baseline`, cookie: baselineCookie, paths: listFilter, pid: baseline.child.pid, duration: OVERHEAD_SECONDS });
        let ours;
        let bare;
        if (round % 2 === 0) {
          ours = await runOurs();
          bare = await runBase();
        } else {
          bare = await runBase();
          ours = await runOurs();
        }
        pairs.push({ ratio: bare.rps / ours.rps, cpuRatio: ours.cpuPerRequest / bare.cpuPerRequest });
      }

      log(`\nSteady rate: 200 req/s, one request every 5 ms (${DURATION} s each)`);
      const fixedList = await paced(app.base, { name: 'list page 1 with a filter @200/s', cookie: await fresh(), paths: listFilter, rate: 200, pid });
      const fixedDeep = await paced(app.base, { name: 'list deep page by cursor @200/s', cookie: await fresh(), paths: listDeep, rate: 200, pid });
      const fixedSearch = await paced(app.base, { name: 'list text search @200/s', cookie: await fresh(), paths: listSearch, rate: 200, pid });
      const fixedOrder = await paced(app.base, { name: 'order detail @200/s', cookie: await fresh(), paths: orderPaths, rate: 200, pid });
      const fixedJob = await paced(app.base, { name: 'job detail + photos @200/s', cookie: await fresh(), paths: jobPaths, rate: 200, pid });
      log(`\nSteady rate: 20 req/s for the dashboard and the report`);
      const fixedDash = await paced(app.base, { name: 'dashboard @20/s', cookie: await fresh(), paths: ['/api/dashboard'], rate: 20, pid });
      const fixedVat = await paced(app.base, { name: 'IVA quarterly @20/s', cookie: await fresh(), paths: quarterPath, rate: 20, pid });
      for (const row of [fixedList, fixedDeep, fixedSearch, fixedOrder, fixedJob, fixedDash, fixedVat]) readPeak = Math.max(readPeak, row.peakRss);
      const hwm = rssOf(pid).hwm;

      const cpuNote = (a, b) => `server + PostgreSQL CPU ${totalCpu(a).toFixed(2)} vs ${totalCpu(b).toFixed(2)} ms per request`;
      target('laundry order detail ÷ laundry list, CPU per request', totalCpu(orderDetail) / totalCpu(laundryList), 1, '×', cpuNote(orderDetail, laundryList));
      target('cleaning job detail ÷ cleaning list, CPU per request', totalCpu(jobDetail) / totalCpu(jobList), 1, '×', cpuNote(jobDetail, jobList));
      target('cleaning list ÷ laundry list, CPU per request', totalCpu(jobList) / totalCpu(laundryList), 1.1, '×', cpuNote(jobList, laundryList));
      const ratios = pairs.map((p) => p.ratio);
      const cpuRatios = pairs.map((p) => p.cpuRatio);
      target(
        'stack overhead on the list (baseline req/s ÷ ours)',
        median(ratios),
        1.3,
        '×',
        `median of ${pairs.length} alternating pairs (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); ` +
          `server CPU per request ours ÷ baseline: median ${median(cpuRatios).toFixed(2)}× (${Math.min(...cpuRatios).toFixed(2)}–${Math.max(...cpuRatios).toFixed(2)})`,
      );
      target('list page 1 with a filter, p95 @200 req/s', fixedList.p95, 25, 'ms');
      target('list deep page by cursor, p95 @200 req/s', fixedDeep.p95, 25, 'ms');
      target('list text search, p95 @200 req/s', fixedSearch.p95, 25, 'ms');
      target('order detail, p95 @200 req/s', fixedOrder.p95, 25, 'ms');
      target('job detail + photos, p95 @200 req/s', fixedJob.p95, 25, 'ms');
      target('dashboard, p95 @20 req/s', fixedDash.p95, 100, 'ms', `${dash.rps.toFixed(0)} req/s max`);
      target('IVA quarterly report, p95 @20 req/s', fixedVat.p95, 100, 'ms', `${vat.rps.toFixed(0)} req/s max`);
      target('server RSS under the read load (peak sampled)', readPeak, 250, 'MiB', `VmHWM over the whole run ${hwm.toFixed(0)} MiB`);

      // Orders the create scenario added are removed, so the cached data set stays as generated.
      await withClient(dataset.connection, async (c) => {
        await c.query(`DELETE FROM laundry_orders WHERE id > $1`, [input.maxOrder]);
        await c.query(`UPDATE laundry_order_counters k SET last_number = s.n FROM (SELECT order_day, count(*)::int AS n FROM laundry_orders GROUP BY 1) s WHERE s.order_day = k.day`);
        await c.query(`DELETE FROM laundry_order_counters k WHERE NOT EXISTS (SELECT 1 FROM laundry_orders o WHERE o.order_day = k.day)`);
        await c.query(`DELETE FROM session`);
      });
    } finally {
      await baseline.stop();
      await app.stop();
    }

    log(`\nBoot to ready (${args['boot-runs']} runs, migrated database)`);
    const boots = await bootTimes(dataset.connection, dataset.uploadsDir, Number(args['boot-runs']));
    log(`  median ${median(boots).toFixed(0)} ms (min ${Math.min(...boots).toFixed(0)}, max ${Math.max(...boots).toFixed(0)})`);
    target('boot to ready (median)', median(boots), 2000, 'ms');

    if (!args['skip-scaling']) {
      const [small, large] = SCALING;
      const sizes = `${small * 200_000} → ${large * 200_000} orders`;
      log(`\nLatency flatness: lists and details at 50 req/s, ${sizes} (laundry-only data sets)`);
      const scaling = await listScaling(server.admin);
      const names = { list: 'laundry list', detail: 'laundry order detail', own: "client's own order list" };
      for (const [key, label] of Object.entries(names)) {
        const [a, b] = [scaling[small][key], scaling[large][key]];
        target(`${label}: p95 ratio, ${sizes}`, b.p95 / a.p95, 1.2, '×', `p95 ${a.p95.toFixed(1)} → ${b.p95.toFixed(1)} ms (p50 ${a.p50.toFixed(1)} → ${b.p50.toFixed(1)})`);
      }
    }
  } finally {
    await server.stop();
  }

  report(started);
}

main().catch((err) => {
  console.error(`❌ ${err.stack ?? err.message}`);
  process.exit(1);
});
