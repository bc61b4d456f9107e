import { pino, type Logger, type DestinationStream } from 'pino';
import { requestContext } from './request-context.js';

export type { Logger };

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  destination?: DestinationStream;
}

/** Paths that must never reach a log line (ASVS 16.2.5): cookies, credentials, passwords, secrets. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  'newPassword',
  'currentPassword',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.passwordHash',
  '*.password_hash',
  '*.secret',
  '*.token',
];

const KEPT_ERROR_OBJECTS = new Set(['cause', 'aggregateErrors']);

/**
 * pino's error serializer, minus every nested object it would copy from the error's own properties:
 * pg attaches the whole client to an idle connection's error (its connection parameters, password
 * included, and kilobytes of internals), which must never reach a log line. Scalars (code, detail,
 * constraint, routine…) and the cause chain stay.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(serialized)) {
    if (value !== null && typeof value === 'object' && !KEPT_ERROR_OBJECTS.has(key)) delete serialized[key];
  }
  return serialized;
}

/**
 * JSON lines on stdout with the level as an upper-case label, so the runbook's
 * `grep -E "(ERROR|FATAL|❌)"` finds errors; pretty output only in development.
 */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { service: 'lavandaria-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    serializers: { err: serializeError },
    formatters: {
      level: (label: string) => ({ level: label.toUpperCase() }),
    },
    // The correlation id of the request being served goes on every line logged inside it.
    mixin: () => {
      const correlationId = requestContext.correlationId();
      return correlationId ? { correlationId } : {};
    },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    // pino-pretty prints upper-case labels itself and refuses a custom level formatter.
    const { formatters: _ignored, ...prettyBase } = base;
    return pino({
      ...prettyBase,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
      },
    });
  }
  return pino(base);
}
