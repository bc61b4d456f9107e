import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { bootstrap, fail } from './bootstrap.js';
import { systemClock } from '../lib/clock.js';
import { createFieldCipher } from '../lib/field-crypto.js';
import { createAuditRepository } from '../modules/audit/audit.repository.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createImagePipeline } from '../modules/photos/image-pipeline.js';
import { storageFromConfig } from '../modules/photos/storage-from-config.js';
import { describeSource, NotTheEarlierSystem, openSource } from '../modules/original-import/source.js';
import { ImportRefused, importOriginal, type ImportOriginalResult } from '../modules/original-import/run.js';

/**
 * `npm run import:original -- --from <postgres URL> [--uploads DIR] [--dry-run] [--report FILE]` —
 * brings a whole business over from the earlier Lavandaria system (docs/IMPORTS.md). Exit status: 0 done
 * (skipped rows are in the report), 2 refused before writing anything, 3 interrupted (run it again to
 * resume), 1 failed.
 */
const USAGE = 'usage: npm run import:original -- --from <postgres URL> [--uploads DIR] [--dry-run] [--report FILE] [--batch-size N]';

let args;
try {
  args = parseArgs({
    options: {
      from: { type: 'string' },
      uploads: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      report: { type: 'string' },
      'batch-size': { type: 'string' },
    },
  }).values;
} catch (err) {
  process.stderr.write(`❌ ${(err as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (!args.from) {
  process.stderr.write(`❌ --from is required.\n${USAGE}\n`);
  process.exit(2);
}
if (args.uploads && !fs.existsSync(args.uploads)) {
  process.stderr.write(`❌ The uploads folder ${args.uploads} does not exist.\n`);
  process.exit(2);
}
const batchSize = args['batch-size'] ? Number(args['batch-size']) : undefined;
if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)) {
  process.stderr.write('❌ --batch-size must be a whole number from 1 to 5000.\n');
  process.exit(2);
}

const label = describeSource(args.from);
let source;
try {
  source = await openSource({ connectionString: args.from }, label);
} catch (err) {
  if (err instanceof NotTheEarlierSystem) {
    process.stderr.write(`❌ Refused: ${label} is not the earlier Lavandaria database. Nothing was written.\n`);
    for (const p of err.problems) process.stderr.write(`   - ${p}\n`);
    process.exit(2);
  }
  process.stderr.write(`❌ Cannot read ${label}: ${(err as Error).message}\n`);
  process.exit(2);
}

const ctx = await bootstrap();
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stdout.write('\n⚠️ Stopping after the batch in progress…\n');
    controller.abort();
  });
}

try {
  const clock = systemClock;
  const result = await importOriginal({
    source,
    db: ctx.db,
    clock,
    logger: ctx.logger,
    audit: createAuditService({ repo: createAuditRepository(), clock, db: ctx.db }),
    cipher: createFieldCipher(ctx.config.fieldEncryption.key, ctx.config.fieldEncryption.previousKeys),
    storage: storageFromConfig(ctx.config.photos.storage),
    pipeline: createImagePipeline({ maxInputPixels: ctx.config.photos.maxInputPixels, concurrency: ctx.config.photos.imageConcurrency }),
    uploadsDir: args.uploads ?? null,
    dryRun: args['dry-run'],
    batchSize,
    signal: controller.signal,
    onBatch: (entity, lastId) => process.stdout.write(`  ${entity}: up to id ${lastId}\n`),
  });
  process.stdout.write(printReport(result));
  if (args.report) fs.writeFileSync(args.report, `${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.status === 'interrupted' ? 3 : 0;
} catch (err) {
  if (err instanceof ImportRefused) fail(err.message);
  process.stderr.write(`❌ The import stopped: ${(err as Error).message}\n   Run it again to resume from its last checkpoint.\n`);
  process.exitCode = 1;
} finally {
  await source.close();
  await ctx.close();
}

function printReport(result: ImportOriginalResult): string {
  const lines: string[] = [];
  const title = result.dryRun ? 'Dry run (nothing was written)' : `Import run #${result.runId}`;
  lines.push('', `${result.status === 'completed' ? '✅' : '⚠️'} ${title} from ${label}: ${result.status}`);
  if (result.resumedFrom) lines.push(`   resumed at ${result.resumedFrom.entity} after id ${result.resumedFrom.afterId}`);
  lines.push('', `${'table'.padEnd(22)}${'read'.padStart(7)}${'imported'.padStart(10)}${'matched'.padStart(9)}${'already'.padStart(9)}${'skipped'.padStart(9)}`);
  for (const [entity, r] of Object.entries(result.report)) {
    lines.push(`${entity.padEnd(22)}${String(r.read).padStart(7)}${String(r.imported).padStart(10)}${String(r.matched).padStart(9)}${String(r.already).padStart(9)}${String(r.skipped.length).padStart(9)}`);
  }
  const skipped = Object.entries(result.report).flatMap(([entity, r]) => r.skipped.map((s) => `   ${entity} #${s.id}: ${s.reason}`));
  const notes = Object.entries(result.report).flatMap(([entity, r]) => r.notes.map((n) => `   ${entity} #${n.id}: ${n.note}`));
  if (skipped.length > 0) lines.push('', '⚠️ Skipped (fix at the source and run again to bring them over):', ...skipped);
  if (notes.length > 0) lines.push('', 'Adjusted on the way:', ...notes);
  if (result.status === 'interrupted') lines.push('', 'Run the same command again to resume from the checkpoint.');
  return `${lines.join('\n')}\n`;
}
