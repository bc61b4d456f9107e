import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import { lisbonDate, type Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type PageInput } from '../../lib/paging.js';
import type { CreateLaundryOrderInput } from '../../contracts/laundry.js';
import type { CreateCleaningJobInput } from '../../contracts/cleaning.js';
import {
  REQUEST_STAFF_STATES,
  type AcceptRequestInput,
  type ClientRequestDto,
  type CreateRequestInput,
  type ProposeRequestInput,
  type RequestHistoryDto,
  type RequestPrefillDto,
  type RequestStateValue,
} from '../../contracts/requests.js';
import { ATTACHED_PHOTO_LIMITS } from '../../contracts/attached-photos.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AttachedPhotosService } from '../attachments/attached-photos.service.js';
import type { UploadedFile } from '../photos/photo-files.js';
import type { NotificationsService, NotifyResult } from '../notifications/notifications.service.js';
import type { HistoryRow, RequestFilters, RequestRow, RequestsRepository } from './requests.repository.js';

/** What accepting a request needs from the laundry and cleaning modules, inside the request's transaction. */
export interface RequestTargets {
  createLaundryOrder(tx: Queryable, actor: Actor, input: CreateLaundryOrderInput, requestId: number): Promise<{ id: number }>;
  createCleaningJob(tx: Queryable, actor: Actor, input: CreateCleaningJobInput, requestId: number): Promise<{ id: number; notices: NotifyResult[] }>;
  /** Marks a ready order for delivery on the agreed date (its delivery fee applies). */
  deliverOrder(tx: Queryable, actor: Actor, orderId: number, delivery: { date: string; propertyId: number | null; address: string | null }): Promise<void>;
}

export interface RequestsDeps {
  db: Db;
  repo: RequestsRepository;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationsService;
  targets: RequestTargets;
  photos: AttachedPhotosService;
}

/** States in which the client may still add photos to their request. */
const PHOTO_STATES = new Set<RequestStateValue>(['pending', 'proposed', 'pending_confirmation']);

type HistoryAction = RequestHistoryDto['action'];
const iso = (d: Date) => d.toISOString();
const isStaff = (actor: Actor) => actor.role === 'master' || actor.role === 'admin';

function toHistory(h: HistoryRow): RequestHistoryDto {
  return {
    id: h.id,
    action: h.action as HistoryAction,
    fromState: h.from_state,
    toState: h.to_state,
    by: { type: h.actor_type, id: h.actor_id, name: h.actor_name ?? '' },
    note: h.note,
    details: h.details,
    at: iso(h.created_at),
  };
}

function toDto(r: RequestRow, history?: HistoryRow[]): ClientRequestDto {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    client: { id: r.client_id, name: r.client_name },
    property: r.property_id ? { id: r.property_id, name: r.property_name ?? '', address: r.property_address ?? '' } : null,
    address: r.address,
    preferredDate: r.preferred_date,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    notes: r.notes,
    proposal:
      r.proposed_date && r.proposed_window_start && r.proposed_window_end
        ? { date: r.proposed_date, windowStart: r.proposed_window_start, windowEnd: r.proposed_window_end, note: r.proposal_note }
        : null,
    declineReason: r.decline_reason,
    cancelReason: r.cancel_reason,
    laundryOrder: r.linked_order_id ? { id: r.linked_order_id, orderNumber: r.linked_order_number ?? '', status: r.linked_order_status ?? '' } : null,
    cleaningJobId: r.linked_job_id,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    ...(history ? { history: history.map(toHistory) } : {}),
  };
}

/** States and dates may be kept in the activity log; notes and reasons are named only. */
const VALUE_FIELDS = ['state', 'kind', 'preferredDate', 'windowStart', 'windowEnd', 'laundryOrderId', 'cleaningJobId'] as const;
const auditView = (r: RequestRow) => ({
  state: r.state,
  kind: r.kind,
  preferredDate: r.preferred_date,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  laundryOrderId: r.linked_order_id,
  cleaningJobId: r.linked_job_id,
  notes: r.notes,
  declineReason: r.decline_reason,
});

/** Which states each step leaves from (issue 23 §1): a client may cancel until the request is accepted. */
const FROM: Record<string, readonly RequestStateValue[]> = {
  propose: ['pending', 'pending_confirmation'],
  accept_proposal: ['proposed'],
  decline_proposal: ['proposed'],
  accept: ['pending', 'pending_confirmation'],
  decline: ['pending', 'proposed', 'pending_confirmation'],
  cancel: ['pending', 'proposed', 'pending_confirmation'],
};

const staleVersion = () => new AppError(409, 'STALE_VERSION', 'This request was changed by someone else. Reload it and try again.');

function alreadyAccepted(r: RequestRow) {
  return conflict('REQUEST_ALREADY_ACCEPTED', 'This request was already accepted.', {
    laundryOrderId: r.kind === 'cleaning' ? null : r.linked_order_id,
    cleaningJobId: r.linked_job_id,
  });
}

/** A wanted day and window: today or later (Lisbon), and a window that ends after it starts. */
function assertWhen(today: string, date: string, start: string, end: string, datePath: string, endPath: string) {
  if (date < today) throw badRequest('DATE_IN_PAST', 'Choose today or a later day.', [{ path: datePath, message: 'in the past', code: 'DATE_IN_PAST' }]);
  if (end <= start) {
    throw badRequest('INVALID_TIME_WINDOW', 'The time window must end after it starts.', [{ path: endPath, message: 'ends before it starts', code: 'INVALID_TIME_WINDOW' }]);
  }
}

export function createRequestsService({ db, repo, clock, audit, notifications, targets, photos }: RequestsDeps) {
  /** A client sees only their own requests; any other is 404 (PRODUCT §5). */
  async function loadVisible(q: Queryable, actor: Actor, id: number, forUpdate = false): Promise<RequestRow> {
    const row = await repo.find(q, id, forUpdate);
    if (!row || (actor.role === 'client' && row.client_id !== actor.id)) throw notFound('Request not found.');
    return row;
  }

  function assertStep(row: RequestRow, step: keyof typeof FROM, version: number | undefined) {
    if (row.state === 'accepted' && (step === 'accept' || step === 'cancel' || step === 'decline')) throw alreadyAccepted(row);
    if (version !== undefined && row.version !== version) throw staleVersion();
    const to = { propose: 'proposed', accept_proposal: 'pending_confirmation', decline_proposal: 'pending', accept: 'accepted', decline: 'declined', cancel: 'cancelled' }[step];
    if (!FROM[step]!.includes(row.state)) throw conflict('INVALID_TRANSITION', `A ${row.state} request cannot be moved this way.`, { from: row.state, to });
  }

  function updateNotice(tx: Queryable, row: RequestRow, state: RequestStateValue, extra: { reason?: string | null; date?: string; windowStart?: string; windowEnd?: string } = {}) {
    return notifications.notify(tx, {
      to: { type: 'client', id: row.client_id },
      type: 'request_updated',
      params: { requestId: row.id, kind: row.kind, state, ...extra },
      link: `/client/requests/${row.id}`,
    });
  }

  /**
   * One step of a request under its lock: the state check, the change, the history line, the audit
   * record for staff, and the notices (sent after commit).
   */
  async function step(
    actor: Actor,
    id: number,
    name: keyof typeof FROM,
    version: number | undefined,
    apply: (row: RequestRow, tx: Queryable) => Promise<{ fields: Record<string, unknown>; to: RequestStateValue; note: string | null; details?: Record<string, unknown>; notify?: boolean; notices?: NotifyResult[] }>,
  ): Promise<ClientRequestDto> {
    const at = clock.now();
    const { notices } = await db.transaction(async (tx) => {
      const before = await loadVisible(tx, actor, id, true);
      assertStep(before, name, version);
      const change = await apply(before, tx);
      await repo.update(tx, id, { ...change.fields, state: change.to }, at);
      await repo.addHistory(tx, {
        requestId: id,
        action: name,
        from: before.state,
        to: change.to,
        actorType: actor.type,
        actorId: actor.id,
        note: change.note,
        details: change.details ?? null,
        at,
      });
      const after = (await repo.find(tx, id))!;
      if (isStaff(actor)) {
        await audit.record(tx, { action: name, entity: 'client_request', entityId: id, before: auditView(before), after: auditView(after), valueFields: VALUE_FIELDS });
      }
      const sent = [...(change.notices ?? [])];
      if (change.notify) {
        sent.push(
          await updateNotice(tx, after, change.to, {
            reason: change.to === 'declined' ? after.decline_reason : null,
            ...(change.to === 'proposed' && after.proposed_date
              ? { date: after.proposed_date, windowStart: after.proposed_window_start!, windowEnd: after.proposed_window_end! }
              : { date: after.preferred_date, windowStart: after.window_start, windowEnd: after.window_end }),
          }),
        );
      }
      return { notices: sent };
    });
    await notifications.dispatch(notices);
    return get(actor, id);
  }

  async function get(actor: Actor, id: number): Promise<ClientRequestDto> {
    const row = await loadVisible(db, actor, id);
    const attached = await photos.ofRequests(db, [id]);
    return { ...toDto(row, await repo.history(db, id)), photos: attached.get(id) ?? [] };
  }

  const photoLimit = (current: number, adding: number) =>
    conflict('PHOTO_QUOTA_EXCEEDED', `A request holds at most ${ATTACHED_PHOTO_LIMITS.perRequest} photos; it has ${current}.`, {
      scope: 'request',
      limit: ATTACHED_PHOTO_LIMITS.perRequest,
      current,
      adding,
    });

  /** The client's own request, still open to photos; anything else is 404 or 409 before a byte is kept. */
  async function photoTarget(q: Queryable, actor: Actor, id: number, forUpdate: boolean): Promise<RequestRow> {
    const row = await loadVisible(q, actor, id, forUpdate);
    if (actor.role !== 'client') throw notFound('Request not found.');
    if (!PHOTO_STATES.has(row.state)) throw conflict('REQUEST_CLOSED', `The request is ${row.state}; photos can no longer be added.`, { state: row.state });
    return row;
  }

  return {
    async create(actor: Actor, input: CreateRequestInput): Promise<ClientRequestDto> {
      const at = clock.now();
      assertWhen(lisbonDate(at), input.preferredDate, input.windowStart, input.windowEnd, 'body.preferredDate', 'body.windowEnd');
      const { id, notices } = await db.transaction(async (tx) => {
        const clientId = actor.id;
        let propertyId: number | null = null;
        let orderId: number | null = null;
        if (input.propertyId !== undefined) {
          // Another client's address does not exist as far as this client knows.
          if (!(await repo.clientProperty(tx, clientId, input.propertyId))) throw notFound('Address not found.');
          propertyId = input.propertyId;
        }
        if (input.kind === 'delivery') {
          const order = await repo.clientOrder(tx, clientId, input.orderId);
          if (!order) throw notFound('Laundry order not found.');
          if (order.status !== 'ready') throw conflict('DELIVERY_ORDER_NOT_READY', 'Only an order that is ready can be delivered.', { status: order.status });
          orderId = order.id;
        }
        const newId = await repo.insert(tx, {
          clientId,
          kind: input.kind,
          propertyId,
          address: input.kind !== 'cleaning' && input.propertyId === undefined ? (input.address ?? null) : null,
          laundryOrderId: orderId,
          preferredDate: input.preferredDate,
          windowStart: input.windowStart,
          windowEnd: input.windowEnd,
          notes: input.notes || null,
          at,
        });
        await repo.addHistory(tx, { requestId: newId, action: 'create', from: null, to: 'pending', actorType: 'client', actorId: clientId, note: null, details: null, at });
        const created = (await repo.find(tx, newId))!;
        const sent: NotifyResult[] = [];
        for (const userId of await repo.staffRecipients(tx)) {
          sent.push(
            await notifications.notify(tx, {
              to: { type: 'user', id: userId },
              type: 'request_created',
              params: { requestId: newId, kind: input.kind, clientName: created.client_name, date: input.preferredDate, windowStart: input.windowStart, windowEnd: input.windowEnd },
              link: `/app/requests/${newId}`,
            }),
          );
        }
        return { id: newId, notices: sent };
      });
      await notifications.dispatch(notices);
      return get(actor, id);
    },

    async list(actor: Actor, filters: RequestFilters, page: PageInput) {
      const scoped = actor.role === 'client' ? { ...filters, clientId: actor.id } : filters;
      return mapPage(await repo.list(scoped, page), (r) => toDto(r));
    },

    get,

    async counts() {
      const byState = await repo.counts(db);
      return { new: REQUEST_STAFF_STATES.reduce((n, s) => n + (byState[s] ?? 0), 0), byState };
    },

    propose: (actor: Actor, id: number, input: ProposeRequestInput) =>
      step(actor, id, 'propose', input.version, async () => {
        assertWhen(lisbonDate(clock.now()), input.date, input.windowStart, input.windowEnd, 'body.date', 'body.windowEnd');
        return {
          fields: { proposed_date: input.date, proposed_window_start: input.windowStart, proposed_window_end: input.windowEnd, proposal_note: input.note || null },
          to: 'proposed',
          note: input.note || null,
          details: { date: input.date, windowStart: input.windowStart, windowEnd: input.windowEnd },
          notify: true,
        };
      }),

    /** The client takes the proposed time: it becomes the wanted time, and staff confirm it. */
    acceptProposal: (actor: Actor, id: number, version: number, note: string | undefined) =>
      step(actor, id, 'accept_proposal', version, async (row) => ({
        fields: {
          preferred_date: row.proposed_date,
          window_start: row.proposed_window_start,
          window_end: row.proposed_window_end,
          proposed_date: null,
          proposed_window_start: null,
          proposed_window_end: null,
          proposal_note: null,
        },
        to: 'pending_confirmation',
        note: note || null,
        details: { date: row.proposed_date, windowStart: row.proposed_window_start, windowEnd: row.proposed_window_end },
      })),

    /** The client keeps their own time: the request waits on staff again. */
    declineProposal: (actor: Actor, id: number, version: number, note: string | undefined) =>
      step(actor, id, 'decline_proposal', version, async (row) => ({
        fields: { proposed_date: null, proposed_window_start: null, proposed_window_end: null, proposal_note: null },
        to: 'pending',
        note: note || null,
        details: { date: row.proposed_date, windowStart: row.proposed_window_start, windowEnd: row.proposed_window_end },
      })),

    decline: (actor: Actor, id: number, version: number, reason: string) =>
      step(actor, id, 'decline', version, async () => ({ fields: { decline_reason: reason }, to: 'declined', note: reason, notify: true })),

    cancel: (actor: Actor, id: number, version: number, reason: string | undefined) =>
      step(actor, id, 'cancel', version, async () => ({ fields: { cancel_reason: reason || null }, to: 'cancelled', note: reason || null })),

    /** What the order or job form opens with; nothing changes until staff confirm it. */
    async prefill(actor: Actor, id: number): Promise<RequestPrefillDto> {
      const row = await loadVisible(db, actor, id);
      if (row.state === 'accepted') throw alreadyAccepted(row);
      if (!FROM.accept!.includes(row.state)) throw conflict('INVALID_TRANSITION', `A ${row.state} request cannot be accepted.`, { from: row.state, to: 'accepted' });
      return {
        requestId: row.id,
        kind: row.kind,
        form: row.kind === 'pickup' ? 'laundry_order' : row.kind === 'cleaning' ? 'cleaning_job' : 'delivery',
        clientId: row.client_id,
        clientName: row.client_name,
        propertyId: row.property_id,
        address: row.address ?? row.property_address,
        date: row.preferred_date,
        time: row.window_start,
        windowEnd: row.window_end,
        notes: row.notes,
        laundryOrderId: row.laundry_order_id,
        version: row.version,
      };
    },

    /**
     * Staff confirm the order or job form: it is created carrying the request, and the request is
     * accepted, in one transaction under the request's lock, so a second accept (a double click, another
     * staff member) finds it accepted and gets 409 with the first one's id; one order or job per request.
     */
    accept: (actor: Actor, id: number, input: AcceptRequestInput) =>
      step(actor, id, 'accept', input.version, async (row, tx) => {
        const formFor = (given: { clientId: number } | undefined, form: string) => {
          if (!given) throw badRequest('REQUEST_FORM_REQUIRED', `Accepting this request needs the ${form} form.`, [{ path: `body.${form}`, message: 'required', code: 'REQUEST_FORM_REQUIRED' }]);
          if (given.clientId !== row.client_id) {
            throw badRequest('REQUEST_CLIENT_MISMATCH', 'The form is for another client than the request.', [{ path: `body.${form}.clientId`, message: 'not the request’s client', code: 'REQUEST_CLIENT_MISMATCH' }]);
          }
          return given;
        };
        const agreed = { date: row.preferred_date, windowStart: row.window_start, windowEnd: row.window_end };
        if (row.kind === 'pickup') {
          const order = await targets.createLaundryOrder(tx, actor, formFor(input.laundryOrder, 'laundryOrder') as CreateLaundryOrderInput, row.id);
          return { fields: {}, to: 'accepted', note: null, details: { ...agreed, laundryOrderId: order.id }, notify: true };
        }
        if (row.kind === 'cleaning') {
          const form = formFor(input.cleaningJob, 'cleaningJob') as CreateCleaningJobInput;
          if (form.recurrence) {
            throw badRequest('VALIDATION_FAILED', 'A job made from a request is a single visit.', [{ path: 'body.cleaningJob.recurrence', message: 'not with a request', code: 'custom' }]);
          }
          const job = await targets.createCleaningJob(tx, actor, form, row.id);
          return { fields: {}, to: 'accepted', note: null, details: { ...agreed, cleaningJobId: job.id }, notify: true, notices: job.notices };
        }
        await targets.deliverOrder(tx, actor, row.laundry_order_id!, { date: row.preferred_date, propertyId: row.property_id, address: row.address });
        return { fields: {}, to: 'accepted', note: null, details: { ...agreed, laundryOrderId: row.laundry_order_id }, notify: true };
      }),

    /** Before the body is read: is this the caller's own request, still open to photos? */
    async photoUploadTarget(actor: Actor, id: number): Promise<void> {
      await photoTarget(db, actor, id, false);
    },

    /**
     * The client attaches photos to their open request (the stain, the state of the flat), through the
     * photo pipeline, at most ATTACHED_PHOTO_LIMITS.perRequest in all; all or nothing.
     */
    async addPhotos(actor: Actor, id: number, uploads: UploadedFile[]): Promise<ClientRequestDto> {
      if (uploads.length === 0) throw badRequest('NO_FILES', 'Attach at least one photo in the "photos" field.');
      const row = await photoTarget(db, actor, id, false);
      const current = await photos.countOfRequest(db, id);
      if (current + uploads.length > ATTACHED_PHOTO_LIMITS.perRequest) throw photoLimit(current, uploads.length);
      const prepared = await photos.prepare(uploads);
      try {
        await db.transaction(async (tx) => {
          await photoTarget(tx, actor, id, true);
          const now = await photos.countOfRequest(tx, id);
          if (now + prepared.length > ATTACHED_PHOTO_LIMITS.perRequest) throw photoLimit(now, prepared.length);
          await photos.record(tx, { clientId: row.client_id, requestId: id }, { type: 'client', id: actor.id }, prepared, clock.now());
        });
      } catch (err) {
        await photos.discard(prepared, 'request photo upload failed while recording');
        throw err;
      }
      return get(actor, id);
    },

    /** Whose request it is and how it is named, for its conversation (issue 23 §2). */
    async threadSubject(q: Queryable, id: number): Promise<{ clientId: number; reference: string } | undefined> {
      const row = await repo.find(q, id);
      return row ? { clientId: row.client_id, reference: String(row.id) } : undefined;
    },

    // --- GDPR ---------------------------------------------------------------------------------------
    async exportClient(q: Queryable, clientId: number) {
      const [rows, history] = await Promise.all([repo.ofClient(q, clientId), repo.historyOfClient(q, clientId)]);
      return rows.map((r) => toDto(r, history.filter((h) => h.request_id === r.id)));
    },

    anonymiseClient: (tx: Queryable, clientId: number) => repo.anonymiseClient(tx, clientId),
  };
}

export type RequestsService = ReturnType<typeof createRequestsService>;
