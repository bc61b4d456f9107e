// Photo intake and serving figures (issue 7), against a real server process on a throwaway database:
//   1. median time to accept and process one 4000×3000 (~5 MB) JPEG, upload to 201;
//   2. peak RSS of the server during 10 concurrent batch uploads (BATCH files each);
//   3. p95 of GET /api/healthz polled during that burst (the event loop must stay free);
//   4. thumbnails served per second (10 concurrent clients).
// The server runs from source (tsx), NODE_ENV=development (so the demo accounts exist), logs at warn,
// with its own upload and spool directories, all removed afterwards. Needs a PostgreSQL server:
//   DB_HOST=127.0.0.1 DB_USER=postgres DB_NAME=postgres node scripts/bench-photos.mjs [runs=7] [batch=5]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import sharp from 'sharp';

const RUNS = Number(process.argv[2] ?? 7);
const BATCH = Number(process.argv[3] ?? 5);
const CONCURRENT_BATCHES = 10;
const THUMBNAIL_SECONDS = 5;
if (!process.env.DB_HOST && !process.env.DATABASE_URL) {
  console.error('Set DB_HOST (and DB_USER, DB_PASSWORD, DB_NAME) or DATABASE_URL: the bench creates and drops its own database there.');
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;
const mib = (kb) => `${(kb / 1024).toFixed(0)} MiB`;

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** A phone-like 12 MP photo: smooth gradients plus sensor-like noise, ~5 MB as a quality-90 JPEG. */
async function phoneJpeg(width = 4000, height = 3000) {
  const raw = Buffer.alloc(width * height * 3);
  let x = 0x2545f491;
  for (let y = 0, i = 0; y < height; y++) {
    for (let c = 0; c < width * 3; c++, i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      raw[i] = (((c / 3) * 255) / width + (y * 255) / height) / 2 + ((x >>> 0) % 48) - 24;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** One GET on a fresh connection (no pooled keep-alive socket the server may be closing): status and time. */
const timedGet = (url, headers = {}) =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    http
      .get(url, { agent: false, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0 }));
      })
      .on('error', reject);
  });

/** Resident set size of a process, in KiB (Linux /proc). */
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

const connection = (database) =>
  process.env.DATABASE_URL
    ? { connectionString: database ? process.env.DATABASE_URL.replace(/\/[^/?]*(\?|$)/, `/${database}$1`) : process.env.DATABASE_URL }
    : { host: process.env.DB_HOST, port: Number(process.env.DB_PORT ?? 5432), user: process.env.DB_USER, password: process.env.DB_PASSWORD, database: database ?? process.env.DB_NAME };
const admin = new pg.Client(connection());
await admin.connect();
const dbName = `lavandaria_bench_photos_${crypto.randomBytes(3).toString('hex')}`;
await admin.query(`CREATE DATABASE ${dbName}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-photos-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: String(port),
  DB_NAME: dbName,
  ...(process.env.DATABASE_URL ? { DATABASE_URL: connection(dbName).connectionString } : {}),
  LOG_LEVEL: 'warn',
  JOBS_ENABLED: 'false',
  MAIL_DEV_FILES: 'false',
  DATA_DIR: path.join(work, 'data'),
  UPLOADS_DIR: path.join(work, 'uploads'),
  UPLOAD_TMP_DIR: path.join(work, 'spool'),
  SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
  FIELD_ENCRYPTION_KEY: crypto.randomBytes(32).toString('hex'),
};
const serverLog = path.join(work, 'server.log');
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', fs.openSync(serverLog, 'w'), 'inherit'] });
const exited = new Promise((resolve) => server.on('exit', resolve));

async function cleanup() {
  if (server.exitCode === null) server.kill('SIGTERM');
  await exited;
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(work, { recursive: true, force: true });
}

try {
  const started = Date.now();
  while ((await fetch(`${base}/api/readyz`).then((r) => r.status, () => 0)) !== 200) {
    if (Date.now() - started > 120_000) throw new Error('server did not become ready within 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }

  const login = await fetch(`${base}/api/auth/login/user`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin123' }),
  });
  if (login.status !== 200) throw new Error(`admin sign-in failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const api = async (method, url, body) => {
    const res = await fetch(`${base}${url}`, { method, headers: { Cookie: cookie, ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body && JSON.stringify(body) });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json.data;
  };
  const benchDb = new pg.Client(connection(dbName));
  await benchDb.connect();
  const clientId = Number((await benchDb.query(`SELECT id FROM clients WHERE phone = '+351911111111'`)).rows[0].id);
  const workerId = Number((await benchDb.query(`SELECT id FROM users WHERE username = 'worker1'`)).rows[0].id);
  await benchDb.end();
  const property = await api('POST', `/api/clients/${clientId}/properties`, {
    name: 'Bench',
    addressLine1: 'Rua do Teste 1',
    city: 'Lisboa',
    postalCode: '1100-001',
    district: 'lisboa',
    propertyType: 'apartamento',
  });
  const newJob = async () =>
    (await api('POST', '/api/cleaning-jobs', { clientId, propertyId: property.id, jobType: 'house', scheduledDate: '2030-01-10', scheduledTime: '09:00', estimatedHours: 2, workerIds: [workerId] })).id;

  const jpeg = await phoneJpeg();
  const upload = async (jobId, files) => {
    const form = new FormData();
    form.append('photoType', 'after');
    for (let i = 0; i < files; i++) form.append('photos', new Blob([jpeg], { type: 'image/jpeg' }), `IMG_${i}.jpg`);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/cleaning-jobs/${jobId}/photos`, { method: 'POST', headers: { Cookie: cookie }, body: form });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t0, ids: body.data.photos.map((p) => p.id) };
  };

  console.error('… single uploads');
  // 1. One photo at a time (the first run warms the process up and is not counted).
  const single = await newJob();
  await upload(single, 1);
  const singles = [];
  for (let i = 0; i < RUNS; i++) singles.push((await upload(single, 1)).ms);

  console.error('… concurrent batches');
  // 2 and 3. Ten batches at once, while liveness is polled back to back and RSS sampled.
  const jobs = await Promise.all(Array.from({ length: CONCURRENT_BATCHES }, () => newJob()));
  const rssBefore = rssKb(server.pid);
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid))), 25);
  // Liveness is polled from a thread of its own, so the uploads this process sends cannot delay it.
  const poller = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const http = require('node:http');
     let running = true;
     const times = [];
     const failures = [];
     parentPort.on('message', () => { running = false; });
     const once = () => new Promise((resolve, reject) => {
       const t0 = performance.now();
       http.get(workerData.url, { agent: false }, (res) => {
         res.resume();
         res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error('healthz ' + res.statusCode))));
       }).on('error', reject);
     });
     (async () => {
       while (running) {
         await once().then((t) => times.push(t), (err) => failures.push(err.code ?? err.message));
         await new Promise((r) => setTimeout(r, 10));
       }
       parentPort.postMessage({ times, failures });
     })();`,
    { eval: true, workerData: { url: `${base}/api/healthz` } },
  );
  const health = new Promise((resolve, reject) => {
    poller.once('message', resolve);
    poller.once('error', reject);
  });
  const burstStart = performance.now();
  const batches = await Promise.all(jobs.map((j) => upload(j, BATCH)));
  const burstMs = performance.now() - burstStart;
  poller.postMessage('stop');
  const { times: healthTimes, failures: healthFailures } = await health;
  await poller.terminate();
  clearInterval(sampler);
  const ids = batches.flatMap((b) => b.ids);

  console.error('… thumbnails');
  // 4. Thumbnails, full responses (no If-None-Match), ten clients back to back; then a signed-in JSON
  // read under the same load, to show what the session and permission checks alone cost here.
  const rate = async (url) => {
    let done = 0;
    const until = performance.now() + THUMBNAIL_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 10 }, async (_, c) => {
        for (let i = c; performance.now() < until; i++) {
          const res = await timedGet(`${base}${url(i)}`, { Cookie: cookie });
          if (res.status !== 200) throw new Error(`${url(i)}: ${res.status}`);
          done += 1;
        }
      }),
    );
    return done / THUMBNAIL_SECONDS;
  };
  const thumbnails = await rate((i) => `/api/photos/${ids[i % ids.length]}/thumbnail`);
  const sessions = await rate(() => '/api/auth/session');

  console.log(`input: ${(jpeg.length / 1024 / 1024).toFixed(1)} MB 4000×3000 JPEG; machine: ${os.cpus().length} cores, Node ${process.version}`);
  console.log(`1. accept + process one photo (upload to 201), ${RUNS} runs: median ${ms(median(singles))}, min ${ms(Math.min(...singles))}, max ${ms(Math.max(...singles))}`);
  console.log(
    `2. ${CONCURRENT_BATCHES} concurrent batches × ${BATCH} photos (${CONCURRENT_BATCHES * BATCH} photos, ${((jpeg.length * CONCURRENT_BATCHES * BATCH) / 1024 / 1024).toFixed(0)} MB) in ${(burstMs / 1000).toFixed(1)} s: ` +
      `server RSS ${mib(rssBefore)} before, peak ${mib(peak)}`,
  );
  console.log(
    `3. /api/healthz during the burst, ${healthTimes.length} calls (${healthFailures.length} failed${healthFailures.length ? `: ${[...new Set(healthFailures)].join(', ')}` : ''}): p50 ${ms(percentile(healthTimes, 50))}, p95 ${ms(percentile(healthTimes, 95))}, max ${ms(Math.max(...healthTimes))}`,
  );
  console.log(`4. thumbnails served: ${thumbnails.toFixed(0)}/s (10 concurrent clients, ${THUMBNAIL_SECONDS} s); GET /api/auth/session alike: ${sessions.toFixed(0)}/s`);
} catch (err) {
  // The server's last words explain most failures.
  console.error(fs.readFileSync(serverLog, 'utf8').split('\n').filter((l) => !l.includes('Slow query')).slice(-20).join('\n'));
  throw err;
} finally {
  await cleanup();
}
