import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DbConnectionConfig } from '../../src/config/config.js';
import { createFieldCipher } from '../../src/lib/field-crypto.js';
import { createPasswordHasher } from '../../src/modules/auth/password.js';
import { priceCompletedCleaning } from '../../src/modules/cleaning/cleaning-pricing.js';
import { priceOrder, type PricingUnit } from '../../src/modules/laundry/laundry-pricing.js';
import { TEST_ARGON2 } from '../helpers/test-config.js';
import { ROOT, scratchDatabase, tempDir, type ScratchDb } from './support.js';
import { BALANCE_DRIFT_SQL, RECEIVABLES_DRIFT_SQL, REVENUE_DRIFT_SQL } from '../helpers/kept-amounts.js';

// The generator is plain JavaScript without declarations: these are the parts of it the test relies on.
type SizeKey = 'clients' | 'properties' | 'orders' | 'jobs' | 'payments' | 'photos';
interface GenerateOptions {
  scale: number;
  seed: number;
  laundryOnly: boolean;
  anchor: string;
  connection: DbConnectionConfig;
  uploadsDir: string;
  encryptionKey: string;
  log: (line: string) => void;
}
interface GeneratorModule {
  BASE_SIZES: Record<SizeKey, number>;
  datasetLabel(options: { scale: number; seed: number; laundryOnly: boolean }): string;
  photoKeys(seed: number, i: number): { image: string; thumbnail: string };
  generate(options: GenerateOptions): Promise<{ sizes: Record<SizeKey | 'workers', number>; anchor: string; counts: Record<string, string | number> }>;
}
interface BenchSupportModule {
  BENCH_PASSWORD: string;
}

const SCALE = 0.01;
const SEED = 7;
// A day in the past, so nothing the generator dates relative to "now" (jobs booked a week ahead) varies between runs.
const ANCHOR = '2026-03-31';
const ENCRYPTION_KEY = 'c4'.repeat(32);
const SPAN_DAYS = 730;
const ACCESS_CONTEXT = 'properties.access_instructions';

/**
 * Columns that differ between two runs by design: argon2 salts, AES-GCM nonces, and the moment the
 * rows were written (staff, places and the catalogue are stamped with now()). Everything else must match.
 */
const VOLATILE: Record<string, string[]> = {
  users: ['password_hash', 'password_changed_at', 'created_at', 'updated_at'],
  clients: ['password_hash'],
  properties: ['access_instructions_enc', 'created_at', 'updated_at'],
  laundry_services: ['created_at', 'updated_at'],
  laundry_categories: ['created_at', 'updated_at'],
  laundry_racks: ['created_at', 'updated_at'],
  business_identity: ['updated_at'],
  pgmigrations: ['run_on'],
};

/** Row count and checksum of every table, volatile columns left out, rows in an order that does not depend on storage. */
async function contentFingerprint(db: ScratchDb): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(r, E'\\n' ORDER BY r)) AS sum
         FROM (SELECT (to_jsonb(t) - $1::text[])::text AS r FROM "${name}" t) x`,
      [VOLATILE[name] ?? []],
    );
    result[name] = `${row!.n} rows, md5 ${row!.sum ?? '-'}`;
  }
  return result;
}

/** What a bench run sees of the orders: numbers, owners, states and money, in id order. */
async function ordersFingerprint(db: ScratchDb): Promise<string> {
  const [row] = await db.query<{ sum: string }>(
    `SELECT md5(string_agg(concat_ws('|', id, order_number, client_id, status, total_cents), E'\\n' ORDER BY id)) AS sum FROM laundry_orders`,
  );
  return row!.sum;
}

/** The photo files under an uploads directory (relative paths), the pool of originals left out. */
function photoFiles(uploadsDir: string): string[] {
  if (!fs.existsSync(uploadsDir)) return [];
  const files: string[] = [];
  for (const shard of fs.readdirSync(uploadsDir).filter((d) => /^[0-9a-f]{2}$/.test(d)).sort()) {
    for (const name of fs.readdirSync(path.join(uploadsDir, shard)).sort()) files.push(`${shard}/${name}`);
  }
  return files;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * scripts/generate-data.mjs fills the benchmark's databases. The bench measures the application on
 * that data, so it is only worth something if the data obeys the application's own rules (prices,
 * numbering, kept balances and summaries) and if the same seed gives the same data on every machine.
 */
describe('generate-data.mjs: the benchmark data set', () => {
  const logLines: string[] = [];
  const databases: ScratchDb[] = [];
  const dirs: string[] = [];
  let gen: GeneratorModule;
  let db: ScratchDb;
  let uploadsDir: string;
  let result: Awaited<ReturnType<GeneratorModule['generate']>>;

  const generateInto = async (seed: number, laundryOnly: boolean, log: (line: string) => void = () => undefined) => {
    const target = await scratchDatabase(inject('testDatabase').admin, { migrated: false });
    databases.push(target);
    const dir = tempDir('generate-data-uploads');
    dirs.push(dir);
    const run = await gen.generate({
      scale: SCALE,
      seed,
      laundryOnly,
      anchor: ANCHOR,
      connection: target.connection,
      uploadsDir: dir,
      encryptionKey: ENCRYPTION_KEY,
      log,
    });
    return { target, dir, run };
  };

  beforeAll(async () => {
    // The generator runs the application's migrations, cipher and hasher from the production build.
    const build = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    if (build.status !== 0) {
      throw new Error(`npm run build:server failed (${build.error?.message ?? build.signal ?? build.status}):\n${build.stdout}${build.stderr}`);
    }
    gen = (await import(pathToFileURL(path.join(ROOT, 'scripts/generate-data.mjs')).href)) as GeneratorModule;
    const first = await generateInto(SEED, false, (line) => logLines.push(line));
    db = first.target;
    uploadsDir = first.dir;
    result = first.run;
  }, 240_000);

  afterAll(async () => {
    for (const d of databases) await d.drop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const count = async (sql: string) => (await db.query<{ n: number }>(`SELECT (${sql})::int AS n`))[0]!.n;

  /** Documents the payments settle, in the order the generator settles them: accrued and not free. */
  const accruedDocuments = () =>
    count(`SELECT count(*) FROM (SELECT id FROM laundry_orders WHERE status IN ('collected', 'delivered') AND total_cents > 0
                                  UNION ALL SELECT id FROM cleaning_jobs WHERE status = 'completed' AND total_cents > 0) d`);

  it('when it runs at a small scale, then every table holds the sizes the scale asks for', async () => {
    const size = (key: SizeKey) => Math.max(1, Math.round(gen.BASE_SIZES[key] * SCALE));
    expect(size('orders')).toBe(2000);
    expect(await count(`SELECT count(*) FROM clients`)).toBe(size('clients'));
    // Every client has a primary place, so there are never fewer places than clients.
    expect(await count(`SELECT count(*) FROM properties`)).toBe(Math.max(size('properties'), size('clients')));
    expect(await count(`SELECT count(*) FROM properties WHERE is_primary`)).toBe(size('clients'));
    expect(await count(`SELECT count(DISTINCT client_id) FROM properties WHERE is_primary`)).toBe(size('clients'));
    expect(await count(`SELECT count(*) FROM laundry_orders`)).toBe(size('orders'));
    expect(await count(`SELECT count(*) FROM cleaning_jobs`)).toBe(size('jobs'));
    expect(await count(`SELECT count(*) FROM cleaning_job_photos`)).toBe(size('photos'));
    expect(await count(`SELECT count(*) FROM users WHERE role = 'worker' AND username LIKE 'bench.worker%'`)).toBe(Math.max(5, Math.round(40 * SCALE)));
    expect(await count(`SELECT count(*) FROM (SELECT order_id FROM laundry_order_lines GROUP BY 1 HAVING count(*) NOT BETWEEN 1 AND 3) x`)).toBe(0);
    expect(await count(`SELECT count(*) FROM laundry_orders o WHERE NOT EXISTS (SELECT 1 FROM laundry_order_lines l WHERE l.order_id = o.id)`)).toBe(0);

    // Payments: each accrued document once, the first P − D of them twice (a deposit, then the rest),
    // except every 25th document, which keeps owing on a single half payment.
    const requested = size('payments');
    const documents = await accruedDocuments();
    expect(documents).toBeGreaterThan(requested / 2);
    expect(documents).toBeLessThanOrEqual(requested);
    const twice = requested - documents;
    expect(await count(`SELECT count(*) FROM payments`)).toBe(requested - Math.floor(twice / 25));

    expect(result.sizes).toMatchObject(Object.fromEntries((Object.keys(gen.BASE_SIZES) as SizeKey[]).map((k) => [k, size(k)])));
    const counted = await db.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM laundry_orders)::int AS orders,
              (SELECT count(*) FROM payments)::int AS payments, (SELECT count(*) FROM cleaning_job_photos)::int AS photos`,
    );
    // count(*) arrives as a string or a number depending on whether the server's bigint parser is loaded.
    expect(Object.fromEntries(Object.entries(result.counts).map(([k, v]) => [k, Number(v)]))).toMatchObject(counted[0]!);
  });

  it('when orders are generated, then every line and total is what the application’s pricing computes (half-up VAT in basis points)', async () => {
    const orders = await db.query<{
      id: number;
      additional: number;
      discount: number;
      delivery: boolean;
      fee: number;
      bp: number;
      lines_total: number;
      subtotal: number;
      vat: number;
      total: number;
      lines: Array<{ code: string; unit: PricingUnit; price: number; minimum: number | null; grams: number | null; qty: number | null; base: number; min_applied: boolean; total: number; cat_price: number; cat_minimum: number | null }>;
    }>(
      `SELECT o.id::int, o.additional_charges_cents AS additional, o.discount_cents AS discount, o.delivery_requested AS delivery,
              o.delivery_fee_cents AS fee, o.vat_rate_bp AS bp, o.lines_total_cents AS lines_total, o.subtotal_cents AS subtotal,
              o.vat_cents AS vat, o.total_cents AS total,
              json_agg(json_build_object('code', l.service_code, 'unit', l.pricing_unit, 'price', l.unit_price_cents, 'minimum', l.minimum_charge_cents,
                         'grams', l.weight_grams, 'qty', l.quantity, 'base', l.base_cents, 'min_applied', l.minimum_applied, 'total', l.total_cents,
                         'cat_price', s.price_cents, 'cat_minimum', s.minimum_charge_cents) ORDER BY l.position) AS lines
         FROM laundry_orders o JOIN laundry_order_lines l ON l.order_id = o.id JOIN laundry_services s ON s.code = l.service_code
        GROUP BY o.id ORDER BY o.id`,
    );
    expect(orders).toHaveLength(2000);
    const wrong: unknown[] = [];
    for (const o of orders) {
      const price = priceOrder({
        lines: o.lines.map((l) => ({ unit: l.unit, unitPriceCents: l.price, minimumChargeCents: l.minimum, weightGrams: l.grams, quantity: l.qty })),
        additionalChargesCents: o.additional,
        discountCents: o.discount,
        deliveryRequested: o.delivery,
        deliveryFeeCents: o.fee,
        vatRateBasisPoints: o.bp,
      });
      const stored = {
        lines: o.lines.map((l) => ({ baseCents: l.base, minimumApplied: l.min_applied, totalCents: l.total })),
        linesTotalCents: o.lines_total,
        subtotalCents: o.subtotal,
        vatCents: o.vat,
        totalCents: o.total,
      };
      const expected = { lines: price.lines.map((l) => ({ baseCents: l.baseCents, minimumApplied: l.minimumApplied, totalCents: l.totalCents })), linesTotalCents: price.linesTotalCents, subtotalCents: price.subtotalCents, vatCents: price.vatCents, totalCents: price.totalCents };
      // Half-up VAT written out once more in integers, so a shared mistake in the pricing module is caught too.
      const halfUp = Math.floor((2 * o.subtotal * o.bp + 10_000) / 20_000);
      const snapshotOk = o.lines.every((l) => l.price === l.cat_price && l.minimum === l.cat_minimum);
      if (JSON.stringify(stored) !== JSON.stringify(expected) || o.total !== o.subtotal + o.vat || o.vat !== halfUp || !snapshotOk) {
        wrong.push({ id: o.id, stored, expected });
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The data set exercises the rules it claims to: both units, minimums, delivery fees and extra charges.
    const lines = orders.flatMap((o) => o.lines);
    expect(lines.some((l) => l.unit === 'per_kg') && lines.some((l) => l.unit === 'per_item')).toBe(true);
    expect(orders.some((o) => o.delivery) && orders.some((o) => !o.delivery) && orders.some((o) => o.additional > 0)).toBe(true);
  });

  it('when cleaning jobs are generated, then the past ones are completed and billed from their time logs like the application bills them', async () => {
    const jobs = await db.query<{
      id: number;
      status: string;
      past: boolean;
      workers: number;
      logs: number[] | null;
      log_workers: number;
      increment: number | null;
      rate: number;
      bp: number | null;
      labour: number | null;
      billable: number | null;
      subtotal: number | null;
      vat: number | null;
      total: number | null;
    }>(
      `SELECT j.id::int, j.status, j.scheduled_date < DATE '${ANCHOR}' AS past,
              (SELECT count(*)::int FROM cleaning_job_workers w WHERE w.job_id = j.id) AS workers,
              (SELECT array_agg(t.duration_seconds ORDER BY t.id) FROM cleaning_time_logs t WHERE t.job_id = j.id) AS logs,
              (SELECT count(DISTINCT t.worker_id)::int FROM cleaning_time_logs t WHERE t.job_id = j.id) AS log_workers,
              j.billing_increment_minutes AS increment, j.hourly_rate_cents AS rate, j.vat_rate_bp AS bp, j.labour_seconds AS labour,
              j.billable_minutes AS billable, j.subtotal_cents AS subtotal, j.vat_cents AS vat, j.total_cents AS total
         FROM cleaning_jobs j ORDER BY j.id`,
    );
    const wrong: unknown[] = [];
    for (const j of jobs) {
      if (j.status === 'completed') {
        // Billed by the application's default increment and VAT rate, every assigned worker having logged time.
        if (!j.past || j.log_workers !== j.workers || j.increment !== 30 || j.bp !== 2300) {
          wrong.push(j);
          continue;
        }
        const price = priceCompletedCleaning({ loggedSeconds: j.logs ?? [], billingIncrementMinutes: j.increment, hourlyRateCents: j.rate, vatRateBasisPoints: j.bp });
        const stored = { labour: j.labour, billable: j.billable, subtotal: j.subtotal, vat: j.vat, total: j.total };
        const expected = { labour: price.labourSeconds, billable: price.billableMinutes, subtotal: price.subtotalCents, vat: price.vatCents, total: price.totalCents };
        if (JSON.stringify(stored) !== JSON.stringify(expected)) wrong.push({ ...j, expected });
      } else if (j.status === 'scheduled') {
        // Only the anchor day and the month booked ahead are still to do, and nothing was logged on them.
        if (j.past || j.logs !== null) wrong.push(j);
      } else if (j.status !== 'cancelled' || j.logs !== null || !j.past) {
        wrong.push(j);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(jobs.filter((j) => j.status === 'completed').length).toBeGreaterThan(jobs.length / 2);
    expect(jobs.some((j) => j.status === 'scheduled') && jobs.some((j) => j.status === 'cancelled')).toBe(true);
  });

  it('when payments are recorded, then each order’s and job’s kept paid, refunded and balance equal the sums over its payment rows', async () => {
    const drift = await db.query<{ line: string; id: number; stored: string; summed: string }>(
      BALANCE_DRIFT_SQL,
    );
    expect(drift.filter((r) => r.stored !== r.summed).slice(0, 5)).toEqual([]);

    // Money is taken only for accrued work, from the document's client, never beyond what it costs.
    expect(
      await count(`SELECT count(*) FROM payments p
                     LEFT JOIN laundry_orders o ON o.id = p.laundry_order_id LEFT JOIN cleaning_jobs j ON j.id = p.cleaning_job_id
                    WHERE NOT (COALESCE(o.status IN ('collected', 'delivered'), false) OR COALESCE(j.status = 'completed', false))
                       OR p.client_id <> COALESCE(o.client_id, j.client_id)`),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM (SELECT balance_cents FROM laundry_orders UNION ALL SELECT balance_cents FROM cleaning_jobs) b WHERE balance_cents < 0`)).toBe(0);
    // Every 25th accrued document is left owing (the dashboard's unpaid list); the rest are settled.
    const owing = await count(`SELECT count(*) FROM (SELECT balance_cents FROM laundry_orders WHERE status IN ('collected', 'delivered')
                                                    UNION ALL SELECT balance_cents FROM cleaning_jobs WHERE status = 'completed') b WHERE balance_cents > 0`);
    expect(owing).toBe(Math.floor((await accruedDocuments()) / 25));
    expect(await count(`SELECT count(*) FROM payments WHERE kind <> 'payment' OR voided_at IS NOT NULL OR tip_cents <> 0`)).toBe(0);
  });

  it('when documents are accrued, then revenue_months equals the aggregate of the documents per Lisbon month', async () => {
    const drift = await db.query(
      REVENUE_DRIFT_SQL,
    );
    expect(drift).toEqual([]);
    // Two years of both lines: the summary is not trivially empty.
    expect(await count(`SELECT count(*) FROM revenue_months WHERE documents > 0`)).toBeGreaterThanOrEqual(2 * 24);
  });

  it('when documents are loaded in bulk, then every client\'s kept receivables equal the summary computed from the documents', async () => {
    expect(await db.query(RECEIVABLES_DRIFT_SQL)).toEqual([]);
    // Every 25th accrued document is left owing: the kept summary is not trivially empty.
    expect(await count(`SELECT count(*) FROM client_receivables WHERE documents > 0`)).toBeGreaterThan(0);
  });

  it('when orders are numbered, then numbers are LDR-YYYYMMDD-N of their Lisbon day, dense from 1 per day, and the day counters agree', async () => {
    const badNumbers = await db.query(
      `SELECT id, order_number, order_day::text, created_at FROM laundry_orders
        WHERE order_number !~ '^LDR-[0-9]{8}-([0-9]{3}|[1-9][0-9]{3,})$'
           OR substr(order_number, 5, 8) <> to_char(order_day, 'YYYYMMDD')
           OR order_day <> (created_at AT TIME ZONE 'Europe/Lisbon')::date
        LIMIT 5`,
    );
    expect(badNumbers).toEqual([]);
    expect(await count(`SELECT count(DISTINCT order_number) FROM laundry_orders`)).toBe(2000);
    const gaps = await db.query(
      `SELECT order_day::text, count(*)::int AS n, min(k) AS lowest, max(k) AS highest, count(DISTINCT k)::int AS distinct_numbers
         FROM (SELECT order_day, split_part(order_number, '-', 3)::int AS k FROM laundry_orders) x
        GROUP BY 1 HAVING min(k) <> 1 OR max(k) <> count(*) OR count(DISTINCT k) <> count(*) LIMIT 5`,
    );
    expect(gaps).toEqual([]);
    // The next order the application takes on any of these days must get the next free number.
    const counters = await db.query(
      `SELECT COALESCE(c.day, o.day)::text AS day, c.last_number, o.n
         FROM laundry_order_counters c
         FULL JOIN (SELECT order_day AS day, count(*)::int AS n FROM laundry_orders GROUP BY 1) o ON o.day = c.day
        WHERE c.last_number IS DISTINCT FROM o.n LIMIT 5`,
    );
    expect(counters).toEqual([]);
    const [span] = await db.query<{ first: string; last: string }>(`SELECT min(order_day)::text AS first, max(order_day)::text AS last FROM laundry_orders`);
    const first = new Date(Date.parse(`${ANCHOR}T00:00:00Z`) - (SPAN_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    expect(span).toEqual({ first, last: ANCHOR });
  });

  it('when photos are generated, then each row’s image and thumbnail exist under the uploads directory with the recorded size and hash', async () => {
    expect(await count(`SELECT count(*) FROM cleaning_job_photos p JOIN cleaning_jobs j ON j.id = p.job_id WHERE j.status <> 'completed'`)).toBe(0);
    expect(
      await count(`SELECT count(*) FROM cleaning_job_photos p WHERE NOT EXISTS (SELECT 1 FROM cleaning_job_workers w WHERE w.job_id = p.job_id AND w.worker_id = p.uploaded_by)`),
    ).toBe(0);
    // Every photo has files of its own: a key shared by two rows would silently share one link.
    expect(photoFiles(uploadsDir)).toHaveLength(2 * 5000);

    const sample = await db.query<{
      id: number;
      storage_key: string;
      thumbnail_key: string;
      size_bytes: number;
      thumbnail_size_bytes: number;
      content_sha256: string;
      thumbnail_sha256: string;
      original_file_name: string;
    }>(
      `SELECT id::int, storage_key, thumbnail_key, size_bytes, thumbnail_size_bytes, content_sha256, thumbnail_sha256, original_file_name
         FROM cleaning_job_photos WHERE id % 97 = 1 OR id = (SELECT max(id) FROM cleaning_job_photos) ORDER BY id`,
    );
    expect(sample.length).toBeGreaterThan(40);
    const wrong: unknown[] = [];
    for (const p of sample) {
      const g = Number(/^IMG_(\d+)\.jpg$/.exec(p.original_file_name)?.[1]);
      const keys = gen.photoKeys(SEED, g);
      const image = path.join(uploadsDir, p.storage_key);
      const thumbnail = path.join(uploadsDir, p.thumbnail_key);
      const ok =
        keys.image === p.storage_key &&
        keys.thumbnail === p.thumbnail_key &&
        fs.existsSync(image) &&
        fs.existsSync(thumbnail) &&
        fs.statSync(image).size === p.size_bytes &&
        fs.statSync(thumbnail).size === p.thumbnail_size_bytes &&
        sha256(image) === p.content_sha256 &&
        sha256(thumbnail) === p.thumbnail_sha256;
      if (!ok) wrong.push({ ...p, keys, imageExists: fs.existsSync(image), thumbnailExists: fs.existsSync(thumbnail) });
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('when it finishes, then the database carries the data set label and its tables were vacuumed and analysed', async () => {
    const label = gen.datasetLabel({ scale: SCALE, seed: SEED, laundryOnly: false });
    const [comment] = await db.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
    );
    // The bench reuses a database whose comment starts with the label and a space.
    expect(comment!.comment).toBe(`${label} anchor=${ANCHOR}`);
    const stale = await db.query(
      `SELECT relname, last_vacuum, last_analyze FROM pg_stat_user_tables
        WHERE relname IN ('laundry_orders', 'laundry_order_lines', 'cleaning_jobs', 'payments', 'cleaning_job_photos')
          AND (last_vacuum IS NULL OR last_analyze IS NULL)`,
    );
    expect(stale).toEqual([]);
    expect(await count(`SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'laundry_orders'`)).toBe(1);
  });

  it('when it runs, then the log names the data set and ends with the counts it returned', () => {
    const label = gen.datasetLabel({ scale: SCALE, seed: SEED, laundryOnly: false });
    expect(logLines[0]).toMatch(new RegExp(`^Generating ${label.replaceAll('.', '\\.')} ending ${ANCHOR}: \\{`));
    expect(logLines.some((l) => /^ {2}VACUUM \(ANALYZE\) \(\d+\.\d s\)$/.test(l))).toBe(true);
    const done = /^Done in \d+ s: (\{.*\})$/.exec(logLines.at(-1) ?? '');
    expect(done, logLines.join('\n')).not.toBeNull();
    expect(JSON.parse(done![1]!)).toEqual(result.counts);
  });

  it('when the accounts and places are read back, then the bench password signs in and access notes decrypt with the given key', async () => {
    const { BENCH_PASSWORD } = (await import(pathToFileURL(path.join(ROOT, 'scripts/bench/support.mjs')).href)) as BenchSupportModule;
    const hasher = createPasswordHasher(TEST_ARGON2);
    const hashes = await db.query<{ password_hash: string }>(
      `(SELECT password_hash FROM users WHERE username = 'bench.admin') UNION ALL (SELECT password_hash FROM clients ORDER BY id LIMIT 1)`,
    );
    expect(hashes).toHaveLength(2);
    for (const { password_hash } of hashes) expect(await hasher.verify(password_hash, BENCH_PASSWORD)).toBe(true);

    const notes = await db.query<{ enc: string }>(`SELECT access_instructions_enc AS enc FROM properties WHERE access_instructions_enc IS NOT NULL`);
    expect(notes.length).toBeGreaterThan(0);
    const cipher = createFieldCipher(ENCRYPTION_KEY);
    for (const { enc } of notes) expect(cipher.decrypt(enc, ACCESS_CONTEXT).length).toBeGreaterThan(0);
    expect(() => createFieldCipher('d5'.repeat(32)).decrypt(notes[0]!.enc, ACCESS_CONTEXT)).toThrow();
  });

  it('when it is run again on a database that already holds the data, then it refuses and changes nothing', async () => {
    const before = await contentFingerprint(db);
    await expect(
      gen.generate({ scale: SCALE, seed: SEED, laundryOnly: false, anchor: ANCHOR, connection: db.connection, uploadsDir, encryptionKey: ENCRYPTION_KEY, log: () => undefined }),
    ).rejects.toThrow(/already holds clients or orders/);
    expect(await contentFingerprint(db)).toEqual(before);
  });

  it('when it runs again into another database with the same seed and anchor, then the content is identical', async () => {
    const again = await generateInto(SEED, false);
    const [a, b] = [await contentFingerprint(db), await contentFingerprint(again.target)];
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(a.laundry_orders).toMatch(/^2000 rows, md5 [0-9a-f]{32}$/);
    expect(b).toEqual(a);
    expect(await ordersFingerprint(again.target)).toBe(await ordersFingerprint(db));
    expect(photoFiles(again.dir)).toEqual(photoFiles(uploadsDir));
  });

  it('when it runs laundry-only with another seed, then only clients, places and orders are made, and differently', async () => {
    const other = await generateInto(SEED + 1, true);
    const [comment] = await other.target.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
    );
    expect(comment!.comment).toBe(`${gen.datasetLabel({ scale: SCALE, seed: SEED + 1, laundryOnly: true })} anchor=${ANCHOR}`);
    expect(comment!.comment).toContain(' laundry-only');
    const [n] = await other.target.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM laundry_orders)::int AS orders, (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM cleaning_jobs)::int AS jobs,
              (SELECT count(*) FROM payments)::int AS payments, (SELECT count(*) FROM cleaning_job_photos)::int AS photos`,
    );
    expect(n).toEqual({ orders: 2000, clients: 200, jobs: 0, payments: 0, photos: 0 });
    expect(photoFiles(other.dir)).toEqual([]);
    // The seed decides the data: a fingerprint that ignored it would make the reproducibility check above meaningless.
    expect(await ordersFingerprint(other.target)).not.toBe(await ordersFingerprint(db));
  });
});
