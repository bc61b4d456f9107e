import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import { envSchema, type ParsedEnv } from './env.js';

export type Role = 'master' | 'admin' | 'worker';
export type SessionKind = 'staff' | 'worker' | 'client';

export interface DbConnectionConfig {
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  connectionString?: string;
}

export interface Config {
  env: ParsedEnv['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  /** The built web app served with an index fallback; unset: client/dist when it exists. */
  webDistDir: string | undefined;
  logLevel: string;
  dataDir: string;
  seedDemo: boolean;
  db: {
    /** null means "no server configured": outside production an embedded PostgreSQL is started. */
    connection: DbConnectionConfig | null;
    /**
     * Where migrations run: the schema owner. The app's connection above is a role that owns nothing
     * and may only read and write rows. Same as `connection` when no owner role is configured.
     */
    migrationConnection: DbConnectionConfig | null;
    ssl: boolean;
    poolMax: number;
    connectionTimeoutMs: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
    slowQueryWarnMs: number;
    slowQueryErrorMs: number;
    applicationName: string;
    /** false: every statement runs unnamed (behind a transaction-mode pooler; runbook, "Behind PgBouncer"). */
    namedStatements: boolean;
    migrateOnBoot: boolean;
    embeddedPort: number;
  };
  session: {
    secrets: string[];
    cookieName: string;
    idleMinutes: Record<SessionKind, number>;
    absoluteHours: Record<SessionKind, number>;
    pruneIntervalSeconds: number;
    cookieSecure: 'auto' | boolean;
  };
  trustProxy: number;
  corsOrigins: string[];
  docsEnabled: boolean;
  bodyLimitKb: number;
  shutdownTimeoutMs: number;
  readyzDbTimeoutMs: number;
  /** `/api/metrics`: a bearer token when set, otherwise loopback and the allow-listed addresses only. */
  metrics: { enabled: boolean; token: string | undefined; allowIps: string[] };
  rateLimit: {
    loginAccountMax: number;
    loginIpMax: number;
    loginWindowSeconds: number;
    failOpen: boolean;
    /** Per-address limit on the whole API (0 = off); loopback is exempt outside production. */
    api: { max: number; windowSeconds: number; exemptLoopback: boolean };
    sharedReport: { max: number; windowSeconds: number; exemptLoopback: boolean };
  };
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  idempotencyTtlHours: number;
  /** AES-256-GCM keys for encrypted columns: the current one encrypts, previous ones still decrypt. */
  fieldEncryption: { key: string; previousKeys: string[] };
  /** Public address of the web app, used in links sent by e-mail. */
  appBaseUrl: string;
  mail: {
    /** null: no SMTP server configured. */
    smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | null;
    from: string;
    /** Outside production without SMTP, e-mails are written here as .eml files; null when mail is off. */
    devDir: string | null;
  };
  jobs: { enabled: boolean };
  /** Fetching hosts' calendar feeds: never private addresses outside development (SSRF). */
  calendars: { allowPrivateAddresses: boolean; timeoutMs: number; maxBytes: number };
  /**
   * Web push (VAPID). null vapid: push is off (no keys configured). `allowLocalEndpoints` lets a
   * subscription's endpoint be plain http on loopback and reach private addresses (development and tests).
   */
  push: { vapid: { publicKey: string; privateKey: string; subject: string } | null; allowLocalEndpoints: boolean; timeoutMs: number };
  passwordReset: { emailTtlMinutes: number; linkTtlHours: number; rateLimitMax: number; rateLimitWindowSeconds: number };
  photos: {
    /** Where multipart uploads are spooled while a request runs (removed when it ends). */
    tmpDir: string;
    /** Processed images: a local directory, or an S3-compatible bucket (needed with several instances). */
    storage: { driver: 'local'; dir: string } | { driver: 's3'; s3: S3StorageConfig };
    /** Images decoded at once: each may hold a large bitmap, so a burst queues instead of exhausting memory. */
    imageConcurrency: number;
    /** Pixel-flood guard: larger inputs are refused before decoding (48 MP phone photos pass). */
    maxInputPixels: number;
  };
}

export interface S3StorageConfig {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const MIN_SECRET_LENGTH = 64;

/** Reads (or creates once) a development secret kept under the data directory. */
function developmentSecret(dataDir: string, name = 'session-secret'): string {
  const file = path.join(dataDir, name);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= MIN_SECRET_LENGTH) return existing;
  } catch {
    // not created yet
  }
  const secret = crypto.randomBytes(32).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function dbConnection(e: ParsedEnv): DbConnectionConfig | null {
  if (e.DATABASE_URL) return { connectionString: e.DATABASE_URL };
  if (!e.DB_HOST) return null;
  return { host: e.DB_HOST, port: e.DB_PORT, user: e.DB_USER, password: e.DB_PASSWORD, database: e.DB_NAME };
}

/** The owner role for migrations: DATABASE_MIGRATION_URL, else the app's server as DB_MIGRATION_USER, else the app's own. */
function migrationConnection(e: ParsedEnv, app: DbConnectionConfig | null): DbConnectionConfig | null {
  if (e.DATABASE_MIGRATION_URL) return { connectionString: e.DATABASE_MIGRATION_URL };
  if (!app || !e.DB_MIGRATION_USER) return app;
  if (app.connectionString) {
    const url = new URL(app.connectionString);
    url.username = encodeURIComponent(e.DB_MIGRATION_USER);
    url.password = e.DB_MIGRATION_PASSWORD ? encodeURIComponent(e.DB_MIGRATION_PASSWORD) : '';
    return { connectionString: url.toString() };
  }
  return { ...app, user: e.DB_MIGRATION_USER, password: e.DB_MIGRATION_PASSWORD };
}

/** URL-safe base64 (no padding) as VAPID keys are written; null when it is not. */
function base64url(value: string): Buffer | null {
  return /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url') : null;
}

/**
 * VAPID keys (`npm run vapid:keys`): all three or none; the public key is an uncompressed P-256 point
 * (65 bytes), the private key 32 bytes and the public half of it; the subject a mailto: or https: URL.
 */
function vapidProblems(publicKey: string | undefined, privateKey: string | undefined, subject: string | undefined): string[] {
  const given = [publicKey, privateKey, subject].filter((v) => v !== undefined).length;
  if (given === 0) return [];
  if (given < 3) {
    const missing = (['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const).filter((_, i) => [publicKey, privateKey, subject][i] === undefined);
    return [`${missing.join(', ')}: web push needs VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT together (or none of them, to leave push off)`];
  }
  const problems: string[] = [];
  const pub = base64url(publicKey!);
  const priv = base64url(privateKey!);
  if (!pub || pub.length !== 65 || pub[0] !== 4) problems.push('VAPID_PUBLIC_KEY: must be a URL-safe base64 P-256 public key (87 characters, from npm run vapid:keys)');
  if (!priv || priv.length !== 32) problems.push('VAPID_PRIVATE_KEY: must be a URL-safe base64 P-256 private key (43 characters, from npm run vapid:keys)');
  if (problems.length === 0) {
    try {
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.setPrivateKey(priv!);
      if (!ecdh.getPublicKey().equals(pub!)) problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY: are not one key pair (generate both with npm run vapid:keys)');
    } catch {
      problems.push('VAPID_PRIVATE_KEY: is not a valid P-256 private key');
    }
  }
  let url: URL | null = null;
  try {
    url = new URL(subject!);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'mailto:' && url.protocol !== 'https:') || (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+$/.test(url.pathname))) {
    problems.push(`VAPID_SUBJECT: "${subject}" must be a mailto: address or an https: URL (how push services reach the operator, e.g. mailto:ops@example.pt)`);
  }
  return problems;
}

/**
 * Parses the environment once. Every problem is collected so the operator sees all bad variables at
 * once; the caller prints them and exits.
 */
export function loadConfig(source: Record<string, string | undefined>, cwd = process.cwd()): Readonly<Config> {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const problems: string[] = [];
  const dataDir = path.resolve(cwd, e.DATA_DIR);

  if (isProduction) {
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET: is required in production (64+ characters)');
    if (!e.DATABASE_URL) {
      for (const key of ['DB_HOST', 'DB_USER', 'DB_PASSWORD', 'DB_NAME'] as const) {
        if (!e[key]) problems.push(`${key}: is required in production`);
      }
    }
  }
  if (e.SESSION_SECRET && e.SESSION_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push(`SESSION_SECRET: must be at least ${MIN_SECRET_LENGTH} characters (got ${e.SESSION_SECRET.length})`);
  }
  for (const [i, previous] of e.SESSION_SECRET_PREVIOUS.entries()) {
    if (previous.length < MIN_SECRET_LENGTH) {
      problems.push(`SESSION_SECRET_PREVIOUS: entry ${i + 1} must be at least ${MIN_SECRET_LENGTH} characters`);
    }
  }
  if (e.METRICS_TOKEN && e.METRICS_TOKEN.length < 32) problems.push('METRICS_TOKEN: must be at least 32 characters');
  for (const entry of e.METRICS_ALLOW_IPS) {
    const [address = '', bits, extra] = entry.split('/');
    const maxBits = net.isIP(address) === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (net.isIP(address) === 0 || !bitsOk || extra !== undefined) problems.push(`METRICS_ALLOW_IPS: "${entry}" is not an IP address or CIDR range`);
  }
  if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL && !e.DB_HOST) {
    problems.push('DATABASE_MIGRATION_URL: needs the app connection too (DATABASE_URL or DB_HOST)');
  }
  if (e.DB_SLOW_QUERY_ERROR_MS < e.DB_SLOW_QUERY_WARN_MS) {
    problems.push('DB_SLOW_QUERY_ERROR_MS: must not be below DB_SLOW_QUERY_WARN_MS');
  }
  if (isProduction && e.CALENDAR_ALLOW_PRIVATE_ADDRESSES) {
    problems.push('CALENDAR_ALLOW_PRIVATE_ADDRESSES: must not be true in production (calendar URLs could then reach internal services)');
  }
  if (isProduction && e.PUSH_ALLOW_LOCAL_ENDPOINTS) {
    problems.push('PUSH_ALLOW_LOCAL_ENDPOINTS: must not be true in production (push endpoints could then reach internal services)');
  }
  problems.push(...vapidProblems(e.VAPID_PUBLIC_KEY, e.VAPID_PRIVATE_KEY, e.VAPID_SUBJECT));
  if (isProduction && !e.FIELD_ENCRYPTION_KEY) {
    problems.push('FIELD_ENCRYPTION_KEY: is required in production (64 hexadecimal characters; keep it safe, it decrypts access codes)');
  }
  for (const [name, value] of [['FIELD_ENCRYPTION_KEY', e.FIELD_ENCRYPTION_KEY], ...e.FIELD_ENCRYPTION_KEY_PREVIOUS.map((k) => ['FIELD_ENCRYPTION_KEY_PREVIOUS', k])]) {
    if (value && !/^[0-9a-fA-F]{64}$/.test(value)) problems.push(`${name}: must be 64 hexadecimal characters (32 random bytes)`);
  }
  for (const origin of e.CORS_ORIGINS) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`CORS_ORIGINS: "${origin}" is not an origin like https://host:port`);
  }
  if (e.STORAGE_DRIVER === 's3' && !e.S3_BUCKET) problems.push('S3_BUCKET: is required when STORAGE_DRIVER=s3');
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: give both or neither');
  }
  if (e.S3_ENDPOINT && !/^https?:\/\/[^\s]+$/.test(e.S3_ENDPOINT)) problems.push(`S3_ENDPOINT: "${e.S3_ENDPOINT}" is not a URL like https://host:port`);
  if (problems.length > 0) throw new ConfigError(problems);

  const secret = e.SESSION_SECRET ?? developmentSecret(dataDir);
  const fieldKey = e.FIELD_ENCRYPTION_KEY ?? developmentSecret(dataDir, 'field-encryption-key');
  const connection = dbConnection(e);
  const seedDemo = e.SEED_DEMO === undefined ? !isProduction : ['true', '1', 'yes'].includes(e.SEED_DEMO);

  const config: Config = {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(cwd, e.WEB_DIST_DIR) : undefined,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    dataDir,
    seedDemo: seedDemo && !isProduction,
    db: {
      connection,
      migrationConnection: migrationConnection(e, connection),
      ssl: e.DB_SSL,
      poolMax: e.DB_POOL_MAX,
      connectionTimeoutMs: e.DB_CONNECTION_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      slowQueryWarnMs: e.DB_SLOW_QUERY_WARN_MS,
      slowQueryErrorMs: e.DB_SLOW_QUERY_ERROR_MS,
      applicationName: e.DB_APPLICATION_NAME,
      namedStatements: e.DB_NAMED_STATEMENTS,
      migrateOnBoot: e.MIGRATE_ON_BOOT,
      embeddedPort: e.EMBEDDED_PG_PORT,
    },
    session: {
      secrets: [secret, ...e.SESSION_SECRET_PREVIOUS],
      cookieName: e.SESSION_COOKIE_NAME,
      idleMinutes: {
        staff: e.SESSION_IDLE_MINUTES_STAFF,
        worker: e.SESSION_IDLE_MINUTES_WORKER,
        client: e.SESSION_IDLE_MINUTES_CLIENT,
      },
      absoluteHours: {
        staff: e.SESSION_ABSOLUTE_HOURS_STAFF,
        worker: e.SESSION_ABSOLUTE_HOURS_WORKER,
        client: e.SESSION_ABSOLUTE_HOURS_CLIENT,
      },
      pruneIntervalSeconds: e.SESSION_PRUNE_INTERVAL_SECONDS,
      cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    },
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    docsEnabled: e.DOCS_ENABLED,
    bodyLimitKb: e.BODY_LIMIT_KB,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    readyzDbTimeoutMs: e.READYZ_DB_TIMEOUT_MS,
    metrics: { enabled: e.METRICS_ENABLED, token: e.METRICS_TOKEN, allowIps: e.METRICS_ALLOW_IPS },
    rateLimit: {
      loginAccountMax: e.RATE_LIMIT_LOGIN_ACCOUNT_MAX,
      loginIpMax: e.RATE_LIMIT_LOGIN_IP_MAX,
      loginWindowSeconds: e.RATE_LIMIT_LOGIN_WINDOW_MINUTES * 60,
      failOpen: e.RATE_LIMIT_FAIL_OPEN,
      api: { max: e.RATE_LIMIT_API_MAX, windowSeconds: e.RATE_LIMIT_API_WINDOW_SECONDS, exemptLoopback: !isProduction },
      // Shared report links (issue 20 §5) answer anyone who holds a link: counted for every address, loopback too.
      sharedReport: { max: e.RATE_LIMIT_SHARED_REPORT_MAX, windowSeconds: Math.ceil(e.RATE_LIMIT_SHARED_REPORT_WINDOW_MS / 1000), exemptLoopback: false },
    },
    argon2: { memoryCost: e.ARGON2_MEMORY_KIB, timeCost: e.ARGON2_TIME_COST, parallelism: e.ARGON2_PARALLELISM },
    idempotencyTtlHours: e.IDEMPOTENCY_TTL_HOURS,
    fieldEncryption: { key: fieldKey, previousKeys: e.FIELD_ENCRYPTION_KEY_PREVIOUS },
    appBaseUrl: e.APP_BASE_URL.replace(/\/+$/, ''),
    mail: {
      smtp: e.SMTP_HOST
        ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD }
        : null,
      from: e.MAIL_FROM,
      devDir: !e.SMTP_HOST && !isProduction && e.MAIL_DEV_FILES ? path.join(dataDir, 'mail') : null,
    },
    jobs: { enabled: e.JOBS_ENABLED },
    calendars: { allowPrivateAddresses: e.CALENDAR_ALLOW_PRIVATE_ADDRESSES, timeoutMs: e.CALENDAR_FETCH_TIMEOUT_MS, maxBytes: e.CALENDAR_MAX_BYTES },
    push: {
      vapid: e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY && e.VAPID_SUBJECT ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT } : null,
      allowLocalEndpoints: e.PUSH_ALLOW_LOCAL_ENDPOINTS,
      timeoutMs: e.PUSH_TIMEOUT_MS,
    },
    passwordReset: {
      emailTtlMinutes: e.PASSWORD_RESET_EMAIL_TTL_MINUTES,
      linkTtlHours: e.PASSWORD_RESET_LINK_TTL_HOURS,
      rateLimitMax: e.RATE_LIMIT_PASSWORD_RESET_MAX,
      rateLimitWindowSeconds: e.RATE_LIMIT_PASSWORD_RESET_WINDOW_MINUTES * 60,
    },
    photos: {
      tmpDir: path.resolve(cwd, e.UPLOAD_TMP_DIR ?? os.tmpdir()),
      storage:
        e.STORAGE_DRIVER === 's3'
          ? {
              driver: 's3',
              s3: {
                endpoint: e.S3_ENDPOINT,
                region: e.S3_REGION,
                bucket: e.S3_BUCKET!,
                accessKeyId: e.S3_ACCESS_KEY_ID,
                secretAccessKey: e.S3_SECRET_ACCESS_KEY,
                forcePathStyle: e.S3_FORCE_PATH_STYLE,
              },
            }
          : { driver: 'local', dir: path.resolve(cwd, e.UPLOADS_DIR) },
      imageConcurrency: e.PHOTO_IMAGE_CONCURRENCY,
      maxInputPixels: e.PHOTO_MAX_INPUT_PIXELS,
    },
  };
  return Object.freeze(config);
}
