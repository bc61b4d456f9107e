import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { badRequest, notFound } from '../../lib/app-error.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { NotificationDto, NotificationPreferencesDto, NotificationPreferencesInputDto } from '../../contracts/notifications.js';
import type { NotificationRow, NotificationsRepository, Recipient } from './notifications.repository.js';
import type { MailAttachment, MailTransport } from './mail-transport.js';
import type { ChannelMessage, ChoiceField, NotificationChannel } from './channels.js';
import { DEFAULT_BRAND, DIGEST_WINDOW_MS, renderDigest, renderEmail, renderNotification, templateOf, TEMPLATES, isKnownType, type Audience, type Brand, type NotificationType, type ParamsOf } from './templates.js';

export type { Recipient };

/** Puts work on the job queue; absent in tests and tools, where the periodic sweep (or the test) delivers. */
export interface JobSender {
  send(name: string, data: object, options?: { singletonKey?: string }): Promise<void>;
}

export const MAIL_DELIVER_JOB = 'mail-deliver';
export const MAIL_MAX_ATTEMPTS = 6;
const SECRET_CONTEXT = 'mail_outbox.secret_params';

export interface NotifyInput<T extends NotificationType> {
  to: Recipient;
  type: T;
  params: ParamsOf<T>;
  link?: string | null;
  /** E-mail-only values (a temporary password, a reset link): encrypted in the outbox, erased once sent. */
  secrets?: Record<string, string>;
}

/**
 * Files a type of e-mail carries (a statement's PDF), made when the mail is sent from what the outbox
 * row holds, so the outbox keeps parameters only and a retry sends the same file again.
 */
export type AttachmentSource = (mail: { clientId: number | null; userId: number | null; params: Record<string, unknown> }) => Promise<MailAttachment[]>;

export interface NotifyResult {
  /** The in-app notification (the `in_app` channel). */
  notificationId: number | null;
  /** The e-mail outbox row (the `email` channel). */
  outboxId: number | null;
  /** What each channel recorded, by channel name; `dispatch` queues it after commit. */
  deliveries?: Record<string, number[]>;
}

/** The types whose e-mail an account of this audience may switch on or off, in registry order. */
export function configurableTypes(audience: Audience): NotificationType[] {
  return (Object.keys(TEMPLATES) as NotificationType[]).filter((type) => {
    const t = templateOf(type);
    return t.email && t.emailDefault !== undefined && t.audience.includes(audience);
  });
}

function toDto(row: NotificationRow, locale: 'pt' | 'en', brand: Brand): NotificationDto {
  const rendered = renderNotification(row.type, row.params, locale, brand);
  return {
    id: row.id,
    type: row.type,
    params: row.params,
    title: rendered.title,
    body: rendered.body,
    link: row.link,
    readAt: row.read_at ? row.read_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

export interface NotificationsDeps {
  repo: NotificationsRepository;
  db: Db;
  clock: Clock;
  logger: Logger;
  cipher: FieldCipher;
  transport: MailTransport | null;
  jobs?: JobSender | undefined;
  /** The business's name and contact details for the texts and the e-mail footer (the built-in name when absent). */
  brand?: () => Promise<Brand>;
}

/**
 * Notifications are stored as a type and parameters and rendered in the reader's language when read
 * (or when mailed). E-mail goes through an outbox written in the caller's transaction and delivered
 * by the job queue with retries — never inside the request.
 */
export function createNotificationsService({ repo, db, clock, logger, cipher, transport, jobs, brand: readBrand }: NotificationsDeps) {
  const attachmentSources = new Map<string, AttachmentSource>();
  const brand = async () => (readBrand ? readBrand() : DEFAULT_BRAND);

  /** Whether the recipient gets this type by e-mail: their stored choice, else the type's default; always for types without a choice. */
  async function wantsEmail(q: Queryable, to: Recipient, type: NotificationType): Promise<boolean> {
    const t = templateOf(type);
    if (!t.email) return false;
    if (t.emailDefault === undefined) return true;
    return (await repo.emailPreference(q, to, type)) ?? t.emailDefault;
  }

  /** The bell: every type stored with `inApp`, for everyone; nobody can switch it off. */
  const inAppChannel: NotificationChannel = {
    name: 'in_app',
    applies: async (_q, _to, type) => templateOf(type).inApp,
    deliver: async (q, m) => [await repo.insert(q, m.to, m.type, m.params, m.link, m.at)],
  };

  /** E-mail through the outbox (a digest for digestible types), delivered by the `mail-deliver` job. */
  const emailChannel: NotificationChannel = {
    name: 'email',
    applies: async (q, to, type) => transport !== null && (await wantsEmail(q, to, type)),
    async deliver(q, m) {
      const contact = await repo.recipientContact(q, m.to);
      if (!contact?.email) return [];
      if (templateOf(m.type).digest && !m.secrets) {
        return [await repo.upsertDigest(q, m.to, contact.email, m.type, m.params, m.at, new Date(m.at.getTime() + DIGEST_WINDOW_MS))];
      }
      const secretEnc = m.secrets ? cipher.encrypt(JSON.stringify(m.secrets), SECRET_CONTEXT) : null;
      return [await repo.insertOutbox(q, m.to, contact.email, m.type, m.params, secretEnc, m.at)];
    },
    async dispatch(ids) {
      if (!jobs) return;
      for (const outboxId of ids) {
        await jobs
          .send(MAIL_DELIVER_JOB, { outboxId }, { singletonKey: `mail-${outboxId}` })
          .catch((err: unknown) => logger.warn({ err, outboxId }, '⚠️ Could not queue an e-mail now; the sweep will retry'));
      }
    },
  };

  const channels: NotificationChannel[] = [inAppChannel, emailChannel];

  /** The per-type choices other channels offer this audience (web push), by their stored field. */
  function channelChoices(audience: Audience): Map<ChoiceField, Array<{ type: NotificationType; default: boolean }>> {
    const out = new Map<ChoiceField, Array<{ type: NotificationType; default: boolean }>>();
    for (const c of channels) {
      if (c.choices && c.name === 'push') out.set(c.name, c.choices(audience));
    }
    return out;
  }

  async function preferences(who: Recipient, audience: Audience, q: Queryable = db): Promise<NotificationPreferencesDto> {
    const stored = await repo.preferences(q, who);
    const pushChoices = channelChoices(audience).get('push') ?? [];
    return {
      items: configurableTypes(audience).map((type) => {
        const emailDefault = templateOf(type).emailDefault!;
        return { type, email: stored.get(type)?.email ?? emailDefault, emailDefault };
      }),
      push: pushChoices.map((c) => ({ type: c.type, push: stored.get(c.type)?.push ?? c.default, pushDefault: c.default })),
    };
  }

  const service = {
    mailEnabled: transport !== null,

    /** The modules that own a document register how to attach it to their type of e-mail. */
    attachTo(type: NotificationType, source: AttachmentSource): void {
      attachmentSources.set(type, source);
    },

    /** Call inside the transaction of the change that causes the notification; then `dispatch` after commit. */
    async notify<T extends NotificationType>(tx: Queryable, input: NotifyInput<T>): Promise<NotifyResult> {
      const message: ChannelMessage = {
        to: input.to,
        type: input.type,
        params: templateOf(input.type).params.parse(input.params),
        link: input.link ?? null,
        at: clock.now(),
        secrets: input.secrets,
      };
      const deliveries: Record<string, number[]> = {};
      for (const channel of channels) {
        if (!(await channel.applies(tx, input.to, input.type))) continue;
        const ids = await channel.deliver(tx, message);
        if (ids.length > 0) deliveries[channel.name] = ids;
      }
      return { notificationId: deliveries.in_app?.[0] ?? null, outboxId: deliveries.email?.[0] ?? null, deliveries };
    },

    /** Adds a channel after in-app and e-mail (web push; later SMS or WhatsApp). The types do not change. */
    addChannel(channel: NotificationChannel): void {
      if (channels.some((c) => c.name === channel.name)) throw new Error(`notification channel ${channel.name} is already registered`);
      channels.push(channel);
    },

    wantsEmail,
    preferences,

    /** Stores the account's e-mail and push choices; a type that is not a choice for its audience is refused as a whole. */
    async setPreferences(who: Recipient, audience: Audience, input: NotificationPreferencesInputDto): Promise<NotificationPreferencesDto> {
      const allowed: Record<ChoiceField, Set<string>> = {
        email: new Set<string>(configurableTypes(audience)),
        push: new Set<string>((channelChoices(audience).get('push') ?? []).map((c) => c.type)),
      };
      const given: Array<[ChoiceField, Record<string, boolean>]> = [
        ['email', input.email ?? {}],
        ['push', input.push ?? {}],
      ];
      const unknown = given.flatMap(([field, choices]) => Object.keys(choices).filter((type) => !allowed[field].has(type)).map((type) => ({ field, type })));
      if (unknown.length > 0) {
        throw badRequest(
          'UNKNOWN_NOTIFICATION_TYPE',
          `Not a notification type you can choose for that channel: ${unknown.map((u) => `${u.field}.${u.type}`).join(', ')}.`,
          unknown.map(({ field, type }) => ({ path: `body.${field}.${type}`, code: 'UNKNOWN_NOTIFICATION_TYPE', message: isKnownType(type) ? 'not a choice for this account' : 'no such type' })),
        );
      }
      const at = clock.now();
      return db.transaction(async (tx) => {
        for (const [field, choices] of given) {
          for (const [type, on] of Object.entries(choices)) await repo.setPreference(tx, who, type, field, on, at);
        }
        return preferences(who, audience, tx);
      });
    },

    /** The same notification to every active master and admin (but `except`, the one who caused it). */
    async notifyStaff<T extends NotificationType>(tx: Queryable, input: Omit<NotifyInput<T>, 'to'>, except?: number): Promise<NotifyResult[]> {
      const sent: NotifyResult[] = [];
      for (const id of await repo.activeStaffIds(tx)) {
        if (id !== except) sent.push(await service.notify(tx, { ...input, to: { type: 'user', id } } as NotifyInput<T>));
      }
      return sent;
    },

    /** After commit: queue what each channel recorded (the sweeps would find it within a minute anyway). */
    async dispatch(results: Array<NotifyResult | null | undefined>): Promise<void> {
      for (const channel of channels) {
        if (!channel.dispatch) continue;
        const ids = results.flatMap((r) => (r ? (r.deliveries?.[channel.name] ?? (channel.name === 'email' && r.outboxId ? [r.outboxId] : [])) : []));
        if (ids.length > 0) await channel.dispatch(ids);
      }
    },

    async list(who: Recipient, locale: 'pt' | 'en', unreadOnly: boolean, page: PageInput) {
      const b = await brand();
      return mapPage(await repo.list(who, unreadOnly, page), (row) => toDto(row, locale, b));
    },

    unreadCount: (who: Recipient) => repo.unreadCount(who),

    async markRead(who: Recipient, locale: 'pt' | 'en', id: number): Promise<NotificationDto> {
      const row = await repo.markRead(who, id, clock.now());
      if (!row) throw notFound('No such notification.');
      return toDto(row, locale, await brand());
    },

    markAllRead: (who: Recipient) => repo.markAllRead(who, clock.now()),

    /**
     * Delivers one outbox mail (the job handler). The row stays locked while sending, so two workers
     * never send the same mail; a failure is recorded and rethrown so the queue retries with backoff.
     */
    async deliver(outboxId: number): Promise<'sent' | 'skipped'> {
      if (!transport) return 'skipped';
      let failure: Error | undefined;
      const outcome = await db.transaction(async (tx) => {
        const mail = await repo.claimOutbox(tx, outboxId, clock.now());
        if (!mail) return 'skipped' as const;
        try {
          const secrets = mail.secret_params_enc ? (JSON.parse(cipher.decrypt(mail.secret_params_enc, SECRET_CONTEXT)) as Record<string, string>) : {};
          const b = await brand();
          const rendered = mail.digest && mail.digest.length > 1 ? renderDigest(mail.digest, mail.locale, b) : renderEmail(mail.type, mail.params, mail.locale, secrets, b);
          if (!rendered) throw new Error(`no e-mail template for ${mail.type}`);
          const source = attachmentSources.get(mail.type);
          const attachments = source ? await source({ clientId: mail.client_id, userId: mail.user_id, params: mail.params }) : undefined;
          await transport.send(mail.id, { to: mail.to_address, ...rendered, attachments });
          await repo.outboxSent(tx, mail.id, clock.now());
          logger.info({ outboxId: mail.id, type: mail.type }, `✅ E-mail sent (${mail.type})`);
          return 'sent' as const;
        } catch (err) {
          failure = err as Error;
          const final = mail.attempts + 1 >= MAIL_MAX_ATTEMPTS;
          await repo.outboxFailed(tx, mail.id, failure.message ?? String(err), final);
          logger.error({ err, outboxId: mail.id, attempt: mail.attempts + 1, final }, `❌ E-mail delivery failed${final ? ' (giving up)' : ''}: ${failure.message}`);
          return 'skipped' as const;
        }
      });
      if (failure) throw failure;
      return outcome;
    },

    /** Mails still pending after a while (queued before a crash, or never queued): queue them again. */
    async sweep(olderThanMs = 60_000): Promise<number> {
      const ids = await repo.pendingOutboxIds(new Date(clock.now().getTime() - olderThanMs), clock.now());
      await service.dispatch(ids.map((outboxId) => ({ notificationId: null, outboxId })));
      return ids.length;
    },

    // --- GDPR ---------------------------------------------------------------------------------------
    async exportClient(q: Queryable, clientId: number) {
      const [notifications, mail, preferences] = await Promise.all([repo.forClient(q, clientId), repo.outboxForClient(q, clientId), repo.preferencesForClient(q, clientId)]);
      const b = await brand();
      return {
        preferences: preferences.map((p) => ({ type: p.type, email: p.email, updatedAt: p.updated_at.toISOString() })),
        notifications: notifications.map((n) => toDto(n, 'pt', b)),
        emails: mail.map((m) => ({ id: m.id, type: m.type, to: m.to_address, status: m.status, createdAt: m.created_at.toISOString(), sentAt: m.sent_at?.toISOString() ?? null })),
      };
    },

    /** Removes the client's notifications and mail; returns a step to run after commit (local mail copies). */
    async anonymiseClient(tx: Queryable, clientId: number): Promise<() => Promise<void>> {
      await repo.deleteForClient(tx, clientId);
      await repo.deletePreferencesForClient(tx, clientId);
      const ids = await repo.deleteOutboxForClient(tx, clientId);
      return async () => {
        await transport?.forget(ids);
      };
    },
  };
  return service;
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
