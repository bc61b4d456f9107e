// Fills a database with a realistic, reproducible data set for the benchmark (issue 10).
//
//   npm run build:server
//   DB_HOST=127.0.0.1 DB_USER=postgres DB_NAME=lavandaria_bench node scripts/generate-data.mjs [options]
//
// Options:
//   --scale N          multiplier of the default sizes (1 = 20 000 clients, 30 000 properties, 200 000 laundry
//                      orders with lines, 50 000 cleaning jobs with time logs, 300 000 payments, 500 000 photos)
//   --seed N           PRNG seed (default 42): same seed, scale and anchor day → the same rows
//   --anchor YYYY-MM-DD  the "today" the data ends at (default: today in Lisbon)
//   --laundry-only     clients, properties and laundry orders only (the list-scaling databases)
//   --uploads-dir DIR  where the photo files go (default .data/bench/uploads); the bench serves from there
//   --encryption-key HEX  FIELD_ENCRYPTION_KEY the server will run with (access instructions are encrypted)
//
// The database must be empty or freshly migrated (migrations are applied first). Every row is made by SQL
// on the server (generate_series with a hash-based PRNG), so nothing streams through Node and a default
// load takes a few minutes. Order numbers, counters, prices, VAT, balances and time-log durations follow
// the same rules as the application, and every constraint of the schema holds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchConnectionFromEnv, BENCH_ENCRYPTION_KEY, BENCH_PASSWORD, ROOT, importBuilt } from './bench/support.mjs';

export const BASE_SIZES = {
  clients: 20_000,
  properties: 30_000,
  orders: 200_000,
  jobs: 50_000,
  payments: 300_000,
  photos: 500_000,
};

const DISTRICTS = ['aveiro', 'beja', 'braga', 'braganca', 'castelo_branco', 'coimbra', 'evora', 'faro', 'guarda', 'leiria', 'lisboa', 'portalegre', 'porto', 'santarem', 'setubal', 'viana_do_castelo', 'vila_real', 'viseu', 'acores', 'madeira'];
const FIRST = ['Ana', 'João', 'Maria', 'Pedro', 'Inês', 'Rui', 'Sofia', 'Tiago', 'Beatriz', 'Miguel', 'Carla', 'Nuno', 'Joana', 'Luís', 'Marta', 'Paulo', 'Rita', 'Hugo', 'Teresa', 'André', 'Filipa', 'Diogo', 'Helena', 'Ricardo'];
const LAST = ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Jesus', 'Sousa', 'Fernandes', 'Gonçalves', 'Gomes', 'Lopes', 'Marques', 'Alves', 'Almeida', 'Ribeiro', 'Pinto', 'Carvalho', 'Teixeira', 'Moreira'];
const CITIES = ['Lisboa', 'Porto', 'Cascais', 'Sintra', 'Oeiras', 'Almada', 'Setúbal', 'Braga', 'Coimbra', 'Faro', 'Aveiro', 'Évora'];
const STREETS = ['Rua Augusta', 'Avenida da Liberdade', 'Rua do Ouro', 'Travessa do Carmo', 'Rua de Santa Catarina', 'Avenida da Boavista', 'Rua Direita', 'Largo do Rato'];
const ACCESS = ['Chave no cofre, código 4821', 'Porteiro entrega a chave', 'Caixa de chaves junto à porta, 1937', 'Código do portão 5502#', 'Chave com a vizinha do 2.º esq.'];
const ROOMS = ['Cozinha', 'Sala', 'Quarto', 'Casa de banho', 'Varanda', 'Entrada'];

const sqlList = (values) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]`;

export function sizesFor(scale, laundryOnly = false) {
  const n = (base) => Math.max(1, Math.round(base * scale));
  const sizes = Object.fromEntries(Object.entries(BASE_SIZES).map(([k, v]) => [k, n(v)]));
  sizes.properties = Math.max(sizes.properties, sizes.clients);
  sizes.workers = Math.max(5, Math.round(40 * Math.min(scale, 3)));
  if (laundryOnly) Object.assign(sizes, { jobs: 0, payments: 0, photos: 0 });
  return sizes;
}

/** The marker left on the database: the bench reuses a database whose marker matches. */
export function datasetLabel({ scale, seed, laundryOnly }) {
  // v2: vacuumed after loading (a data set cached by an earlier version is made again).
  return `lavandaria-bench v2 scale=${scale} seed=${seed}${laundryOnly ? ' laundry-only' : ''}`;
}

function lisbonToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date());
}

/** Deterministic photo keys (`ab/<uuid>.webp`), the same formula as the SQL below. */
export function photoKeys(seed, i) {
  const h = crypto.createHash('md5').update(`bench-photo-${seed}-${i}`).digest('hex');
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { image: `${h.slice(0, 2)}/${uuid}.webp`, thumbnail: `${h.slice(0, 2)}/${uuid}-thumb.webp` };
}
const SQL_UUID = (expr) =>
  `(substr(${expr}, 1, 8) || '-' || substr(${expr}, 9, 4) || '-4' || substr(${expr}, 14, 3) || '-8' || substr(${expr}, 18, 3) || '-' || substr(${expr}, 21, 12))`;

/** A small pool of real photos made by the application's own image pipeline (WebP photo + thumbnail). */
async function makePhotoPool(count) {
  const { default: sharp } = await import('sharp');
  const { createImagePipeline } = await importBuilt('modules/photos/image-pipeline.js');
  const pipeline = createImagePipeline({ maxInputPixels: 50_000_000, concurrency: 2 });
  fs.mkdirSync(path.join(ROOT, '.data'), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(ROOT, '.data', 'bench-pool-'));
  const pool = [];
  try {
    for (let i = 0; i < count; i++) {
      const width = 1600;
      const height = 1200;
      const raw = Buffer.alloc(width * height * 3);
      let state = 12345 + i * 7919;
      for (let p = 0; p < width * height; p++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        const x = p % width;
        const y = Math.floor(p / width);
        const noise = (state >> 16) & 31;
        raw[p * 3] = (x * 255) / width / (1 + (i % 3)) + noise;
        raw[p * 3 + 1] = (y * 255) / height + noise;
        raw[p * 3 + 2] = ((x + y + i * 97) % 255) * 0.6 + noise;
      }
      const file = path.join(tmp, `${i}.jpg`);
      await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toFile(file);
      const out = await pipeline.process(file);
      const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
      pool.push({ image: out.image, thumbnail: out.thumbnail, imageSha: sha(out.image.data), thumbSha: sha(out.thumbnail.data) });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return pool;
}

export async function generate(options) {
  const { scale = 1, seed = 42, laundryOnly = false, log = console.log } = options;
  const anchor = options.anchor ?? lisbonToday();
  const uploadsDir = path.resolve(options.uploadsDir ?? path.join(ROOT, '.data/bench/uploads'));
  const encryptionKey = options.encryptionKey ?? BENCH_ENCRYPTION_KEY;
  const connection = options.connection ?? benchConnectionFromEnv();
  const sizes = sizesFor(scale, laundryOnly);
  const started = performance.now();
  const step = async (label, fn) => {
    const t = performance.now();
    const result = await fn();
    log(`  ${label} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    return result;
  };

  const { runMigrations } = await importBuilt('db/migrate.js');
  const { createFieldCipher } = await importBuilt('lib/field-crypto.js');
  const { createPasswordHasher } = await importBuilt('modules/auth/password.js');
  const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return silent; } };
  await runMigrations(connection, silent);

  const client = new pg.Client({ ...connection, application_name: 'lavandaria-generate-data' });
  await client.connect();
  const q = (sql, values) => client.query(sql, values);
  try {
    const existing = await q(`SELECT (SELECT count(*) FROM laundry_orders) + (SELECT count(*) FROM clients) AS n`);
    if (Number(existing.rows[0].n) > 0) throw new Error('The database already holds clients or orders: generate into an empty database.');

    log(`Generating ${datasetLabel({ scale, seed, laundryOnly })} ending ${anchor}: ${JSON.stringify(sizes)}`);
    await q(`SET synchronous_commit = off`);
    // A seeded PRNG in SQL: a hash of (row, stream) → [0, 1). Inlined by the planner, so it is cheap.
    await q(`CREATE FUNCTION pg_temp.rnd(i bigint, stream int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
      $$ SELECT (hashint8extended(i, ${Number(seed)} * 1000 + stream) & 2147483647)::float8 / 2147483648.0 $$`);
    await q(`CREATE FUNCTION pg_temp.pick(arr text[], i bigint, stream int) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT arr[1 + floor(pg_temp.rnd(i, stream) * array_length(arr, 1))::int] $$`);

    const hasher = createPasswordHasher({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const hash = await hasher.hash(BENCH_PASSWORD);
    const cipher = createFieldCipher(encryptionKey);
    const access = ACCESS.map((a) => cipher.encrypt(a, 'properties.access_instructions'));
    const day0 = `DATE '${anchor}'`;
    const spanDays = 730;

    await step('staff: bench.master, bench.admin and the workers', async () => {
      const master = await q(`SELECT id FROM users WHERE role = 'master'`);
      if (master.rowCount === 0) {
        await q(`INSERT INTO users (username, password_hash, role, name, password_changed_at) VALUES ('bench.master', $1, 'master', 'Bench Master', now())`, [hash]);
      }
      await q(`INSERT INTO users (username, password_hash, role, name, password_changed_at) VALUES ('bench.admin', $1, 'admin', 'Bench Admin', now())`, [hash]);
      await q(
        `INSERT INTO users (username, password_hash, role, name, phone, password_changed_at)
         SELECT 'bench.worker' || g, $1, 'worker', pg_temp.pick(${sqlList(FIRST)}, g, 1) || ' ' || pg_temp.pick(${sqlList(LAST)}, g, 2),
                '+3519100' || lpad(g::text, 5, '0'), now()
           FROM generate_series(1, $2::int) g`,
        [hash, sizes.workers],
      );
      await q(`CREATE TEMP TABLE bench_workers AS SELECT row_number() OVER (ORDER BY id) AS rn, id FROM users WHERE role = 'worker' AND username LIKE 'bench.worker%'`);
      await q(`CREATE TEMP TABLE bench_admin AS SELECT id FROM users WHERE username = 'bench.admin'`);
    });
    const workers = sizes.workers;

    await step(`${sizes.clients} clients`, () =>
      q(
        `INSERT INTO clients (phone, password_hash, name, email, locale, must_change_password, is_enterprise, company_name, created_at, updated_at)
         SELECT '+3519' || lpad(g::text, 8, '0'), $1,
                pg_temp.pick(${sqlList(FIRST)}, g, 3) || ' ' || pg_temp.pick(${sqlList(LAST)}, g, 4) || ' ' || pg_temp.pick(${sqlList(LAST)}, g, 5),
                CASE WHEN pg_temp.rnd(g, 6) < 0.7 THEN 'cliente' || g || '@example.pt' END,
                CASE WHEN pg_temp.rnd(g, 7) < 0.85 THEN 'pt' ELSE 'en' END, false,
                pg_temp.rnd(g, 8) < 0.05, CASE WHEN pg_temp.rnd(g, 8) < 0.05 THEN 'Alojamentos ' || g || ' Lda' END,
                ts, ts
           FROM generate_series(1, $2::int) g,
                LATERAL (SELECT (${day0} - ${spanDays + 30} + floor((g - 1)::float8 * ${spanDays} / $2)::int)::timestamp AT TIME ZONE 'Europe/Lisbon' + interval '10 hours' AS ts) t`,
        [hash, sizes.clients],
      ),
    );

    await step(`${sizes.properties} properties (access instructions encrypted)`, () =>
      q(
        // The first `clients` rows are each client's primary place; the rest are extra places of random clients.
        `INSERT INTO properties (client_id, name, address_line1, city, postal_code, district, property_type, access_instructions_enc, is_primary, created_at, updated_at)
         SELECT cid, CASE WHEN g <= $1 THEN 'Casa' ELSE 'Alojamento ' || g END,
                pg_temp.pick(${sqlList(STREETS)}, g, 10) || ', ' || (1 + floor(pg_temp.rnd(g, 11) * 200)::int),
                pg_temp.pick(${sqlList(CITIES)}, g, 12),
                lpad((1000 + floor(pg_temp.rnd(g, 13) * 8999)::int)::text, 4, '0') || '-' || lpad(floor(pg_temp.rnd(g, 14) * 999)::int::text, 3, '0'),
                pg_temp.pick(${sqlList(DISTRICTS)}, g, 15),
                pg_temp.pick(ARRAY['casa', 'apartamento', 'apartamento', 'quinta', 'escritorio', 'loja'], g, 16),
                CASE WHEN pg_temp.rnd(g, 17) < 0.4 THEN pg_temp.pick($3::text[], g, 18) END,
                g <= $1, now(), now()
           FROM generate_series(1, $2::int) g,
                LATERAL (SELECT CASE WHEN g <= $1 THEN g ELSE 1 + floor(pg_temp.rnd(g, 19) * $1)::int END AS cid) c`,
        [sizes.clients, sizes.properties, access],
      ),
    );

    await step(`${sizes.orders} laundry orders`, () =>
      q(
        // Order i falls on day i·span/N (ids follow time, as in real use); its number is its rank in that day.
        `INSERT INTO laundry_orders (order_number, order_day, client_id, order_type, status, assigned_worker_id, expected_ready_date,
            special_instructions, delivery_requested, delivery_property_id, delivery_address, delivery_date, additional_charges_cents,
            additional_charges_note, discount_cents, delivery_fee_cents, vat_rate_bp, priced_at, ready_at, collected_at, delivered_at,
            cancelled_at, cancel_reason, created_by, created_at, updated_at)
         SELECT 'LDR-' || to_char(day, 'YYYYMMDD') || '-' || lpad(n::text, GREATEST(3, length(n::text)), '0'),
                day, cid,
                CASE WHEN r_type < 0.6 THEN 'bulk_kg' WHEN r_type < 0.9 THEN 'itemized' ELSE 'house_bundle' END,
                status,
                CASE WHEN pg_temp.rnd(g, 22) < 0.7 THEN (SELECT id FROM bench_workers WHERE rn = 1 + floor(pg_temp.rnd(g, 23) * ${workers})::int) END,
                day + 3,
                CASE WHEN pg_temp.rnd(g, 24) < 0.15 THEN 'Não usar lixívia' END,
                delivery, CASE WHEN delivery THEN cid END,
                CASE WHEN delivery THEN 'Rua de entrega ' || cid || ', Lisboa' END,
                CASE WHEN delivery THEN day + 4 END,
                CASE WHEN pg_temp.rnd(g, 25) < 0.05 THEN 250 ELSE 0 END,
                CASE WHEN pg_temp.rnd(g, 25) < 0.05 THEN 'Nódoas difíceis' END,
                0, 500, 2300, created,
                CASE WHEN status IN ('ready', 'collected', 'delivered') THEN created + interval '1 day' END,
                CASE WHEN status = 'collected' THEN created + interval '2 days' END,
                CASE WHEN status = 'delivered' THEN created + interval '3 days' END,
                CASE WHEN status = 'cancelled' THEN created + interval '2 hours' END,
                CASE WHEN status = 'cancelled' THEN 'Cliente desistiu' END,
                (SELECT id FROM bench_admin), created, created
           FROM (
             SELECT g, day, created, cid, delivery, r_type, row_number() OVER (PARTITION BY day ORDER BY g) AS n,
                    CASE
                      WHEN age >= 7 THEN CASE WHEN r_status < 0.03 THEN 'cancelled' WHEN delivery THEN 'delivered' ELSE 'collected' END
                      WHEN age >= 3 THEN CASE WHEN r_status < 0.5 THEN 'ready' WHEN delivery THEN 'delivered' ELSE 'collected' END
                      ELSE CASE WHEN r_status < 0.4 THEN 'received' WHEN r_status < 0.8 THEN 'in_progress' ELSE 'ready' END
                    END AS status
               FROM (
                 SELECT g, day, ${day0} - day AS age,
                        (day::timestamp AT TIME ZONE 'Europe/Lisbon') + interval '8 hours' + (pg_temp.rnd(g, 20) * interval '11 hours') AS created,
                        1 + floor(pg_temp.rnd(g, 21) * $2)::int AS cid,
                        pg_temp.rnd(g, 26) < 0.2 AS delivery, pg_temp.rnd(g, 27) AS r_type, pg_temp.rnd(g, 28) AS r_status
                   FROM generate_series(1, $1::int) g,
                        LATERAL (SELECT ${day0} - ${spanDays - 1} + floor((g - 1)::float8 * ${spanDays} / $1)::int AS day) d
               ) base
           ) o
          ORDER BY g`,
        [sizes.orders, sizes.clients],
      ),
    );

    await step('order lines (1–3 per order, priced like the service does)', () =>
      q(
        `INSERT INTO laundry_order_lines (order_id, position, service_id, service_code, service_name, service_name_en, pricing_unit,
            unit_price_cents, minimum_charge_cents, weight_grams, quantity, item_type, base_cents, minimum_applied, total_cents, created_at)
         SELECT o.id, k, s.id, s.code, s.name, s.name_en, s.pricing_unit, s.price_cents, s.minimum_charge_cents,
                CASE WHEN s.pricing_unit = 'per_kg' THEN grams END, CASE WHEN s.pricing_unit = 'per_item' THEN qty END,
                CASE WHEN s.pricing_unit = 'per_item' THEN pg_temp.pick(ARRAY['Fato', 'Casaco', 'Vestido', 'Camisa'], o.id * 4 + k, 33) END,
                base, base < COALESCE(s.minimum_charge_cents, 0), GREATEST(base, COALESCE(s.minimum_charge_cents, 0)), o.created_at
           FROM laundry_orders o
           CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.rnd(o.id, 30) * 3)::int) k
           JOIN LATERAL (SELECT * FROM laundry_services WHERE code = CASE
                  WHEN o.order_type = 'itemized' THEN 'DRY_CLEAN'
                  WHEN k = 1 THEN 'WASH_IRON'
                  ELSE (ARRAY['WASH_IRON', 'DRY_CLEAN', 'IRON_ONLY'])[1 + floor(pg_temp.rnd(o.id * 4 + k, 31) * 3)::int] END) s ON true
           CROSS JOIN LATERAL (SELECT 1000 + floor(pg_temp.rnd(o.id * 4 + k, 32) * 7000)::int AS grams,
                                      1 + floor(pg_temp.rnd(o.id * 4 + k, 34) * 5)::int AS qty) a
           CROSS JOIN LATERAL (SELECT CASE WHEN s.pricing_unit = 'per_kg' THEN (2 * grams * s.price_cents + 1000) / 2000
                                           ELSE qty * s.price_cents END AS base) b`,
      ),
    );

    await step('order totals (subtotal, VAT half-up, total)', () =>
      q(
        `UPDATE laundry_orders o SET lines_total_cents = t.lines, subtotal_cents = t.subtotal,
                vat_cents = (2 * t.subtotal * o.vat_rate_bp + 10000) / 20000,
                total_cents = t.subtotal + (2 * t.subtotal * o.vat_rate_bp + 10000) / 20000
           FROM (SELECT l.order_id, sum(l.total_cents)::int AS lines,
                        (sum(l.total_cents) + max(o2.additional_charges_cents) + CASE WHEN bool_or(o2.delivery_requested) THEN max(o2.delivery_fee_cents) ELSE 0 END
                          - max(o2.discount_cents))::int AS subtotal
                   FROM laundry_order_lines l JOIN laundry_orders o2 ON o2.id = l.order_id GROUP BY l.order_id) t
          WHERE t.order_id = o.id`,
      ),
    );

    await step('order status history and day counters', async () => {
      await q(
        `INSERT INTO laundry_order_status_history (order_id, from_status, to_status, changed_by, note, changed_at)
         SELECT o.id, h.from_status, h.to_status, (SELECT id FROM bench_admin), h.note, h.at
           FROM laundry_orders o
           CROSS JOIN LATERAL (VALUES
             (1, NULL, 'received', NULL, o.created_at),
             (2, 'received', 'in_progress', NULL, o.created_at + interval '1 hour'),
             (3, 'in_progress', 'ready', NULL, o.ready_at),
             (4, 'ready', o.status, NULL, COALESCE(o.collected_at, o.delivered_at)),
             (5, 'received', 'cancelled', o.cancel_reason, o.cancelled_at)) h(n, from_status, to_status, note, at)
          WHERE h.n = 1
             OR (h.n = 2 AND o.status IN ('in_progress', 'ready', 'collected', 'delivered'))
             OR (h.n = 3 AND o.ready_at IS NOT NULL)
             OR (h.n = 4 AND o.status IN ('collected', 'delivered'))
             OR (h.n = 5 AND o.status = 'cancelled')`,
      );
      await q(`INSERT INTO laundry_order_counters (day, last_number) SELECT order_day, count(*) FROM laundry_orders GROUP BY order_day`);
    });

    if (sizes.jobs > 0) {
      const ahead = 30;
      await step(`${sizes.jobs} cleaning jobs with their teams`, async () => {
        await q(
          `INSERT INTO cleaning_jobs (client_id, property_id, job_type, status, scheduled_date, scheduled_time, scheduled_start_at, scheduled_end_at,
              estimated_minutes, hourly_rate_cents, special_instructions, cancelled_at, cancel_reason, created_by, created_at, updated_at)
           SELECT p.client_id, p.id, CASE WHEN pg_temp.rnd(g, 41) < 0.5 THEN 'airbnb' ELSE 'house' END,
                  -- Past jobs that were not cancelled are completed below, once their time logs exist.
                  CASE WHEN day < ${day0} AND pg_temp.rnd(g, 42) < 0.06 THEN 'cancelled' ELSE 'scheduled' END,
                  day, tm, start_at, start_at + est * interval '1 minute', est, 1500,
                  CASE WHEN pg_temp.rnd(g, 43) < 0.2 THEN 'Trocar roupa de cama' END,
                  CASE WHEN day < ${day0} AND pg_temp.rnd(g, 42) < 0.06 THEN start_at - interval '1 day' END,
                  CASE WHEN day < ${day0} AND pg_temp.rnd(g, 42) < 0.06 THEN 'Hóspede cancelou' END,
                  (SELECT id FROM bench_admin), LEAST(start_at - interval '7 days', now()), LEAST(start_at - interval '7 days', now())
             FROM generate_series(1, $1::int) g
             CROSS JOIN LATERAL (SELECT ${day0} - ${spanDays - 1} + floor((g - 1)::float8 * ${spanDays + ahead} / $1)::int AS day,
                                        make_time(8 + floor(pg_temp.rnd(g, 44) * 9)::int, CASE WHEN pg_temp.rnd(g, 45) < 0.5 THEN 0 ELSE 30 END, 0) AS tm,
                                        30 * (2 + floor(pg_temp.rnd(g, 46) * 7)::int) AS est) d
             CROSS JOIN LATERAL (SELECT (d.day + d.tm) AT TIME ZONE 'Europe/Lisbon' AS start_at) s
             JOIN properties p ON p.id = 1 + floor(pg_temp.rnd(g, 40) * $2)::int
            ORDER BY g`,
          [sizes.jobs, sizes.properties],
        );
        await q(
          `INSERT INTO cleaning_job_workers (job_id, worker_id, position, assigned_at)
           SELECT j.id, w.id, k, j.created_at
             FROM cleaning_jobs j
             CROSS JOIN LATERAL generate_series(1, CASE WHEN pg_temp.rnd(j.id, 47) < 0.3 THEN 2 ELSE 1 END) k
             JOIN bench_workers w ON w.rn = 1 + ((floor(pg_temp.rnd(j.id, 48) * ${workers})::int + k - 1) % ${workers})`,
        );
      });

      await step('time logs and completion pricing (30-minute increments)', async () => {
        await q(
          `INSERT INTO cleaning_time_logs (job_id, worker_id, started_at, start_received_at, started_by, ended_at, end_received_at, ended_by)
           SELECT j.id, w.worker_id, st, st, w.worker_id, en, en, w.worker_id
             FROM cleaning_jobs j JOIN cleaning_job_workers w ON w.job_id = j.id
             CROSS JOIN LATERAL (SELECT j.scheduled_start_at + floor(pg_temp.rnd(j.id * 3 + w.position, 50) * 15) * interval '1 minute' AS st) a
             CROSS JOIN LATERAL (SELECT a.st + (j.estimated_minutes - 20 + floor(pg_temp.rnd(j.id * 3 + w.position, 51) * 50)) * interval '1 minute' AS en) b
            WHERE j.status = 'scheduled' AND j.scheduled_date < ${day0}`,
        );
        await q(
          `UPDATE cleaning_jobs j SET status = 'completed', started_at = t.first_start, completed_at = t.last_end, billing_increment_minutes = 30, vat_rate_bp = 2300,
                  labour_seconds = t.seconds, labour_minutes = t.seconds / 60, billable_minutes = t.billable,
                  subtotal_cents = (2 * t.billable * j.hourly_rate_cents + 60) / 120,
                  vat_cents = (2 * ((2 * t.billable * j.hourly_rate_cents + 60) / 120) * 2300 + 10000) / 20000,
                  total_cents = (2 * t.billable * j.hourly_rate_cents + 60) / 120 + (2 * ((2 * t.billable * j.hourly_rate_cents + 60) / 120) * 2300 + 10000) / 20000,
                  priced_at = t.last_end, updated_at = t.last_end
             FROM (SELECT job_id, min(started_at) AS first_start, max(ended_at) AS last_end, sum(duration_seconds)::int AS seconds,
                          (ceil(sum(duration_seconds) / 1800.0) * 30)::int AS billable
                     FROM cleaning_time_logs GROUP BY job_id) t
            WHERE t.job_id = j.id`,
        );
        await q(
          `INSERT INTO cleaning_job_status_history (job_id, from_status, to_status, changed_by, note, changed_at)
           SELECT j.id, h.f, h.t, (SELECT id FROM bench_admin), h.note, h.at
             FROM cleaning_jobs j
             CROSS JOIN LATERAL (VALUES (1, NULL, 'scheduled', NULL, j.created_at), (2, 'scheduled', 'in_progress', NULL, j.started_at),
                                        (3, 'in_progress', 'completed', NULL, j.completed_at), (4, 'scheduled', 'cancelled', j.cancel_reason, j.cancelled_at)) h(n, f, t, note, at)
            WHERE h.n = 1 OR (h.n IN (2, 3) AND j.status = 'completed') OR (h.n = 4 AND j.status = 'cancelled')`,
        );
      });
    }

    if (sizes.payments > 0) {
      await step(`${sizes.payments} payments (most documents settled, some in two parts, ~4% owing)`, async () => {
        await q(
          `CREATE TEMP TABLE bench_docs AS
           SELECT row_number() OVER (ORDER BY accrued_at, line, id) AS rn, * FROM (
             SELECT 'laundry' AS line, id, client_id, total_cents AS total, COALESCE(collected_at, delivered_at) AS accrued_at
               FROM laundry_orders WHERE status IN ('collected', 'delivered') AND total_cents > 0
             UNION ALL
             SELECT 'cleaning', id, client_id, total_cents, completed_at FROM cleaning_jobs WHERE status = 'completed' AND total_cents > 0) d`,
        );
        const docs = Number((await q(`SELECT count(*) AS n FROM bench_docs`)).rows[0].n);
        // Payment i settles document ((i-1) mod D)+1; documents reached twice were paid in two parts (40 % deposit).
        await q(
          `INSERT INTO payments (kind, client_id, laundry_order_id, cleaning_job_id, amount_cents, method, paid_at, created_by, created_at)
           SELECT 'payment', d.client_id, CASE WHEN d.line = 'laundry' THEN d.id END, CASE WHEN d.line = 'cleaning' THEN d.id END,
                  amount, pg_temp.pick(ARRAY['cash', 'card', 'card', 'mbway', 'transfer'], g, 60),
                  d.accrued_at + pass * interval '1 hour', (SELECT id FROM bench_admin), d.accrued_at + pass * interval '1 hour'
             FROM generate_series(1, $1::int) g
             CROSS JOIN LATERAL (SELECT 1 + (g - 1) % $2 AS rn, (g - 1) / $2 AS pass) i
             JOIN bench_docs d ON d.rn = i.rn
             CROSS JOIN LATERAL (SELECT GREATEST($1::bigint - $2, 0) >= d.rn AS split, d.rn % 25 = 0 AS owing) f
             CROSS JOIN LATERAL (SELECT CASE
                  WHEN f.owing THEN GREATEST(d.total / 2, 1)
                  WHEN f.split AND i.pass = 0 THEN GREATEST(d.total * 4 / 10, 1)
                  WHEN f.split THEN d.total - GREATEST(d.total * 4 / 10, 1)
                  ELSE d.total END AS amount) a
            WHERE i.pass <= 1 AND a.amount > 0 AND NOT (f.owing AND i.pass = 1)`,
          [sizes.payments, docs],
        );
      });
    }

    if (sizes.photos > 0) {
      const poolSize = 6;
      const pool = await step(`a pool of ${poolSize} real photos through the image pipeline`, () => makePhotoPool(poolSize));
      await step(`${sizes.photos} photo rows`, async () => {
        await q(`CREATE TEMP TABLE bench_done AS
                 SELECT row_number() OVER (ORDER BY j.id) AS rn, j.id, j.completed_at, w.worker_id
                   FROM cleaning_jobs j JOIN cleaning_job_workers w ON w.job_id = j.id AND w.position = 1 WHERE j.status = 'completed'`);
        const done = Number((await q(`SELECT count(*) AS n FROM bench_done`)).rows[0].n);
        const keyExpr = `md5('bench-photo-${Number(seed)}-' || g)`;
        await q(
          `INSERT INTO cleaning_job_photos (job_id, uploaded_by, photo_type, room_area, storage_key, thumbnail_key, content_type, size_bytes, width, height,
              thumbnail_size_bytes, thumbnail_width, thumbnail_height, content_sha256, thumbnail_sha256, source_format, original_file_name, uploaded_at)
           SELECT d.id, d.worker_id, CASE WHEN pass = 0 THEN 'before' WHEN pass = 1 THEN 'after' ELSE 'detail' END,
                  pg_temp.pick(${sqlList(ROOMS)}, g, 70),
                  substr(${keyExpr}, 1, 2) || '/' || ${SQL_UUID(keyExpr)} || '.webp',
                  substr(${keyExpr}, 1, 2) || '/' || ${SQL_UUID(keyExpr)} || '-thumb.webp',
                  'image/webp', ($3::int[])[1 + g % ${poolSize}], ($4::int[])[1 + g % ${poolSize}], ($5::int[])[1 + g % ${poolSize}],
                  ($6::int[])[1 + g % ${poolSize}], ($7::int[])[1 + g % ${poolSize}], ($8::int[])[1 + g % ${poolSize}],
                  ($9::text[])[1 + g % ${poolSize}], ($10::text[])[1 + g % ${poolSize}], 'jpeg', 'IMG_' || g || '.jpg',
                  d.completed_at - interval '5 minutes' + pass * interval '1 second'
             FROM generate_series(1, $1::int) g
             CROSS JOIN LATERAL (SELECT 1 + (g - 1) % $2 AS rn, (g - 1) / $2 AS pass) i
             JOIN bench_done d ON d.rn = i.rn`,
          [
            sizes.photos,
            done,
            pool.map((p) => p.image.data.length),
            pool.map((p) => p.image.width),
            pool.map((p) => p.image.height),
            pool.map((p) => p.thumbnail.data.length),
            pool.map((p) => p.thumbnail.width),
            pool.map((p) => p.thumbnail.height),
            pool.map((p) => p.imageSha),
            pool.map((p) => p.thumbSha),
          ],
        );
      });
      await step(`photo files: ${sizes.photos * 2} hard links to the pool under ${path.relative(ROOT, uploadsDir)}`, () => {
        const poolDir = path.join(uploadsDir, '.pool');
        fs.mkdirSync(poolDir, { recursive: true });
        const files = pool.map((p, i) => {
          const image = path.join(poolDir, `${i}.webp`);
          const thumbnail = path.join(poolDir, `${i}-thumb.webp`);
          fs.writeFileSync(image, p.image.data);
          fs.writeFileSync(thumbnail, p.thumbnail.data);
          return { image, thumbnail };
        });
        for (let d = 0; d < 256; d++) fs.mkdirSync(path.join(uploadsDir, d.toString(16).padStart(2, '0')), { recursive: true });
        // A file system caps the links of one inode (65 000 on ext4): a full source is copied and the copy linked.
        let copies = 0;
        const link = (source, which, to) => {
          for (;;) {
            try {
              fs.linkSync(source[which], to);
              return;
            } catch (err) {
              if (err.code === 'EEXIST') return;
              if (err.code !== 'EMLINK') throw err;
              const fresh = `${source[which]}.${++copies}`;
              fs.copyFileSync(source[which], fresh);
              source[which] = fresh;
            }
          }
        };
        for (let g = 1; g <= sizes.photos; g++) {
          const keys = photoKeys(seed, g);
          const source = files[g % poolSize];
          link(source, 'image', path.join(uploadsDir, keys.image));
          link(source, 'thumbnail', path.join(uploadsDir, keys.thumbnail));
          if (g % 100_000 === 0) log(`    ${g} / ${sizes.photos}`);
        }
      });
    }

    // VACUUM as well as ANALYZE: the bulk UPDATEs above (totals, balances) leave dead row versions and no
    // visibility map, the state autovacuum keeps a live database out of. Measured without it, counting the
    // first 10 001 orders read 11 000 pages of dead rows (94 ms) instead of an index-only scan (3 ms).
    await step('VACUUM (ANALYZE)', () => q('VACUUM (ANALYZE)'));
    // The database connected to, however it was named (a DATABASE_URL carries no `database` field).
    const { rows: [{ db: database }] } = await q('SELECT current_database() AS db');
    await q(`COMMENT ON DATABASE ${client.escapeIdentifier(database)} IS ${client.escapeLiteral(`${datasetLabel({ scale, seed, laundryOnly })} anchor=${anchor}`)}`);
    const counts = await q(`SELECT (SELECT count(*) FROM clients) AS clients, (SELECT count(*) FROM properties) AS properties,
      (SELECT count(*) FROM laundry_orders) AS orders, (SELECT count(*) FROM laundry_order_lines) AS lines,
      (SELECT count(*) FROM cleaning_jobs) AS jobs, (SELECT count(*) FROM cleaning_time_logs) AS time_logs,
      (SELECT count(*) FROM payments) AS payments, (SELECT count(*) FROM cleaning_job_photos) AS photos`);
    log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts.rows[0])}`);
    return { sizes, anchor, counts: counts.rows[0] };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '42' },
      anchor: { type: 'string' },
      'laundry-only': { type: 'boolean', default: false },
      'uploads-dir': { type: 'string' },
      'encryption-key': { type: 'string' },
    },
  });
  const scale = Number(values.scale);
  if (!(scale > 0)) {
    console.error('--scale must be a positive number');
    process.exit(2);
  }
  if (values.anchor && !/^\d{4}-\d{2}-\d{2}$/.test(values.anchor)) {
    console.error('--anchor must be YYYY-MM-DD');
    process.exit(2);
  }
  await generate({
    scale,
    seed: Number(values.seed),
    anchor: values.anchor,
    laundryOnly: values['laundry-only'],
    uploadsDir: values['uploads-dir'],
    encryptionKey: values['encryption-key'],
  }).catch((err) => {
    console.error(`❌ ${err.message}`);
    process.exit(1);
  });
}
