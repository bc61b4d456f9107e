import { z } from 'zod';

/**
 * The one schema over the environment. Every variable the server reads is declared here with a safe
 * default and a line in `.env.example`; nothing else in the code base reads `process.env`.
 */

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );

export const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: int(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  WEB_DIST_DIR: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),

  DATABASE_URL: optionalString,
  DB_HOST: optionalString,
  DB_PORT: int(5432, 1, 65535),
  DB_USER: optionalString,
  DB_PASSWORD: optionalString,
  DB_NAME: optionalString,
  // The schema owner that runs migrations; unset: the app's own role (development, embedded database).
  DATABASE_MIGRATION_URL: optionalString,
  DB_MIGRATION_USER: optionalString,
  DB_MIGRATION_PASSWORD: optionalString,
  DB_SSL: bool(false),
  DB_POOL_MAX: int(10, 1, 200),
  DB_CONNECTION_TIMEOUT_MS: int(3000, 100),
  DB_STATEMENT_TIMEOUT_MS: int(15000, 100),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: int(30000, 100),
  DB_SLOW_QUERY_WARN_MS: int(100, 1),
  DB_SLOW_QUERY_ERROR_MS: int(1000, 1),
  DB_APPLICATION_NAME: z.string().default('lavandaria-api'),
  // false behind a transaction-mode pooler that cannot keep named prepared statements (PgBouncer < 1.21).
  DB_NAMED_STATEMENTS: bool(true),
  MIGRATE_ON_BOOT: bool(true),
  EMBEDDED_PG_PORT: int(0, 0, 65535),

  DATA_DIR: z.string().default('.data'),
  SEED_DEMO: z.enum(['true', 'false', '1', '0', 'yes', 'no']).optional(),

  SESSION_SECRET: optionalString,
  SESSION_SECRET_PREVIOUS: csv(''),
  SESSION_COOKIE_NAME: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be a plain cookie name').default('lavandaria.sid'),
  SESSION_IDLE_MINUTES_STAFF: int(120, 1),
  SESSION_IDLE_MINUTES_WORKER: int(720, 1),
  SESSION_IDLE_MINUTES_CLIENT: int(10080, 1),
  SESSION_ABSOLUTE_HOURS_STAFF: int(12, 1),
  SESSION_ABSOLUTE_HOURS_WORKER: int(16, 1),
  SESSION_ABSOLUTE_HOURS_CLIENT: int(720, 1),
  SESSION_PRUNE_INTERVAL_SECONDS: int(0, 0),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: int(0, 0, 10),
  CORS_ORIGINS: csv('http://localhost:3000,http://localhost:3001'),

  DOCS_ENABLED: bool(true),
  BODY_LIMIT_KB: int(100, 1, 10240),
  SHUTDOWN_TIMEOUT_MS: int(10000, 100),
  READYZ_DB_TIMEOUT_MS: int(1000, 50),
  METRICS_ENABLED: bool(true),
  METRICS_TOKEN: optionalString,
  METRICS_ALLOW_IPS: csv(''),

  RATE_LIMIT_LOGIN_ACCOUNT_MAX: int(5, 1),
  RATE_LIMIT_LOGIN_IP_MAX: int(50, 1),
  RATE_LIMIT_LOGIN_WINDOW_MINUTES: int(15, 1),
  RATE_LIMIT_FAIL_OPEN: bool(false),
  RATE_LIMIT_API_MAX: int(600, 0),
  RATE_LIMIT_API_WINDOW_SECONDS: int(60, 1, 3600),
  RATE_LIMIT_SHARED_REPORT_MAX: int(240, 0),
  RATE_LIMIT_SHARED_REPORT_WINDOW_MS: int(60_000, 1000, 3_600_000),

  ARGON2_MEMORY_KIB: int(19456, 8),
  ARGON2_TIME_COST: int(2, 1),
  ARGON2_PARALLELISM: int(1, 1),

  IDEMPOTENCY_TTL_HOURS: int(24, 1),

  FIELD_ENCRYPTION_KEY: optionalString,
  FIELD_ENCRYPTION_KEY_PREVIOUS: csv(''),

  APP_BASE_URL: z.string().url('must be a URL like https://lavandaria.example.pt').default('http://localhost:3000'),
  SMTP_HOST: optionalString,
  SMTP_PORT: int(587, 1, 65535),
  SMTP_SECURE: bool(false),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  MAIL_FROM: z.string().default('Lavandaria <no-reply@lavandaria.local>'),
  MAIL_DEV_FILES: bool(true),
  JOBS_ENABLED: bool(true),
  CALENDAR_ALLOW_PRIVATE_ADDRESSES: bool(false),
  // Web push (issue 23 §4): all three or none (none: push is off and the API says so).
  VAPID_PUBLIC_KEY: optionalString,
  VAPID_PRIVATE_KEY: optionalString,
  VAPID_SUBJECT: optionalString,
  PUSH_ALLOW_LOCAL_ENDPOINTS: bool(false),
  PUSH_TIMEOUT_MS: int(10_000, 500, 120_000),
  CALENDAR_FETCH_TIMEOUT_MS: int(10_000, 500, 120_000),
  CALENDAR_MAX_BYTES: int(2 * 1024 * 1024, 1024, 20 * 1024 * 1024),
  PASSWORD_RESET_EMAIL_TTL_MINUTES: int(60, 5, 1440),
  PASSWORD_RESET_LINK_TTL_HOURS: int(72, 1, 720),
  RATE_LIMIT_PASSWORD_RESET_MAX: int(5, 1),
  RATE_LIMIT_PASSWORD_RESET_WINDOW_MINUTES: int(60, 1),

  UPLOADS_DIR: z.string().default('./uploads'),
  UPLOAD_TMP_DIR: optionalString,
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: optionalString,
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: bool(true),
  PHOTO_IMAGE_CONCURRENCY: int(2, 1, 16),
  PHOTO_MAX_INPUT_PIXELS: int(50_000_000, 1_000_000, 268_402_689),
});

export type RawEnv = z.input<typeof envSchema>;
export type ParsedEnv = z.output<typeof envSchema>;
