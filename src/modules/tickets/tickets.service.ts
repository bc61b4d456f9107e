import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { CreateTicketInput, TicketCommentDto, TicketDto, UpdateTicketInput } from '../../contracts/tickets.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService, NotifyResult } from '../notifications/notifications.service.js';
import type { CommentRow, TicketFilters, TicketRow, TicketsRepository } from './tickets.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: number | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

function toComment(c: CommentRow): TicketCommentDto {
  return { id: c.id, author: { id: c.author_id, name: c.author_name }, body: c.body, createdAt: c.created_at.toISOString() };
}

function toDto(t: TicketRow, comments?: CommentRow[]): TicketDto {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    priority: t.priority,
    status: t.status,
    createdBy: { id: t.created_by, name: t.created_by_name },
    assignee: person(t.assigned_to, t.assignee_name),
    laundryOrder: t.laundry_order_id ? { id: t.laundry_order_id, orderNumber: t.order_number ?? '' } : null,
    cleaningJobId: t.cleaning_job_id,
    resolvedAt: iso(t.resolved_at),
    resolvedBy: person(t.resolved_by, t.resolved_by_name),
    resolution: t.resolution,
    closedAt: iso(t.closed_at),
    closedBy: person(t.closed_by, t.closed_by_name),
    commentCount: t.comment_count,
    version: t.version,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
    ...(comments ? { comments: comments.map(toComment) } : {}),
  };
}

/** Statuses, priority, assignee and links may be kept in the audit log; titles and texts are named only. */
const VALUE_FIELDS = ['status', 'priority', 'assigneeId', 'laundryOrderId', 'cleaningJobId', 'resolvedAt', 'closedAt'] as const;
const auditView = (t: TicketRow) => ({
  status: t.status,
  priority: t.priority,
  assigneeId: t.assigned_to,
  laundryOrderId: t.laundry_order_id,
  cleaningJobId: t.cleaning_job_id,
  resolvedAt: iso(t.resolved_at),
  closedAt: iso(t.closed_at),
  title: t.title,
  description: t.description,
  resolution: t.resolution,
});

const isAdmin = (actor: Actor) => actor.role === 'master' || actor.role === 'admin';
const staleVersion = () => new AppError(409, 'STALE_VERSION', 'This ticket was changed by someone else. Reload it and try again.');

export interface TicketsDeps {
  db: Db;
  repo: TicketsRepository;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationsService;
}

export function createTicketsService({ db, repo, clock, audit, notifications }: TicketsDeps) {
  /**
   * Masters and admins hear of a new ticket, or of one raised to urgent (never the person who did it):
   * an urgent one as `ticket_urgent`, always e-mailed too; any other as `ticket_created`.
   */
  function announce(tx: Queryable, actor: Actor, row: TicketRow): Promise<NotifyResult[]> {
    const link = `/app/tickets/${row.id}`;
    const by = row.created_by_name;
    return row.priority === 'urgent'
      ? notifications.notifyStaff(tx, { type: 'ticket_urgent', params: { ticketId: row.id, title: row.title, by }, link }, actor.id)
      : notifications.notifyStaff(tx, { type: 'ticket_created', params: { ticketId: row.id, title: row.title, priority: row.priority, by }, link }, actor.id);
  }

  /** A worker sees only tickets they created or are assigned to; any other is 404 (PRODUCT §5). */
  async function loadVisible(q: Queryable, actor: Actor, id: number, forUpdate = false): Promise<TicketRow> {
    const row = await repo.find(q, id, forUpdate);
    if (!row || (!isAdmin(actor) && row.created_by !== actor.id && row.assigned_to !== actor.id)) throw notFound('Ticket not found.');
    return row;
  }

  async function assertAssignee(q: Queryable, id: number | null | undefined) {
    if (!id) return;
    const user = await repo.staffMember(q, id);
    if (!user || !user.is_active) {
      throw badRequest('INVALID_ASSIGNEE', 'The assignee must be an active staff member.', [{ path: 'body.assigneeId', message: 'not an active staff member', code: 'INVALID_ASSIGNEE' }]);
    }
  }

  /** Applies a change under the ticket's version, audited, and returns the ticket as it is now. */
  async function change(actor: Actor, id: number, version: number, action: string, build: (before: TicketRow, tx: Queryable) => Promise<Record<string, unknown>> | Record<string, unknown>) {
    const at = clock.now();
    const { row, notices } = await db.transaction(async (tx) => {
      const before = await loadVisible(tx, actor, id, true);
      if (before.version !== version) throw staleVersion();
      const fields = await build(before, tx);
      if (!(await repo.update(tx, id, version, fields, at))) throw staleVersion();
      const after = (await repo.find(tx, id))!;
      await audit.record(tx, { action, entity: 'ticket', entityId: id, before: auditView(before), after: auditView(after), valueFields: VALUE_FIELDS });
      // Raised to urgent while still open: staff hear of it as of a new urgent ticket.
      const raised = after.priority === 'urgent' && before.priority !== 'urgent' && after.status !== 'resolved' && after.status !== 'closed';
      return { row: after, notices: raised ? await announce(tx, actor, after) : [] };
    });
    await notifications.dispatch(notices);
    return toDto(row, await repo.comments(db, id));
  }

  return {
    /** `photoId`: a photo of the linked job (a problem noted on a job may show it; the caller checked it is the job's). */
    async create(actor: Actor, input: CreateTicketInput, extra: { photoId?: number } = {}): Promise<TicketDto> {
      const at = clock.now();
      const row = await db.transaction(async (tx) => {
        if (input.laundryOrderId && !(await repo.orderExists(tx, input.laundryOrderId))) {
          throw badRequest('UNKNOWN_ORDER', 'No such laundry order.', [{ path: 'body.laundryOrderId', message: 'not found', code: 'UNKNOWN_ORDER' }]);
        }
        if (input.cleaningJobId && !(await repo.jobVisible(tx, input.cleaningJobId, isAdmin(actor) ? null : actor.id))) {
          throw badRequest('UNKNOWN_JOB', 'No such cleaning job among yours.', [{ path: 'body.cleaningJobId', message: 'not found', code: 'UNKNOWN_JOB' }]);
        }
        const id = await repo.insert(tx, {
          title: input.title,
          description: input.description,
          priority: input.priority,
          createdBy: actor.id,
          laundryOrderId: input.laundryOrderId ?? null,
          cleaningJobId: input.cleaningJobId ?? null,
          photoId: extra.photoId ?? null,
          at,
        });
        const created = (await repo.find(tx, id))!;
        await audit.record(tx, { action: 'create', entity: 'ticket', entityId: id, before: null, after: auditView(created), valueFields: VALUE_FIELDS });
        return { created, notices: await announce(tx, actor, created) };
      });
      await notifications.dispatch(row.notices);
      return toDto(row.created, []);
    },

    async list(actor: Actor, filters: TicketFilters, page: PageInput) {
      const scoped = isAdmin(actor) ? filters : { ...filters, involving: actor.id };
      return mapPage(await repo.list(scoped, page), (r) => toDto(r));
    },

    async get(actor: Actor, id: number): Promise<TicketDto> {
      const row = await loadVisible(db, actor, id);
      return toDto(row, await repo.comments(db, id));
    },

    update: (actor: Actor, id: number, input: UpdateTicketInput) =>
      change(actor, id, input.version, 'update', async (before, tx) => {
        if (before.status === 'closed') throw conflict('TICKET_CLOSED', 'A closed ticket cannot be edited; reopen it first.');
        await assertAssignee(tx, input.assigneeId);
        const fields: Record<string, unknown> = {};
        if (input.priority !== undefined) fields.priority = input.priority;
        if (input.assigneeId !== undefined) fields.assigned_to = input.assigneeId;
        if (input.title !== undefined) fields.title = input.title;
        if (input.description !== undefined) fields.description = input.description;
        if (input.status !== undefined) {
          if (before.status === 'resolved') throw conflict('INVALID_TRANSITION', 'A resolved ticket is reopened with its own action.', { from: before.status, to: input.status });
          fields.status = input.status;
        }
        return fields;
      }),

    /** Resolved: who and when are recorded with what was done. */
    resolve: (actor: Actor, id: number, version: number, resolution: string) =>
      change(actor, id, version, 'resolve', (before) => {
        if (before.status === 'resolved' || before.status === 'closed') {
          throw conflict('INVALID_TRANSITION', `The ticket is already ${before.status}.`, { from: before.status, to: 'resolved' });
        }
        return { status: 'resolved', resolved_at: clock.now(), resolved_by: actor.id, resolution };
      }),

    close: (actor: Actor, id: number, version: number, note: string | undefined) =>
      change(actor, id, version, 'close', (before) => {
        if (before.status === 'closed') throw conflict('INVALID_TRANSITION', 'The ticket is already closed.', { from: before.status, to: 'closed' });
        return { status: 'closed', closed_at: clock.now(), closed_by: actor.id, ...(note ? { resolution: before.resolution ?? note } : {}) };
      }),

    /** Back to open; the reason is kept as a comment in the same transaction. */
    reopen: (actor: Actor, id: number, version: number, reason: string) =>
      change(actor, id, version, 'reopen', async (before, tx) => {
        if (before.status !== 'resolved' && before.status !== 'closed') {
          throw conflict('INVALID_TRANSITION', 'Only a resolved or closed ticket can be reopened.', { from: before.status, to: 'open' });
        }
        await repo.addComment(tx, id, actor.id, reason, clock.now());
        return { status: 'open', resolved_at: null, resolved_by: null, closed_at: null, closed_by: null };
      }),

    async comment(actor: Actor, id: number, body: string): Promise<TicketCommentDto> {
      const at = clock.now();
      return db.transaction(async (tx) => {
        await loadVisible(tx, actor, id, true);
        const commentId = await repo.addComment(tx, id, actor.id, body, at);
        await audit.record(tx, { action: 'comment', entity: 'ticket', entityId: id, extraFields: ['comments'] });
        const comments = await repo.comments(tx, id);
        return toComment(comments.find((c) => c.id === commentId)!);
      });
    },

    async comments(actor: Actor, id: number): Promise<TicketCommentDto[]> {
      await loadVisible(db, actor, id);
      return (await repo.comments(db, id)).map(toComment);
    },
  };
}

export type TicketsService = ReturnType<typeof createTicketsService>;
