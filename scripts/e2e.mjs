// `npm run test:e2e`: the browser suite against the real thing. Builds the web app, starts a throwaway
// embedded PostgreSQL (the same code as the test suite's, so it also works as root from a private
// directory) and the API (NODE_ENV=test) on it, waits for /api/readyz, runs Playwright (extra arguments
// are passed on), stops the server with SIGTERM and then the database, and exits with Playwright's code.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import webpush from 'web-push';
import { tsImport } from 'tsx/esm/api';

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// This run's web build and the server's DATA_DIR (uploads, written e-mails).
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lavandaria-e2e-'));

// The web app is built into this run's own directory: two runs at once (or a build for the bundle
// check) never replace the files a running suite is serving.
const webDist = path.join(tmpDir, 'web');
console.log('▶ Building the web app');
const build = spawnSync('npm', ['run', 'build', '--workspace', 'client', '--', '--outDir', webDist], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('❌ The web app did not build');
  process.exit(build.status ?? 1);
}
const port = await freePort();
const baseURL = `http://127.0.0.1:${port}`;

// CI exports DB_* for the unit tests; the browser suite always gets its own embedded database.
const { startEmbeddedPostgres } = await tsImport('../src/db/embedded.ts', import.meta.url);
let database;
try {
  database = await startEmbeddedPostgres({ database: 'lavandaria', logger: pino({ level: 'warn' }) });
} catch (err) {
  console.error(`❌ The embedded PostgreSQL did not start: ${err.message}`);
  fs.rmSync(tmpDir, { recursive: true, force: true });
  process.exit(1);
}
const { host: pgHost, port: pgPort, user: pgUser, password: pgPassword, database: pgDatabase } = database.connection;

const serverEnv = { ...process.env };
delete serverEnv.DATABASE_URL;
Object.assign(serverEnv, {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: String(port),
  WEB_DIST_DIR: webDist,
  DATA_DIR: path.join(tmpDir, 'data'),
  DB_HOST: pgHost,
  DB_PORT: String(pgPort),
  DB_USER: pgUser,
  DB_PASSWORD: pgPassword,
  DB_NAME: pgDatabase,
  DB_SSL: 'false',
  SEED_DEMO: 'true',
  SESSION_SECRET: crypto.randomBytes(48).toString('hex'),
  ARGON2_MEMORY_KIB: '1024',
  ARGON2_TIME_COST: '1',
  LOG_LEVEL: 'warn',
  // The browser tests serve iCal feeds from a local HTTP server (127.0.0.1); production refuses this.
  CALENDAR_ALLOW_PRIVATE_ADDRESSES: 'true',
  // Web push with this run's own VAPID keys, to a push endpoint the tests run on 127.0.0.1 (refused in production).
  ...vapidEnv(),
  PUSH_ALLOW_LOCAL_ENDPOINTS: 'true',
});

function vapidEnv() {
  const keys = webpush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:ops@lavandaria.test' };
}

console.log(`▶ Starting the server on ${baseURL} (embedded PostgreSQL on port ${pgPort})`);
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: serverEnv, stdio: ['ignore', 'inherit', 'inherit'] });
const serverExit = new Promise((resolve) => server.on('exit', (code, signal) => resolve(signal ?? code)));
let serverGone = false;
void serverExit.then(() => (serverGone = true));

async function stopServer() {
  if (!serverGone) {
    server.kill('SIGTERM');
    const stopped = await Promise.race([serverExit.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped) {
      console.error('⚠️ The server did not stop in time; killing it');
      server.kill('SIGKILL');
      await serverExit;
    }
  }
  await database.stop();
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

async function waitForReady() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (serverGone) return false;
    try {
      const response = await fetch(`${baseURL}/api/readyz`);
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await sleep(300);
  }
  return false;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
  });
}

let code = 1;
try {
  if (!(await waitForReady())) {
    console.error('❌ The server did not become ready');
  } else {
    console.log('▶ Running Playwright');
    const playwright = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseURL,
        // Traces and failure screenshots of this run only: another run at the same time keeps its own.
        E2E_OUTPUT_DIR: process.env.E2E_OUTPUT_DIR ?? `test-results/e2e-runs/${path.basename(tmpDir)}`,
        // The tests arrange accounts the browser cannot create (a client with a temporary password).
        E2E_DATABASE_URL: `postgres://${pgUser}:${pgPassword}@${pgHost}:${pgPort}/${pgDatabase}`,
        // The server's data folder: a command run beside it (the importer) uses the same field encryption key.
        E2E_DATA_DIR: serverEnv.DATA_DIR,
      },
    });
    code = await new Promise((resolve) => playwright.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
  }
} finally {
  await stopServer();
}
process.exit(interrupted && code === 0 ? 1 : code);
