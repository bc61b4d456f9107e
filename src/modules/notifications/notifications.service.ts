import type { Db, Queryable } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { FieldCipher } from '../../lib/field-crypto.js';
import { badRequest, notFound } from '../../lib/app-error.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { NotificationDto, NotificationPreferencesDto, NotificationPreferencesInputDto } from '../../contracts/notifications.js';
import type { NotificationRow, NotificationsRepository, Recipient } from './notifications.repository.js';
import type { MailAttachment, MailTransport } from './mail-transport.js';
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
  notificationId: number | null;
  outboxId: number | null;
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

  async function preferences(who: Recipient, audience: Audience, q: Queryable = db): Promise<NotificationPreferencesDto> {
    const stored = await repo.emailPreferences(q, who);
    return {
      items: configurableTypes(audience).map((type) => {
        const emailDefault = templateOf(type).emailDefault!;
        return { type, email: stored.get(type) ?? emailDefault, emailDefault };
      }),
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
      const t = templateOf(input.type);
      const params = t.params.parse(input.params);
      const at = clock.now();
      const notificationId = t.inApp ? await repo.insert(tx, input.to, input.type, params, input.link ?? null, at) : null;
      let outboxId: number | null = null;
      if (t.email && transport && (await wantsEmail(tx, input.to, input.type))) {
        const contact = await repo.recipientContact(tx, input.to);
        if (contact?.email) {
          if (t.digest && !input.secrets) {
            outboxId = await repo.upsertDigest(tx, input.to, contact.email, input.type, params, at, new Date(at.getTime() + DIGEST_WINDOW_MS));
          } else {
            const secretEnc = input.secrets ? cipher.encrypt(JSON.stringify(input.secrets), SECRET_CONTEXT) : null;
            outboxId = await repo.insertOutbox(tx, input.to, contact.email, input.type, params, secretEnc, at);
          }
        }
      }
      return { notificationId, outboxId };
    },

    wantsEmail,
    preferences,

    /** Stores the account's e-mail choices; a type that is not a choice for its audience is refused as a whole. */
    async setPreferences(who: Recipient, audience: Audience, input: NotificationPreferencesInputDto): Promise<NotificationPreferencesDto> {
      const allowed = new Set<string>(configurableTypes(audience));
      const unknown = Object.keys(input.email).filter((type) => !allowed.has(type));
      if (unknown.length > 0) {
        throw badRequest(
          'UNKNOWN_NOTIFICATION_TYPE',
          `Not a notification type whose e-mail you can choose: ${unknown.join(', ')}.`,
          unknown.map((type) => ({ path: `body.email.${type}`, code: 'UNKNOWN_NOTIFICATION_TYPE', message: isKnownType(type) ? 'not a choice for this account' : 'no such type' })),
        );
      }
      const at = clock.now();
      return db.transaction(async (tx) => {
        for (const [type, email] of Object.entries(input.email)) await repo.setEmailPreference(tx, who, type, email, at);
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

    /** After commit: queue the e-mails now (the sweep would find them within a minute anyway). */
    async dispatch(results: Array<NotifyResult | null | undefined>): Promise<void> {
      if (!jobs) return;
      for (const r of results) {
        if (!r?.outboxId) continue;
        await jobs
          .send(MAIL_DELIVER_JOB, { outboxId: r.outboxId }, { singletonKey: `mail-${r.outboxId}` })
          .catch((err: unknown) => logger.warn({ err, outboxId: r.outboxId }, '⚠️ Could not queue an e-mail now; the sweep will retry'));
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
