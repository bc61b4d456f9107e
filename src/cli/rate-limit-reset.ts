import { bootstrap, fail } from './bootstrap.js';
import { resetLoginLimits } from '../modules/auth/login-throttle.js';
import { normalizePhone } from '../lib/phone.js';

/**
 * `npm run rate-limit:reset -- [--user NAME | --client PHONE | --ip ADDRESS | --all]` — lifts sign-in
 * limits without a restart (the counters live in PostgreSQL and are shared by every instance).
 */
const [flag, value] = process.argv.slice(2);
let target: { user?: string; client?: string; ip?: string } | undefined;
if (flag === '--user' && value) target = { user: value };
else if (flag === '--client' && value) target = { client: normalizePhone(value) ?? fail(`not a phone number: ${value}`) };
else if (flag === '--ip' && value) target = { ip: value };
else if (flag !== '--all' && flag !== undefined) fail('usage: npm run rate-limit:reset -- [--user NAME | --client PHONE | --ip ADDRESS | --all]');

const ctx = await bootstrap();
try {
  const removed = await resetLoginLimits(ctx.db, target);
  process.stdout.write(`✅ Sign-in limits reset (${removed} counter${removed === 1 ? '' : 's'} cleared)\n`);
} finally {
  await ctx.close();
}
