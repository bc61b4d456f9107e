// Shared pieces of the benchmark scripts: where the repository is, the built server's modules, the bench
// accounts' password and encryption key (bench data only, never a real deployment), and the database
// from the environment.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');

/** Every bench account (bench.master, bench.admin, bench.workerN and each client) signs in with this. */
export const BENCH_PASSWORD = 'bench-Lavandaria-2026';
/** The FIELD_ENCRYPTION_KEY the bench data is encrypted with and the bench server runs with. */
export const BENCH_ENCRYPTION_KEY = 'be'.repeat(32);
export const BENCH_SESSION_SECRET = 'b3'.repeat(32);

/** A module of the production build (`npm run build:server` first). */
export async function importBuilt(relative) {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run npm run build:server first`);
  return import(pathToFileURL(file).href);
}

/** DB_* or DATABASE_URL from the environment, as the server reads them. */
export function benchConnectionFromEnv(env = process.env) {
  if (env.DATABASE_URL) return { connectionString: env.DATABASE_URL };
  if (!env.DB_HOST) throw new Error('Set DB_HOST (DB_PORT, DB_USER, DB_PASSWORD, DB_NAME) or DATABASE_URL.');
  return {
    host: env.DB_HOST,
    port: Number(env.DB_PORT ?? 5432),
    user: env.DB_USER ?? 'postgres',
    password: env.DB_PASSWORD,
    database: env.DB_NAME ?? 'lavandaria_bench',
  };
}

/** The server's DB_* variables for a connection. */
export function dbEnv(connection) {
  if (connection.connectionString) return { DATABASE_URL: connection.connectionString };
  return {
    DB_HOST: connection.host ?? '127.0.0.1',
    DB_PORT: String(connection.port ?? 5432),
    DB_USER: connection.user ?? 'postgres',
    DB_PASSWORD: connection.password ?? 'unused-with-trust-auth',
    DB_NAME: connection.database,
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
