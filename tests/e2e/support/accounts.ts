import crypto from 'node:crypto';
import pg from 'pg';
import { hash } from '@node-rs/argon2';

/** The demo accounts seeded in every non-production database (README). */
export const DEMO = {
  master: { kind: 'staff', login: 'master', password: 'master123', name: 'Helena Sousa', home: '/admin' },
  admin: { kind: 'staff', login: 'admin', password: 'admin123', name: 'Ricardo Almeida', home: '/admin' },
  worker: { kind: 'staff', login: 'worker1', password: 'worker123', name: 'Ana Ferreira', home: '/worker' },
  client: { kind: 'client', login: '911111111', password: 'lavandaria2025', name: 'Maria Santos', home: '/client' },
} as const;

export interface Account {
  kind: 'staff' | 'client';
  login: string;
  password: string;
  name: string;
  home: string;
}

/**
 * Accounts the browser cannot create yet (there is no user or client management screen before later
 * issues): written straight into the suite's throwaway database, exactly as the server stores them
 * (argon2id hash, E.164 phone). scripts/e2e.mjs passes the database address.
 */
async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString) throw new Error('E2E_DATABASE_URL is not set: run the suite with npm run test:e2e');
  const db = new pg.Client({ connectionString });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

const hashPassword = (password: string) => hash(password, { memoryCost: 1024, timeCost: 1, parallelism: 1 });

export async function createClient(options: { mustChangePassword: boolean; name?: string }): Promise<Account> {
  const digits = `93${crypto.randomInt(0, 10_000_000).toString().padStart(7, '0')}`;
  const password = `Temp-${crypto.randomBytes(6).toString('hex')}`;
  const name = options.name ?? 'Joana Rocha';
  await withDb(async (db) =>
    db.query(`INSERT INTO clients (phone, password_hash, name, must_change_password) VALUES ($1, $2, $3, $4)`, [
      `+351${digits}`,
      await hashPassword(password),
      name,
      options.mustChangePassword,
    ]),
  );
  return { kind: 'client', login: digits, password, name, home: '/client' };
}

export async function createStaff(options: { role: 'admin' | 'worker'; name?: string }): Promise<Account> {
  const username = `e2e.${options.role}.${crypto.randomBytes(4).toString('hex')}`;
  const password = `Staff-${crypto.randomBytes(6).toString('hex')}`;
  const name = options.name ?? 'Rui Carvalho';
  await withDb(async (db) =>
    db.query(`INSERT INTO users (username, password_hash, role, name) VALUES ($1, $2, $3, $4)`, [username, await hashPassword(password), options.role, name]),
  );
  return { kind: 'staff', login: username, password, name, home: options.role === 'admin' ? '/admin' : '/worker' };
}

/** Gives a staff account an e-mail address when it has none (the demo accounts are seeded without), and returns it. */
export async function ensureStaffEmail(username: string, fallback: string): Promise<string> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ email: string }>(`UPDATE users SET email = COALESCE(email, $2) WHERE username = $1 RETURNING email`, [username, fallback]);
    if (!rows[0]) throw new Error(`no user ${username}`);
    return rows[0].email;
  });
}
