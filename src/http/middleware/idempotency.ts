import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Db } from '../../db/pool.js';
import { AppError } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';

const KEY = /^[A-Za-z0-9._:-]{8,255}$/;

/**
 * `Idempotency-Key` on POST (PRODUCT §6): the first response to a (caller, key) is stored and returned
 * to every retry, so a phone on a bad network or a double click acts once. A retry that arrives while
 * the first is still running gets 409; the same key with a different request gets 422. Server errors are
 * not stored, so a retry after a 5xx runs again.
 */
export function idempotency(db: Db, logger: Logger, excluded: RegExp[] = []): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || key === undefined || excluded.some((p) => p.test(req.path))) return next();
    if (!KEY.test(key)) {
      throw new AppError(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 8–255 characters of letters, digits and . _ : -');
    }
    // Unauthenticated calls are refused by the route itself; they get no replay store.
    if (!req.actor) return next();
    const scope = `${req.actor.type}:${req.actor.id}`;
    const hash = crypto
      .createHash('sha256')
      .update(`${req.method} ${req.originalUrl.split('?')[0]} ${JSON.stringify(req.body ?? null)}`)
      .digest('hex');

    const inserted = await db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (inserted.rowCount === 0) {
      const { rows } = await db.query<{ request_hash: string; state: string; status_code: number | null; response_body: unknown }>(
        `SELECT request_hash, state, status_code, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      const previous = rows[0];
      if (!previous) return next();
      if (previous.request_hash !== hash) {
        throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
      }
      if (previous.state !== 'completed') {
        throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'The first request with this Idempotency-Key is still being processed.', undefined, {
          'Retry-After': '1',
        });
      }
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(previous.status_code ?? 200).json(previous.response_body);
      return;
    }

    const send = res.json.bind(res);
    const complete = (status: number, value: unknown) =>
      db
        .query(
          `UPDATE idempotency_keys SET state = 'completed', status_code = $3, response_body = $4, completed_at = now()
           WHERE scope = $1 AND key = $2`,
          [scope, key, status, JSON.stringify(value ?? null)],
        )
        .catch((err: unknown) => logger.error({ err }, '❌ Could not record the idempotent response'));
    let recorded = false;
    res.json = (value: unknown) => {
      if (res.statusCode >= 500) return send(value);
      // Recorded before the answer leaves: a client that retries the moment it has the answer (a double
      // submit, a replayed request) finds it completed and gets the replay, never a 409 "in progress".
      recorded = true;
      void complete(res.statusCode, value).then(() => send(value));
      return res;
    };
    res.on('finish', () => {
      if (recorded) return;
      // Answers sent without a JSON body (204) are recorded as they finish; server errors free the key.
      const store =
        res.statusCode < 500
          ? complete(res.statusCode, null)
          : db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]);
      store.catch((err: unknown) => logger.error({ err }, '❌ Could not release the Idempotency-Key'));
    });
    res.on('close', () => {
      if (!res.writableFinished) {
        db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_progress'`, [scope, key]).catch(
          (err: unknown) => logger.error({ err }, '❌ Could not release an abandoned Idempotency-Key'),
        );
      }
    });
    next();
  };
}
