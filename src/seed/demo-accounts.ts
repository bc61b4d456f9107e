import type { Db } from '../db/pool.js';
import type { Logger } from '../lib/logger.js';
import type { PasswordHasher } from '../modules/auth/password.js';

/**
 * The demo accounts of the development seed (never in production, where `npm run create-master`
 * creates the one master). Created only when missing, so a developer's changes survive restarts.
 */
export const DEMO_ACCOUNTS = {
  master: { username: 'master', password: 'master123', name: 'Helena Sousa', role: 'master' },
  admin: { username: 'admin', password: 'admin123', name: 'Ricardo Almeida', role: 'admin' },
  worker: { username: 'worker1', password: 'worker123', name: 'Ana Ferreira', role: 'worker' },
  client: { phone: '+351911111111', password: 'lavandaria2025', name: 'Maria Santos' },
} as const;

export async function seedDemoAccounts(db: Db, hasher: PasswordHasher, logger: Logger): Promise<void> {
  const created: string[] = [];
  await db.transaction(async (tx) => {
    const staff = [DEMO_ACCOUNTS.master, DEMO_ACCOUNTS.admin, DEMO_ACCOUNTS.worker];
    let masterId: number | null = null;
    for (const account of staff) {
      const existing = await tx.query<{ id: number }>(`SELECT id FROM users WHERE lower(username) = lower($1)`, [account.username]);
      if (existing.rows[0]) {
        if (account.role === 'master') masterId = existing.rows[0].id;
        continue;
      }
      if (account.role === 'master') {
        const other = await tx.query<{ id: number }>(`SELECT id FROM users WHERE role = 'master'`);
        if (other.rows[0]) {
          masterId = other.rows[0].id;
          continue;
        }
      }
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO users (username, password_hash, role, name, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [account.username, await hasher.hash(account.password), account.role, account.name, masterId],
      );
      if (account.role === 'master') masterId = rows[0]!.id;
      created.push(account.username);
    }
    const client = DEMO_ACCOUNTS.client;
    const existingClient = await tx.query(`SELECT 1 FROM clients WHERE phone = $1`, [client.phone]);
    if (existingClient.rowCount === 0) {
      // The demo client signs in with the well-known password straight away (no forced change).
      await tx.query(
        `INSERT INTO clients (phone, password_hash, name, email, must_change_password, created_by) VALUES ($1, $2, $3, $4, false, $5)`,
        [client.phone, await hasher.hash(client.password), client.name, 'maria.santos@example.pt', masterId],
      );
      created.push(client.phone);
    }
  });
  if (created.length > 0) logger.info({ accounts: created }, `✅ Demo accounts created: ${created.join(', ')}`);
}
