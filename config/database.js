'use strict';
/**
 * A small CommonJS entry for the operations runbook's database check, run from the project root or
 * inside the app container (working directory /app):
 *
 *   docker exec lavandaria-app node -e "const {pool}=require('./config/database');pool.query('SELECT 1').then(()=>console.log('OK')).catch(e=>console.error(e))"
 *
 * It reads the same variables as the server (DATABASE_URL, or DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME,
 * DB_SSL) and `.env` from the working directory when present, without overriding the real environment.
 * The pool lets the process exit once it is idle, so a one-liner ends by itself. The server does not use
 * this file (it has its own pool in src/db/pool.ts).
 */
const fs = require('node:fs');
const { Pool } = require('pg');

if (fs.existsSync('.env') && typeof process.loadEnvFile === 'function') process.loadEnvFile('.env');

function connectionFromEnv(env) {
  if (env.DATABASE_URL) return { connectionString: env.DATABASE_URL };
  return {
    host: env.DB_HOST || '127.0.0.1',
    port: Number(env.DB_PORT || 5432),
    user: env.DB_USER,
    password: env.DB_PASSWORD,
    database: env.DB_NAME,
  };
}

const ssl = ['true', '1', 'yes'].includes(String(process.env.DB_SSL || '').toLowerCase());

const pool = new Pool({
  ...connectionFromEnv(process.env),
  ssl: ssl ? { rejectUnauthorized: true } : undefined,
  max: 2,
  connectionTimeoutMillis: 5000,
  idleTimeoutMillis: 1000,
  allowExitOnIdle: true,
  application_name: 'lavandaria-ops-check',
});
// An idle client's error (server restart) must not crash the caller with an unhandled 'error' event.
pool.on('error', (err) => console.error(`❌ Database connection error (idle client): ${err.message}`));

module.exports = { pool };
