import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import {
  MESSAGE_MAX_LENGTH,
  MESSAGE_MIN_LENGTH,
  MESSAGES_PER_MINUTE,
  type ThreadDto,
  type ThreadMessageDto,
  type ThreadSubjectValue,
} from '../../contracts/threads.js';
import { ATTACHED_PHOTO_LIMITS, type AttachedPhotoDto } from '../../contracts/attached-photos.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AttachedPhotosService, PreparedPhotos } from '../attachments/attached-photos.service.js';
import type { UploadedFile } from '../photos/photo-files.js';
import type { NotificationsService, NotifyResult, Recipient } from '../notifications/notifications.service.js';
import type { MessageRow, Reader, Scope, SubjectRow, ThreadRow, ThreadsRepository } from './threads.repository.js';

const isStaff = (actor: Actor) => actor.role === 'master' || actor.role === 'admin';
const readerOf = (actor: Actor): Reader => ({ type: actor.type === 'client' ? 'client' : 'user', id: actor.id });
const scopeOf = (actor: Actor): Scope =>
  isStaff(actor) ? { kind: 'staff' } : actor.role === 'client' ? { kind: 'client', clientId: actor.id } : { kind: 'worker', userId: actor.id };

const EXCERPT = 140;
const RATE_WINDOW_MS = 60_000;

/** Where each side opens the thread's page. */
const PAGE_OF: Record<ThreadSubjectValue, string> = { laundry_order: 'laundry', cleaning_job: 'cleaning', request: 'requests' };
const linkFor = (base: '/admin' | '/client' | '/worker', subject: ThreadSubjectValue, id: number) => `${base}/${PAGE_OF[subject]}/${id}`;

/**
 * Where a request's own module plugs in (its table is the requests module's): the request's client and
 * reference number, or undefined when there is no such request.
 */
export type RequestSubjects = (q: Queryable, id: number) => Promise<{ clientId: number; reference: string } | undefined>;

export function createThreadsService({
  db,
  repo,
  clock,
  audit,
  notifications,
  photos,
}: {
  db: Db;
  repo: ThreadsRepository;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationsService;
  photos: AttachedPhotosService;
}) {
  let requests: RequestSubjects | undefined;

  async function subjectOf(q: Queryable, subject: ThreadSubjectValue, id: number): Promise<SubjectRow | undefined> {
    if (subject !== 'request') return repo.subject(q, subject, id);
    const found = await requests?.(q, id);
    return found ? { client_id: found.clientId, reference: found.reference, open: true, worker_ids: [] } : undefined;
  }

  /**
   * The subject as the caller may see it, or 404 — a thread the caller cannot see does not exist for them
   * (PRODUCT §5). Staff see every thread; a client those of their own orders, jobs and requests; a worker
   * the thread of a cleaning job they are on while it is open, and no other.
   */
  async function visibleSubject(q: Queryable, actor: Actor, subject: ThreadSubjectValue, id: number): Promise<SubjectRow> {
    const found = await subjectOf(q, subject, id);
    const visible =
      found &&
      (isStaff(actor) ||
        (actor.role === 'client' && found.client_id === actor.id) ||
        (actor.role === 'worker' && subject === 'cleaning_job' && found.open && found.worker_ids.includes(actor.id)));
    if (!visible) throw notFound('No such conversation.');
    return found;
  }

  function toMessage(m: MessageRow, reader: Reader, attached: AttachedPhotoDto[]): ThreadMessageDto {
    const kind = m.author_client_id !== null ? 'client' : m.author_role === 'worker' ? 'worker' : 'staff';
    const authorId = (m.author_client_id ?? m.author_user_id)!;
    const mine = reader.type === 'client' ? m.author_client_id === reader.id : m.author_user_id === reader.id;
    return { id: m.id, body: m.body, author: { kind, id: authorId, name: m.author_name }, mine, createdAt: m.created_at.toISOString(), photos: attached };
  }

  /** The thread as the reader sees it; workers and clients are not shown the client or the assignee's id. */
  function toThread(t: ThreadRow, actor: Actor): ThreadDto {
    const staff = isStaff(actor);
    const excerpt = t.last_body && t.last_body.length > EXCERPT ? `${t.last_body.slice(0, EXCERPT - 1)}…` : t.last_body;
    return {
      subject: t.subject,
      subjectId: t.subject_id,
      reference: t.reference,
      client: staff ? { id: t.client_id, name: t.client_name } : null,
      assignee: t.assignee_id ? { id: t.assignee_id, name: t.assignee_name ?? '' } : null,
      canWrite: true,
      lastReadMessageId: t.last_read_message_id,
      unreadCount: t.unread_count,
      lastMessage:
        t.last_message_id && t.last_message_at
          ? { id: t.last_message_id, authorName: t.last_author_name ?? '', excerpt: excerpt ?? '', createdAt: t.last_message_at.toISOString() }
          : null,
    };
  }

  /** A subject without a thread yet reads as an empty one. */
  function emptyThread(subject: ThreadSubjectValue, subjectId: number, found: SubjectRow): ThreadDto {
    return { subject, subjectId, reference: found.reference, client: null, assignee: null, canWrite: true, lastReadMessageId: null, unreadCount: 0, lastMessage: null };
  }

  async function current(q: Queryable, actor: Actor, subject: ThreadSubjectValue, subjectId: number, found: SubjectRow): Promise<ThreadDto> {
    const threadId = await repo.threadId(q, subject, subjectId);
    const row = threadId ? await repo.find(q, threadId, readerOf(actor)) : undefined;
    return row ? toThread(row, actor) : emptyThread(subject, subjectId, found);
  }

  /**
   * Who hears of a message (issue 23 §3): the client when anyone else writes; the assignee — or, when
   * there is none, every master and admin — when the client or a worker writes; the workers of an open
   * job when anyone else writes.
   */
  async function recipients(q: Queryable, actor: Actor, threadAssignee: number | null, found: SubjectRow, subject: ThreadSubjectValue, subjectId: number) {
    const out: Array<{ to: Recipient; link: string }> = [];
    if (actor.role !== 'client') out.push({ to: { type: 'client', id: found.client_id }, link: linkFor('/client', subject, subjectId) });
    if (!isStaff(actor)) {
      const staff = threadAssignee && (await repo.activeStaff(q, threadAssignee)) ? [threadAssignee] : await repo.staffIds(q);
      for (const id of staff) out.push({ to: { type: 'user', id }, link: linkFor('/admin', subject, subjectId) });
    }
    if (subject === 'cleaning_job' && found.open) {
      for (const id of await repo.activeUserIds(q, found.worker_ids)) {
        if (actor.type === 'user' && id === actor.id) continue;
        out.push({ to: { type: 'user', id }, link: linkFor('/worker', subject, subjectId) });
      }
    }
    return out;
  }

  /** The message and its photos recorded in one transaction, then the notices sent. */
  async function recordMessage(actor: Actor, subject: ThreadSubjectValue, subjectId: number, body: string, prepared: PreparedPhotos, at: Date): Promise<ThreadMessageDto> {
    const reader = readerOf(actor);
    const { message, attached, notices } = await db.transaction(async (tx) => {
      const found = await visibleSubject(tx, actor, subject, subjectId);
      if ((await repo.sentSince(tx, reader, new Date(at.getTime() - RATE_WINDOW_MS))) >= MESSAGES_PER_MINUTE) {
        throw new AppError(429, 'MESSAGE_RATE_LIMITED', `At most ${MESSAGES_PER_MINUTE} messages a minute. Wait a moment and send again.`, undefined, {
          'Retry-After': '60',
        });
      }
      const threadId = await repo.lockOrCreate(tx, subject, subjectId, found.client_id, at);
      const id = await repo.insertMessage(tx, threadId, reader, body, at);
      const attached = await photos.record(tx, { clientId: found.client_id, messageId: id }, reader, prepared, at);
      // Writing is reading: the author has seen everything up to their own message.
      await repo.markRead(tx, threadId, reader, id);
      const thread = (await repo.find(tx, threadId, reader))!;
      const sent: NotifyResult[] = [];
      for (const r of await recipients(tx, actor, thread.assignee_id, found, subject, subjectId)) {
        sent.push(await notifications.notify(tx, { to: r.to, type: 'message_received', params: { subject, subjectId, reference: found.reference }, link: r.link }));
      }
      return { message: await repo.message(tx, id), attached, notices: sent };
    });
    await notifications.dispatch(notices);
    return toMessage(message, reader, attached);
  }

  /** Whether the caller may read this message: whoever may read its conversation (its photos' rule). */
  async function canReadMessage(q: Queryable, actor: Actor, messageId: number): Promise<boolean> {
    const found = await repo.subjectOfMessage(q, messageId);
    if (!found) return false;
    try {
      await visibleSubject(q, actor, found.subject, found.subject_id);
      return true;
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return false;
      throw err;
    }
  }

  // A message's photos are read by whoever may read the message (anonymisation removes them before the messages).
  photos.setMessageAccess((q, actor, messageId) => canReadMessage(q, actor, messageId));

  return {
    /** The requests module names its requests' clients here once it exists. */
    setRequestSubjects(source: RequestSubjects): void {
      requests = source;
    },

    async get(actor: Actor, subject: ThreadSubjectValue, subjectId: number): Promise<ThreadDto> {
      const found = await visibleSubject(db, actor, subject, subjectId);
      return current(db, actor, subject, subjectId, found);
    },

    async messages(actor: Actor, subject: ThreadSubjectValue, subjectId: number, page: PageInput) {
      await visibleSubject(db, actor, subject, subjectId);
      const threadId = await repo.threadId(db, subject, subjectId);
      const reader = readerOf(actor);
      if (!threadId) return { items: [], page: { total: 0, totalCapped: false, limit: page.limit, offset: page.offset, nextCursor: null } };
      const found = await repo.messages(threadId, page);
      const attached = await photos.ofMessages(db, found.items.map((m) => m.id));
      return mapPage(found, (m) => toMessage(m, reader, attached.get(m.id) ?? []));
    },

    /** Before a photo message's body is read: may the caller write on this conversation? */
    async photoUploadTarget(actor: Actor, subject: ThreadSubjectValue, subjectId: number): Promise<void> {
      await visibleSubject(db, actor, subject, subjectId);
    },

    canReadMessage: (q: Queryable, actor: Actor, messageId: number) => canReadMessage(q, actor, messageId),

    /**
     * Posts a message: plain text, trimmed, within bounds and the author's per-minute allowance; with
     * photos (through the photo pipeline, at most ATTACHED_PHOTO_LIMITS.perMessage) the text may be empty.
     */
    async post(actor: Actor, subject: ThreadSubjectValue, subjectId: number, text: string, uploads: UploadedFile[] = []): Promise<ThreadMessageDto> {
      const body = text.trim();
      if (uploads.length > ATTACHED_PHOTO_LIMITS.perMessage) {
        throw badRequest('BATCH_LIMIT_EXCEEDED', `Send at most ${ATTACHED_PHOTO_LIMITS.perMessage} photos per message.`, { maxFiles: ATTACHED_PHOTO_LIMITS.perMessage });
      }
      if (body.length < MESSAGE_MIN_LENGTH && uploads.length === 0) {
        throw badRequest('MESSAGE_EMPTY', 'Write something before sending.', [{ path: 'body.body', message: 'empty', code: 'MESSAGE_EMPTY' }]);
      }
      if (body.length > MESSAGE_MAX_LENGTH) {
        throw badRequest('MESSAGE_TOO_LONG', `A message has at most ${MESSAGE_MAX_LENGTH} characters.`, [
          { path: 'body.body', message: `at most ${MESSAGE_MAX_LENGTH} characters`, code: 'MESSAGE_TOO_LONG' },
        ]);
      }
      let prepared: PreparedPhotos = [];
      if (uploads.length > 0) {
        await visibleSubject(db, actor, subject, subjectId);
        prepared = await photos.prepare(uploads);
      }
      const at = clock.now();
      try {
        return await recordMessage(actor, subject, subjectId, body, prepared, at);
      } catch (err) {
        if (prepared.length > 0) await photos.discard(prepared, 'message photo upload failed while recording');
        throw err;
      }
    },

    async markRead(actor: Actor, subject: ThreadSubjectValue, subjectId: number, upToMessageId: number): Promise<ThreadDto> {
      const found = await visibleSubject(db, actor, subject, subjectId);
      const threadId = await repo.threadId(db, subject, subjectId);
      if (threadId) await repo.markRead(db, threadId, readerOf(actor), upToMessageId);
      return current(db, actor, subject, subjectId, found);
    },

    /** The caller's threads; `assignedToMe` (staff) keeps those a staff member put in the caller's charge. */
    async list(actor: Actor, unreadOnly: boolean, page: PageInput, assignedToMe = false) {
      const assignee = assignedToMe && isStaff(actor) ? actor.id : undefined;
      return mapPage(await repo.list(readerOf(actor), scopeOf(actor), unreadOnly, page, assignee), (t) => toThread(t, actor));
    },

    unreadCount: (actor: Actor) => repo.unread(db, readerOf(actor), scopeOf(actor)),

    /** The masters and admins a conversation may be put in charge of. */
    assignees: () => repo.staffPeople(db),

    /**
     * Staff put a master or admin in charge of a thread: they, rather than everyone, hear of its messages.
     * Someone put in charge by another is told in-app (`thread_assigned`); taking a thread oneself tells no one.
     */
    async assign(actor: Actor, subject: ThreadSubjectValue, subjectId: number, assigneeId: number | null): Promise<ThreadDto> {
      const at = clock.now();
      const { thread, notices } = await db.transaction(async (tx) => {
        const found = await visibleSubject(tx, actor, subject, subjectId);
        if (assigneeId !== null && !(await repo.activeStaff(tx, assigneeId))) {
          throw badRequest('INVALID_ASSIGNEE', 'The assignee must be an active master or admin.', [
            { path: 'body.assigneeId', message: 'not an active master or admin', code: 'INVALID_ASSIGNEE' },
          ]);
        }
        const threadId = await repo.lockOrCreate(tx, subject, subjectId, found.client_id, at);
        const before = await repo.setAssignee(tx, threadId, assigneeId);
        await audit.record(tx, {
          action: 'assign',
          entity: 'thread',
          entityId: threadId,
          before: { assigneeId: before },
          after: { assigneeId },
          valueFields: ['assigneeId'],
        });
        const sent: NotifyResult[] = [];
        if (assigneeId !== null && assigneeId !== before && !(actor.type === 'user' && assigneeId === actor.id)) {
          sent.push(
            await notifications.notify(tx, {
              to: { type: 'user', id: assigneeId },
              type: 'thread_assigned',
              params: { subject, subjectId, reference: found.reference, by: await repo.userName(tx, actor.id) },
              link: linkFor('/admin', subject, subjectId),
            }),
          );
        }
        return { thread: toThread((await repo.find(tx, threadId, readerOf(actor)))!, actor), notices: sent };
      });
      await notifications.dispatch(notices);
      return thread;
    },

    // --- GDPR ---------------------------------------------------------------------------------------
    async exportClient(q: Queryable, clientId: number) {
      const rows = await repo.forClient(q, clientId);
      return rows.map((m) => ({
        subject: m.subject,
        subjectId: m.subject_id,
        messageId: m.id,
        from: m.by_client ? 'client' : 'staff',
        authorName: m.author_name,
        body: m.body,
        photoIds: m.photo_ids,
        createdAt: m.created_at.toISOString(),
      }));
    },

    async anonymiseClient(tx: Queryable, clientId: number): Promise<void> {
      await repo.deleteForClient(tx, clientId);
    },
  };
}

export type ThreadsService = ReturnType<typeof createThreadsService>;
