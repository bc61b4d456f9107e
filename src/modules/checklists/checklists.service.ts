import type { Db, Queryable } from '../../db/pool.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/request-context.js';
import type {
  ChecklistTemplateDto,
  CreateChecklistTemplateInput,
  JobChecklistDto,
  TickChecklistItemInput,
  UpdateChecklistTemplateInput,
} from '../../contracts/checklists.js';
import type { SettingValues } from '../../contracts/settings.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CompletionRequirement, JobAccess } from '../cleaning/cleaning.service.js';
import { versionConflict } from '../users/users.service.js';
import type { ChecklistsRepository, ItemRow, TemplateRow } from './checklists.repository.js';

export interface ChecklistsDeps {
  db: Db;
  repo: ChecklistsRepository;
  clock: Clock;
  audit: AuditService;
  settings: { all(q?: Queryable): Promise<SettingValues> };
  jobs: { jobAccess(actor: Actor, jobId: number, q?: Queryable): Promise<JobAccess> };
}

/** Phone clocks drift: a tap up to this far ahead is taken as now (the same allowance as the time taps). */
const CLOCK_SKEW_MS = 60_000;
const isOpen = (status: string) => status === 'scheduled' || status === 'in_progress';
const missing = (i: ItemRow) => i.required && (!i.done || (i.requires_photo && i.photo_id === null));
const field = (path: string, code: string, message: string) => [{ path, code, message }];

/**
 * Checklist templates and each job's copy. A job copies its property's default template the first time
 * its checklist is needed while it is open (read, tick or completion), so later template edits leave it
 * alone. Ticks queued offline carry their tap time; an older replay never undoes a newer tap.
 */
export function createChecklistsService({ db, repo, clock, audit, settings, jobs }: ChecklistsDeps) {
  function toTemplate(row: TemplateRow): ChecklistTemplateDto {
    return {
      id: row.id,
      name: row.name,
      sections: row.sections,
      itemCount: row.sections.reduce((n, s) => n + s.items.length, 0),
      isActive: row.is_active,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** The job's own copy, taken now from its property's default when it has none and is still open. */
  async function ensureCopy(tx: Queryable, jobId: number, propertyId: number, status: string): Promise<void> {
    if (!isOpen(status) || (await repo.checklistOf(tx, jobId))) return;
    const template = await repo.defaultTemplateOf(tx, propertyId);
    if (template) await repo.copyTemplate(tx, jobId, template, clock.now());
  }

  async function checklist(q: Queryable, jobId: number): Promise<JobChecklistDto> {
    const [head, items, waiver] = await Promise.all([repo.checklistOf(q, jobId), repo.items(q, jobId), repo.waiver(q, jobId)]);
    const requiredLeft = items.filter(missing).length;
    return {
      jobId,
      templateName: head?.template_name ?? null,
      items: items.map((i) => ({
        id: i.id,
        section: i.section,
        label: i.label,
        required: i.required,
        requiresPhoto: i.requires_photo,
        done: i.done,
        changedAt: i.changed_at?.toISOString() ?? null,
        photoId: i.photo_id,
      })),
      requiredLeft,
      waiver: waiver ? { reason: waiver.reason, at: waiver.waived_at.toISOString() } : null,
      complete: requiredLeft === 0 || waiver !== undefined,
    };
  }

  /** The moment a tick counts for: the phone's time when it was queued offline (inside the window), else now. */
  function tapTime(occurredAt: string | undefined, received: Date, values: SettingValues): Date {
    if (occurredAt === undefined) return received;
    const tapped = new Date(occurredAt);
    if (tapped.getTime() > received.getTime() + CLOCK_SKEW_MS) {
      throw badRequest('OCCURRED_AT_IN_FUTURE', 'The tap time is in the future.', field('body.occurredAt', 'OCCURRED_AT_IN_FUTURE', 'in the future'));
    }
    if (tapped.getTime() < received.getTime() - values.offlineTapWindowHours * 3_600_000) {
      throw badRequest('OCCURRED_AT_TOO_OLD', `A queued tap older than ${values.offlineTapWindowHours} h is not accepted.`, field('body.occurredAt', 'OCCURRED_AT_TOO_OLD', 'outside the offline window'));
    }
    return tapped < received ? tapped : received;
  }

  return {
    listTemplates: async () => (await repo.templates(db)).map(toTemplate),

    async template(id: number) {
      const row = await repo.template(db, id);
      if (!row) throw notFound('No such checklist template.');
      return toTemplate(row);
    },

    async createTemplate(actor: Actor, input: CreateChecklistTemplateInput) {
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertTemplate(tx, { name: input.name, sections: input.sections, createdBy: actor.id, at: clock.now() });
        await audit.record(tx, { action: 'create', entity: 'checklist_template', entityId: created.id, before: null, after: toTemplate(created), valueFields: ['name', 'itemCount'] });
        return created;
      });
      return toTemplate(row);
    },

    async updateTemplate(id: number, input: UpdateChecklistTemplateInput) {
      const row = await db.transaction(async (tx) => {
        const before = await repo.template(tx, id, true);
        if (!before) throw notFound('No such checklist template.');
        if (before.version !== input.version) throw versionConflict(before.version);
        const after = (await repo.updateTemplate(tx, id, input.version, { name: input.name, sections: input.sections, isActive: input.isActive, at: clock.now() }))!;
        await audit.record(tx, { action: 'update', entity: 'checklist_template', entityId: id, before: toTemplate(before), after: toTemplate(after), valueFields: ['name', 'itemCount', 'isActive'] });
        return after;
      });
      return toTemplate(row);
    },

    /** Jobs keep the copies they already took; properties that named it as default are left without one. */
    async deleteTemplate(id: number) {
      await db.transaction(async (tx) => {
        const before = await repo.template(tx, id, true);
        if (!before) throw notFound('No such checklist template.');
        await repo.deleteTemplate(tx, id);
        await audit.record(tx, { action: 'delete', entity: 'checklist_template', entityId: id, before: toTemplate(before), after: null, valueFields: ['name', 'itemCount'] });
      });
    },

    async forJob(actor: Actor, jobId: number): Promise<JobChecklistDto> {
      return db.transaction(async (tx) => {
        const job = await jobs.jobAccess(actor, jobId, tx);
        await ensureCopy(tx, jobId, job.propertyId, job.status);
        return checklist(tx, jobId);
      });
    },

    async tick(actor: Actor, jobId: number, itemId: number, input: TickChecklistItemInput): Promise<JobChecklistDto> {
      const received = clock.now();
      const values = await settings.all();
      return db.transaction(async (tx) => {
        const job = await jobs.jobAccess(actor, jobId, tx);
        if (!job.canUpload) throw forbidden();
        if (!isOpen(job.status)) throw conflict('JOB_CLOSED', `The job is ${job.status}.`);
        await ensureCopy(tx, jobId, job.propertyId, job.status);
        const item = await repo.item(tx, jobId, itemId);
        if (!item) throw notFound('No such checklist item.');
        const at = tapTime(input.occurredAt, received, values);
        let sentPhotoId = input.photoId;
        if (input.photoUploadKey !== undefined) {
          sentPhotoId = await repo.photoByUploadKey(tx, jobId, input.photoUploadKey);
          // A tick queued on the phone before its photo was sent: the phone keeps it and tries again.
          if (sentPhotoId === undefined) throw conflict('PHOTO_NOT_UPLOADED', 'The photo for this item has not arrived yet; send the tick again once it has.');
        }
        let photoId = input.done ? (sentPhotoId ?? item.photo_id) : item.photo_id;
        if (input.done && item.requires_photo && photoId === null) {
          throw badRequest('PHOTO_REQUIRED', 'This item is ticked with a photo: upload it first and send its id.', field('body.photoId', 'PHOTO_REQUIRED', 'required for this item'));
        }
        if (sentPhotoId !== undefined && !(await repo.photoOfJob(tx, jobId, sentPhotoId))) {
          throw badRequest('UNKNOWN_PHOTO', 'The photo is not one of this job’s.', field('body.photoId', 'UNKNOWN_PHOTO', 'not a photo of this job'));
        }
        if (!input.done && !item.requires_photo) photoId = null;
        // A replayed or late tap older than the one already applied changes nothing.
        if (!item.changed_at || at >= item.changed_at) await repo.setItem(tx, item.id, { done: input.done, changedAt: at, by: actor.id, receivedAt: received, photoId });
        return checklist(tx, jobId);
      });
    },

    async waive(actor: Actor, jobId: number, reason: string): Promise<JobChecklistDto> {
      return db.transaction(async (tx) => {
        const job = await jobs.jobAccess(actor, jobId, tx);
        if (!isOpen(job.status)) throw conflict('JOB_CLOSED', `The job is ${job.status}.`);
        const before = await repo.waiver(tx, jobId);
        await repo.saveWaiver(tx, jobId, reason, actor.id, clock.now());
        await audit.record(tx, {
          action: 'waive_checklist',
          entity: 'cleaning_job',
          entityId: jobId,
          before: { checklistWaived: before !== undefined },
          after: { checklistWaived: true },
          valueFields: ['checklistWaived'],
          extraFields: ['checklistWaiverReason'],
        });
        return checklist(tx, jobId);
      });
    },

    /** The completion rule: every required item done (with its photo), or a staff waiver. */
    requirement: (async (tx, job) => {
      const row = await repo.propertyOfJob(tx, job.id);
      if (!row) return;
      await ensureCopy(tx, job.id, row.property_id, row.status);
      const left = (await repo.items(tx, job.id)).filter(missing);
      if (left.length === 0 || (await repo.waiver(tx, job.id))) return;
      throw conflict('CHECKLIST_INCOMPLETE', `${left.length} required checklist item(s) are not done; tick them or ask staff to waive the checklist.`, {
        itemIds: left.map((i) => i.id),
      });
    }) satisfies CompletionRequirement,
  };
}

export type ChecklistsService = ReturnType<typeof createChecklistsService>;
