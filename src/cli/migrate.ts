import { bootstrap, fail } from './bootstrap.js';
import { runMigrations, schemaIsCurrent } from '../db/migrate.js';
import { connectionUser } from '../db/resolve.js';

/** `npm run migrate [up|down [N]|status]` — applies (or rolls back) migrations under the advisory lock. */
const [command = 'up', countArg] = process.argv.slice(2);
if (!['up', 'down', 'status'].includes(command)) fail(`usage: npm run migrate -- [up|down [N]|status]`);
const ctx = await bootstrap();
try {
  if (command === 'status') {
    const current = await schemaIsCurrent(ctx.db);
    process.stdout.write(current ? '✅ Schema is current\n' : '⚠️ Migrations pending\n');
    process.exitCode = current ? 0 : 3;
  } else {
    const count = countArg === undefined ? undefined : Number(countArg);
    if (count !== undefined && (!Number.isInteger(count) || count < 1)) fail('N must be a positive whole number');
    const applied = await runMigrations(ctx.database.migrationConnection, ctx.logger, command as 'up' | 'down', count, {
      appRole: connectionUser(ctx.database.connection),
    });
    process.stdout.write(applied.length ? `✅ ${command}: ${applied.join(', ')}\n` : '✅ Nothing to migrate; schema is current\n');
  }
} catch (err) {
  process.stderr.write(`❌ Migration failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await ctx.close();
}
