import readline from 'node:readline/promises';
import { Writable } from 'node:stream';
import { bootstrap, fail } from './bootstrap.js';
import { assertPasswordPolicy, createPasswordHasher } from '../modules/auth/password.js';
import { AppError } from '../lib/app-error.js';

/**
 * `npm run create-master` — creates the one master account of a production system. Non-interactive with
 * MASTER_USERNAME / MASTER_PASSWORD (and optional MASTER_NAME), otherwise it asks. Refuses when a master
 * already exists (the database also allows only one).
 */
async function ask(question: string, hidden = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  const answer = rl.question(question);
  muted = hidden;
  const value = await answer;
  rl.close();
  if (hidden) process.stdout.write('\n');
  return value.trim();
}

const ctx = await bootstrap();
try {
  const existing = await ctx.db.query<{ username: string }>(`SELECT username FROM users WHERE role = 'master'`);
  if (existing.rows[0]) fail(`A master account already exists (${existing.rows[0].username}); there can be only one.`);

  const interactive = !process.env.MASTER_USERNAME || !process.env.MASTER_PASSWORD;
  if (interactive && !process.stdin.isTTY) fail('Set MASTER_USERNAME and MASTER_PASSWORD, or run this in a terminal to be asked.');
  const username = process.env.MASTER_USERNAME ?? (await ask('Master username: '));
  const name = process.env.MASTER_NAME ?? (interactive ? await ask('Full name: ') : username);
  const password = process.env.MASTER_PASSWORD ?? (await ask('Password (8–128 characters): ', true));
  if (interactive && (await ask('Repeat the password: ', true)) !== password) fail('The passwords do not match.');

  if (!/^[A-Za-z0-9._-]{3,50}$/.test(username)) fail('The username must be 3–50 letters, digits, dots, dashes or underscores.');
  try {
    assertPasswordPolicy(password, [username]);
  } catch (err) {
    if (err instanceof AppError) fail(`${err.message} (${err.code})`);
    throw err;
  }
  const hasher = createPasswordHasher(ctx.config.argon2);
  await ctx.db.query(`INSERT INTO users (username, password_hash, role, name) VALUES ($1, $2, 'master', $3)`, [
    username,
    await hasher.hash(password),
    name || username,
  ]);
  process.stdout.write(`✅ Master account "${username}" created. Sign in at /api/auth/login/user.\n`);
} catch (err) {
  const e = err as { code?: string; message?: string };
  if (e.code === '23505') fail('That username is taken, or a master was created meanwhile.');
  if (e.code === '42P01') fail('The database is not migrated yet: run `npm run migrate` first.');
  throw err;
} finally {
  await ctx.close();
}
