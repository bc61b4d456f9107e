import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { badRequest, conflict, notFound } from '../../lib/app-error.js';
import type { PushPublicKeyDto, PushSubscriptionDto, PushSubscriptionInputDto } from '../../contracts/push.js';
import type { NotificationChannel } from '../notifications/channels.js';
import type { JobSender } from '../notifications/notifications.service.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import { audienceOf, DEFAULT_BRAND, renderNotification, type Audience, type Brand, type NotificationType } from '../notifications/templates.js';
import type { PushRepository } from './push.repository.js';
import { isLoopbackHost, PushNetworkError, type PushSend } from './push-sender.js';

export const PUSH_DELIVER_JOB = 'push-deliver';
export const PUSH_MAX_ATTEMPTS = 5;
/**
 * Devices per account: every push fans out to each, so a client stuck subscribing again and again (or a
 * script) cannot make one notification into thousands of requests. A new device beyond this replaces the
 * one refreshed longest ago (it subscribes again when its owner switches notifications on there).
 */
export const PUSH_DEVICES_PER_USER = 10;

/**
 * Which types are pushed, to whom (staff and workers only: clients have no push), and whether it is the
 * recipient's choice (`default`) or always (`always`: an urgent ticket must reach someone not looking at
 * the app). The types themselves know nothing of push: this table is the push channel's own rule.
 */
export const PUSH_POLICY: Partial<Record<NotificationType, { audience: readonly Audience[]; default: boolean | 'always' }>> = {
  ticket_urgent: { audience: ['staff'], default: 'always' },
  ticket_created: { audience: ['staff'], default: true },
  request_created: { audience: ['staff'], default: true },
  message_received: { audience: ['staff', 'worker'], default: true },
  job_changed: { audience: ['worker'], default: true },
  'cleaning.assigned': { audience: ['worker'], default: true },
  'turnover.cancelled': { audience: ['staff', 'worker'], default: true },
};

const SHELL_BASE = { master: '/admin', admin: '/admin', worker: '/worker' } as const;

/** The in-app link as the reader's web app opens it: `/app/…` is put under the reader's area. */
export function pushUrl(link: string | null, role: 'master' | 'admin' | 'worker'): string {
  const base = SHELL_BASE[role];
  if (!link || !link.startsWith('/') || link.startsWith('//')) return base;
  if (link === '/app' || link.startsWith('/app/')) return `${base}${link.slice(4)}`;
  return link;
}

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const decodedLength = (value: string) => (B64URL.test(value) ? Buffer.from(value.replace(/=+$/, ''), 'base64url').length : -1);

export interface PushDeps {
  repo: PushRepository;
  notificationsRepo: NotificationsRepository;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** null: push is not configured (no VAPID keys); the API says so and nothing is pushed. */
  publicKey: string | null;
  send: PushSend | null;
  allowLocalEndpoints: boolean;
  jobs?: JobSender | undefined;
  brand?: () => Promise<Brand>;
  /** How long a claimed push is held for its sender: longer than the send's own timeout. */
  leaseMs?: number;
}

/**
 * Web push for staff and workers: subscriptions per device, a notification channel that records one push
 * per subscription in the caller's transaction, and delivery by the job queue (`push-deliver`) with retries.
 */
export function createPushService({ repo, notificationsRepo, db, clock, logger, publicKey, send, allowLocalEndpoints, jobs, brand, leaseMs = 120_000 }: PushDeps) {
  const enabled = publicKey !== null && send !== null;

  function requireEnabled(): string {
    if (!publicKey) throw conflict('PUSH_NOT_CONFIGURED', 'Web push is not configured on this server (no VAPID keys).');
    return publicKey;
  }

  /** An https URL without credentials (http only to this machine when local endpoints are allowed). */
  function checkEndpoint(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw badRequest('PUSH_ENDPOINT_INVALID', 'The push endpoint is not a URL.', [{ path: 'body.endpoint', code: 'PUSH_ENDPOINT_INVALID', message: 'not a URL' }]);
    }
    const localHttp = url.protocol === 'http:' && allowLocalEndpoints && isLoopbackHost(url.hostname);
    if ((url.protocol !== 'https:' && !localHttp) || url.username || url.password || url.hash) {
      throw badRequest('PUSH_ENDPOINT_INVALID', 'The push endpoint must be an https address without credentials.', [
        { path: 'body.endpoint', code: 'PUSH_ENDPOINT_INVALID', message: 'must be an https URL' },
      ]);
    }
    return url.toString();
  }

  function checkKeys(keys: { p256dh: string; auth: string }): void {
    const details = [];
    if (decodedLength(keys.p256dh) !== 65 || Buffer.from(keys.p256dh.replace(/=+$/, ''), 'base64url')[0] !== 4) {
      details.push({ path: 'body.keys.p256dh', code: 'PUSH_KEYS_INVALID', message: 'must be the browser’s P-256 public key (65 bytes, URL-safe base64)' });
    }
    if (decodedLength(keys.auth) !== 16) details.push({ path: 'body.keys.auth', code: 'PUSH_KEYS_INVALID', message: 'must be the browser’s 16-byte auth secret (URL-safe base64)' });
    if (details.length > 0) throw badRequest('PUSH_KEYS_INVALID', 'The subscription keys are not the ones a browser gives.', details);
  }

  async function render(row: { type: string; params: unknown; link: string | null; role: 'master' | 'admin' | 'worker'; locale: 'pt' | 'en' }) {
    const b = brand ? await brand() : DEFAULT_BRAND;
    const { title, body } = renderNotification(row.type, row.params, row.locale, b);
    // The same title, text and link as the in-app notification: nothing more leaves the server.
    return JSON.stringify({ title, body, url: pushUrl(row.link, row.role), tag: row.type });
  }

  const channel: NotificationChannel = {
    name: 'push',
    async applies(q: Queryable, to, type) {
      const rule = PUSH_POLICY[type];
      if (!enabled || !rule || to.type !== 'user') return false;
      const { rows } = await q.query<{ role: 'master' | 'admin' | 'worker'; is_active: boolean }>(`SELECT role, is_active FROM users WHERE id = $1`, [to.id]);
      const user = rows[0];
      if (!user?.is_active || !rule.audience.includes(audienceOf(user.role))) return false;
      if (rule.default === 'always') return true;
      return (await notificationsRepo.pushPreference(q, to.id, type)) ?? rule.default;
    },
    async deliver(q, m) {
      const ids: number[] = [];
      for (const subscriptionId of await repo.idsFor(q, m.to.id)) ids.push(await repo.insertOutbox(q, subscriptionId, m.type, m.params, m.link, m.at));
      return ids;
    },
    async dispatch(ids) {
      if (!jobs) return;
      for (const pushId of ids) {
        await jobs
          .send(PUSH_DELIVER_JOB, { pushId }, { singletonKey: `push-${pushId}` })
          .catch((err: unknown) => logger.warn({ err, pushId }, '⚠️ Could not queue a push now; the sweep will retry'));
      }
    },
    choices: (audience) =>
      (Object.entries(PUSH_POLICY) as Array<[NotificationType, { audience: readonly Audience[]; default: boolean | 'always' }]>)
        .filter(([, rule]) => rule.default !== 'always' && rule.audience.includes(audience))
        .map(([type, rule]) => ({ type, default: rule.default === true })),
  };

  const service = {
    enabled,
    channel,

    publicKey(userId: number): Promise<PushPublicKeyDto> {
      const key = requireEnabled();
      return repo.countFor(userId).then((subscriptions) => ({ publicKey: key, subscriptions }));
    },

    async subscribe(userId: number, input: PushSubscriptionInputDto, userAgent: string | null): Promise<PushSubscriptionDto> {
      requireEnabled();
      const endpoint = checkEndpoint(input.endpoint);
      checkKeys(input.keys);
      const { row, created, replaced } = await db.transaction(async (tx) => {
        const upserted = await repo.upsert(tx, userId, { endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent: userAgent?.slice(0, 300) ?? null }, clock.now());
        return { ...upserted, replaced: await repo.keepNewest(tx, userId, PUSH_DEVICES_PER_USER) };
      });
      logger.info({ userId, subscriptionId: row.id, created, replaced }, created ? '✅ Push subscription added' : 'Push subscription refreshed');
      return { id: row.id, endpoint: row.endpoint, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
    },

    async unsubscribe(userId: number, endpoint: string): Promise<void> {
      if (!(await repo.deleteOwn(userId, endpoint))) throw notFound('No such push subscription of yours.');
      logger.info({ userId }, 'Push subscription removed');
    },

    /**
     * Sends one recorded push (the job handler). The push is claimed for a lease, sent with no database
     * connection held (a slow push service must not hold a pooled connection for its whole answer), and the
     * outcome recorded after. 2xx: done. 404/410: the subscription has expired and is removed. Network
     * failures, 429 and 5xx are recorded and rethrown so the queue retries with backoff; any other answer (a
     * bad request, wrong keys) would fail again and is given up at once.
     */
    async deliver(pushId: number): Promise<'sent' | 'gone' | 'failed' | 'skipped'> {
      if (!send) return 'skipped';
      const now = clock.now();
      const row = await repo.claim(pushId, now, new Date(now.getTime() + leaseMs));
      if (!row) return 'skipped';
      if (!row.is_active) {
        await repo.discard(db, row.id);
        return 'skipped';
      }
      const payload = await render(row);
      const urgency = row.type === 'ticket_urgent' ? 'high' : 'normal';
      const failed = async (message: string, retryable: boolean, status?: number) => {
        const final = !retryable || row.attempts + 1 >= PUSH_MAX_ATTEMPTS;
        await repo.failed(db, row.id, message, final);
        logger.warn({ pushId: row.id, status, attempt: row.attempts + 1, final }, `⚠️ Push delivery failed${final ? ' (giving up)' : ''}: ${message}`);
        if (!final) throw new Error(message);
        return 'failed' as const;
      };
      let answer;
      try {
        answer = await send({ endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } }, payload, urgency);
      } catch (err) {
        return failed(err instanceof PushNetworkError ? err.message : String((err as Error).message ?? err), true);
      }
      if (answer.status >= 200 && answer.status < 300) {
        await db.transaction((tx) => repo.delivered(tx, row, clock.now()));
        logger.info({ pushId: row.id, type: row.type }, `✅ Push sent (${row.type})`);
        return 'sent';
      }
      if (answer.status === 404 || answer.status === 410) {
        await repo.dropSubscription(db, row.subscription_id);
        logger.info({ pushId: row.id, subscriptionId: row.subscription_id, status: answer.status }, 'Push subscription expired; removed');
        return 'gone';
      }
      const message = `push service answered ${answer.status}${answer.body ? `: ${answer.body}` : ''}`;
      return failed(message, answer.status === 429 || answer.status >= 500, answer.status);
    },

    /** Pushes still pending after a while (queued before a crash, or never queued): queue them again. */
    async sweep(olderThanMs = 60_000): Promise<number> {
      if (!enabled) return 0;
      const ids = await repo.pendingIds(new Date(clock.now().getTime() - olderThanMs), clock.now());
      if (ids.length > 0) await channel.dispatch!(ids);
      return ids.length;
    },
  };
  return service;
}

export type PushService = ReturnType<typeof createPushService>;
