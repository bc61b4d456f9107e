import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import { mapPage, type Page, type PageInput } from '../../lib/paging.js';
import type { SettingValues } from '../../contracts/settings.js';
import type { JobPhotoDto, PhotoSummaryDto, PhotoTypeValue, UploadPhotosInput, UploadPhotosResultDto } from '../../contracts/photos.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CompletionRequirement, JobAccess } from '../cleaning/cleaning.service.js';
import type { ImagePipeline } from './image-pipeline.js';
import { createPhotoFiles, type PhotoContent, type StoredImage, type UploadedFile } from './photo-files.js';
import type { PhotoStorage } from './photo-storage.js';
import type { PhotoFilters, PhotoRow, PhotosRepository } from './photos.repository.js';

/** The part of the cleaning service photos are built on: who may see a job, and its state. */
export interface PhotoJobs {
  jobAccess(actor: Actor, jobId: number, q?: Queryable): Promise<JobAccess>;
}

export interface PhotoSettings {
  all(q?: Queryable): Promise<SettingValues>;
}

export interface PhotosServiceDeps {
  db: Db;
  repo: PhotosRepository;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  settings: PhotoSettings;
  jobs: PhotoJobs;
  storage: PhotoStorage;
  pipeline: ImagePipeline;
}

export type { PhotoContent, UploadedFile } from './photo-files.js';

interface FileSpec {
  photoType: PhotoTypeValue;
  roomArea: string | null;
  caption: string | null;
  uploadKey: string | null;
}

type Stored = StoredImage<{ spec: FileSpec; file: UploadedFile }>;

const STAFF = new Set(['master', 'admin']);
const isStaff = (actor: Actor) => STAFF.has(actor.role);
const isOpen = (status: string) => status === 'scheduled' || status === 'in_progress';

const fieldError = (path: string, message: string, code = 'custom') => new AppError(400, 'VALIDATION_FAILED', `Invalid ${path}: ${message}`, [{ path, message, code }]);

/**
 * Photos of cleaning jobs: intake (check, clean, store, record — all or nothing per request), listing
 * with before/after pairs, serving to those allowed, the client's views, deletion, and the "after
 * photo" rule for completion. Job visibility comes from the cleaning service, so a job you may not see
 * and its photos are the same 404.
 */
export function createPhotosService({ db, repo, clock, logger, audit, settings, jobs, storage, pipeline }: PhotosServiceDeps) {
  const photoFiles = createPhotoFiles({ storage, pipeline, logger });
  const deleteStored = photoFiles.remove;
  function toDto(row: PhotoRow, actor: Actor, jobStatus: string): JobPhotoDto {
    const dto: JobPhotoDto = {
      id: row.id,
      jobId: row.job_id,
      photoType: row.photo_type,
      roomArea: row.room_area,
      caption: row.caption,
      pairIndex: row.pair_index,
      takenAt: row.taken_at?.toISOString() ?? null,
      uploadedAt: row.uploaded_at.toISOString(),
      width: row.width,
      height: row.height,
      url: `/api/photos/${row.id}`,
      thumbnailUrl: `/api/photos/${row.id}/thumbnail`,
    };
    // Least data per role: the client gets the pictures, not who took them or what the phone called them.
    if (actor.role === 'client') return dto;
    dto.uploadedBy = { id: row.uploaded_by, name: row.uploader_name };
    dto.originalFileName = row.original_file_name;
    dto.sizeBytes = row.size_bytes;
    dto.canDelete = mayDelete(actor, row, jobStatus);
    if (isStaff(actor)) dto.clientViewedAt = row.client_viewed_at?.toISOString() ?? null;
    return dto;
  }

  function mayDelete(actor: Actor, row: PhotoRow, jobStatus: string): boolean {
    if (isStaff(actor)) return true;
    return actor.role === 'worker' && row.uploaded_by === actor.id && isOpen(jobStatus);
  }

  function assertUploadable(actor: Actor, access: JobAccess): void {
    if (!access.canUpload) throw forbidden('FORBIDDEN', 'Only staff and the assigned workers add photos.');
    if (access.status === 'cancelled') throw conflict('JOB_CLOSED', 'The job was cancelled; photos can no longer be added.');
    if (access.status === 'completed' && !isStaff(actor)) throw conflict('JOB_CLOSED', 'The job is completed; only staff may add photos now.');
  }

  /** The job of a photo as this caller may see it; a job they may not see is "no such photo". */
  async function photoJobAccess(q: Queryable, actor: Actor, jobId: number): Promise<JobAccess> {
    try {
      return await jobs.jobAccess(actor, jobId, q);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw notFound('No such photo.');
      throw err;
    }
  }

  async function visiblePhoto(q: Queryable, actor: Actor, id: number): Promise<{ row: PhotoRow; access: JobAccess }> {
    const row = await repo.find(q, id);
    if (!row) throw notFound('No such photo.');
    return { row, access: await photoJobAccess(q, actor, row.job_id) };
  }

  /** Each file's type, room, caption and key: its own `meta` entry, else the batch's fields. */
  function specsOf(files: UploadedFile[], form: UploadPhotosInput): FileSpec[] {
    const meta = form.meta ?? [];
    if (meta.length > files.length) throw fieldError('body.meta', `has ${meta.length} entries for ${files.length} files`);
    if (form.uploadKey && files.length > 1) throw fieldError('body.uploadKey', 'one key names one file; give each file its key in meta');
    const specs = files.map((_, i): FileSpec => {
      const own = meta[i] ?? {};
      const photoType = own.photoType ?? form.photoType;
      if (!photoType) throw fieldError(meta[i] ? `body.meta.${i}.photoType` : 'body.photoType', 'say whether the photo is before, after or detail', 'invalid_value');
      return {
        photoType,
        roomArea: own.roomArea ?? form.roomArea ?? null,
        caption: own.caption || form.caption || null,
        uploadKey: own.uploadKey ?? (files.length === 1 ? form.uploadKey : undefined) ?? null,
      };
    });
    const keys = specs.map((s) => s.uploadKey).filter((k): k is string => k !== null);
    if (new Set(keys).size !== keys.length) throw badRequest('DUPLICATE_UPLOAD_KEY', 'Two files of this batch carry the same upload key.');
    return specs;
  }

  /**
   * Quotas keep one job, or one person's day, from filling the storage: a phone stuck in a loop or a
   * stolen session uploads at most this much. `scope` says which quota, `limit` its value.
   */
  const quotaExceeded = (scope: 'job' | 'userDay', limit: number, current: number, adding: number) =>
    conflict(
      'PHOTO_QUOTA_EXCEEDED',
      scope === 'job' ? `A job holds at most ${limit} photos; it has ${current}.` : `One person uploads at most ${limit} photos a day; ${current} today.`,
      { scope, limit, current, adding },
    );

  async function assertWithinQuotas(q: Queryable, actorId: number, jobId: number, adding: number, limits: { maxPhotosPerJob: number; maxPhotosPerUserPerDay: number }): Promise<void> {
    const current = await repo.count(q, jobId);
    if (current + adding > limits.maxPhotosPerJob) throw quotaExceeded('job', limits.maxPhotosPerJob, current, adding);
    const today = await repo.countByUploaderOnDay(q, actorId, clock.now());
    if (today + adding > limits.maxPhotosPerUserPerDay) throw quotaExceeded('userDay', limits.maxPhotosPerUserPerDay, today, adding);
  }

  async function resultRows(q: Queryable, jobId: number, ids: number[]): Promise<Map<number, PhotoRow>> {
    return new Map((await repo.byIds(q, jobId, ids)).map((r) => [r.id, r]));
  }

  async function summary(actor: Actor, jobId: number): Promise<PhotoSummaryDto> {
    await jobs.jobAccess(actor, jobId);
    const [rows, values, waiver] = await Promise.all([repo.roomCounts(db, jobId), settings.all(), repo.waiver(db, jobId)]);
    const counts = { before: 0, after: 0, detail: 0, total: 0 };
    const rooms = new Map<string, { roomArea: string | null; before: number; after: number; detail: number }>();
    let seen = 0;
    for (const r of rows) {
      counts[r.photo_type] += r.n;
      counts.total += r.n;
      seen += r.seen;
      const key = r.room_area === null ? '\u0000' : r.room_area.toLowerCase();
      const room = rooms.get(key) ?? { roomArea: r.room_area, before: 0, after: 0, detail: 0 };
      room[r.photo_type] += r.n;
      rooms.set(key, room);
    }
    const dto: PhotoSummaryDto = {
      jobId,
      counts,
      rooms: [...rooms.values()],
      maxPhotos: values.maxPhotosPerJob,
      afterPhotoRequired: values.requireAfterPhoto,
      requirementMet: !values.requireAfterPhoto || counts.after > 0 || waiver !== undefined,
    };
    if (actor.role === 'client') return dto;
    dto.waiver = waiver ? { reason: waiver.reason, by: { id: waiver.waived_by, name: waiver.waived_by_name }, at: waiver.waived_at.toISOString() } : null;
    if (isStaff(actor)) dto.seenByClient = seen;
    return dto;
  }

  return {
    /**
     * Before the body is read: is this job there for the caller, and may they add photos to it? The
     * job's state is checked once the upload keys are known, so a retry of photos already made is
     * answered even after the job closed.
     */
    async uploadTarget(actor: Actor, jobId: number): Promise<void> {
      const access = await jobs.jobAccess(actor, jobId);
      if (!access.canUpload) throw forbidden('FORBIDDEN', 'Only staff and the assigned workers add photos.');
    },

    async upload(actor: Actor, jobId: number, files: UploadedFile[], form: UploadPhotosInput): Promise<{ status: 200 | 201; result: UploadPhotosResultDto }> {
      if (files.length === 0) throw badRequest('NO_FILES', 'Attach at least one photo in the "photos" field.');
      const specs = specsOf(files, form);
      const access = await jobs.jobAccess(actor, jobId);
      if (!access.canUpload) throw forbidden('FORBIDDEN', 'Only staff and the assigned workers add photos.');

      // A retry of photos already made does no image work at all.
      const existing = await repo.idsByUploadKeys(db, jobId, specs.flatMap((s) => (s.uploadKey ? [s.uploadKey] : [])));
      const fresh = specs.map((spec, index) => ({ spec, index })).filter(({ spec }) => !(spec.uploadKey && existing.has(spec.uploadKey)));
      if (fresh.length > 0) assertUploadable(actor, access);
      if (fresh.length > 0) await assertWithinQuotas(db, actor.id, jobId, fresh.length, await settings.all());

      const stored: Stored[] = await photoFiles.processAndStore(fresh.map(({ spec, index }) => ({ item: { spec, file: files[index]! }, file: files[index]!, index })));

      const at = clock.now();
      let raced: Stored[] = [];
      let madeIds: Array<number | null>;
      try {
        madeIds = await db.transaction(async (tx) => {
          if (stored.length === 0) return [];
          await repo.lockUploaderPhotos(tx, actor.id);
          await repo.lockJobPhotos(tx, jobId);
          assertUploadable(actor, await jobs.jobAccess(actor, jobId, tx));
          await assertWithinQuotas(tx, actor.id, jobId, stored.length, await settings.all(tx));
          const ids: Array<number | null> = [];
          for (const s of stored) {
            const id = await repo.insert(tx, {
              jobId,
              uploadedBy: actor.id,
              photoType: s.item.spec.photoType,
              roomArea: s.item.spec.roomArea,
              caption: s.item.spec.caption,
              uploadKey: s.item.spec.uploadKey,
              storageKey: s.keys.image,
              thumbnailKey: s.keys.thumbnail,
              contentType: s.image.image.contentType,
              sizeBytes: s.image.image.data.length,
              width: s.image.image.width,
              height: s.image.image.height,
              thumbnailSizeBytes: s.image.thumbnail.data.length,
              thumbnailWidth: s.image.thumbnail.width,
              thumbnailHeight: s.image.thumbnail.height,
              contentSha256: s.contentSha256,
              thumbnailSha256: s.thumbnailSha256,
              sourceFormat: s.image.sourceFormat,
              originalFileName: s.item.file.originalName,
              takenAt: s.image.takenAt,
              uploadedAt: at,
            });
            ids.push(id);
            if (id === null) continue;
            await audit.record(tx, {
              action: 'upload',
              entity: 'cleaning_job_photo',
              entityId: id,
              after: { jobId, photoType: s.item.spec.photoType, roomArea: s.item.spec.roomArea, caption: s.item.spec.caption, width: s.image.image.width, height: s.image.image.height },
              valueFields: ['jobId', 'photoType', 'width', 'height'],
            });
          }
          return ids;
        });
      } catch (err) {
        // Nothing was recorded, so nothing stored may stay: no orphans.
        await deleteStored(
          stored.flatMap((s) => [s.keys.image, s.keys.thumbnail]),
          'upload failed while recording',
        );
        throw err;
      }
      // A concurrent retry with the same key recorded its photo first: ours are surplus.
      raced = stored.filter((_, i) => madeIds[i] === null);
      if (raced.length > 0) await deleteStored(raced.flatMap((s) => [s.keys.image, s.keys.thumbnail]), 'duplicate upload key');
      const again = raced.length > 0 ? await repo.idsByUploadKeys(db, jobId, raced.map((s) => s.item.spec.uploadKey!)) : new Map<string, number>();

      const idOf = specs.map((spec, index) => {
        const made = fresh.findIndex((f) => f.index === index);
        if (made >= 0 && madeIds[made] != null) return madeIds[made]!;
        return existing.get(spec.uploadKey!) ?? again.get(spec.uploadKey!)!;
      });
      const rows = await resultRows(db, jobId, idOf);
      const created = madeIds.filter((id) => id !== null).length;
      if (created > 0) logger.info({ event: 'photos.uploaded', jobId, created, replayed: specs.length - created }, `✅ Photos uploaded: ${created}`);
      return {
        status: created > 0 ? 201 : 200,
        result: { photos: idOf.map((id) => toDto(rows.get(id)!, actor, access.status)), created, replayed: specs.length - created },
      };
    },

    async list(actor: Actor, jobId: number, filters: PhotoFilters, page: PageInput): Promise<Page<JobPhotoDto>> {
      const access = await jobs.jobAccess(actor, jobId);
      return mapPage(await repo.page(db, jobId, filters, page), (row) => toDto(row, actor, access.status));
    },

    summary,

    /**
     * The image or its thumbnail, for those who may see the job. The client's first load of the full
     * image is recorded (staff see what the client has opened); thumbnails are not, because a gallery
     * loads every thumbnail of the job at once and that says nothing about which photos were looked at.
     * A current copy in the caller's cache gets a 304.
     */
    async content(actor: Actor, id: number, rendition: 'image' | 'thumbnail', ifNoneMatch: string | undefined): Promise<PhotoContent> {
      const row = await repo.findFile(db, id);
      if (!row) throw notFound('No such photo.');
      const access = await photoJobAccess(db, actor, row.job_id);
      if (rendition === 'image' && actor.role === 'client' && access.clientId === actor.id && row.client_viewed_at === null) await repo.markViewed(db, row.id, clock.now());
      return photoFiles.read(
        { id: row.id, storageKey: row.storage_key, thumbnailKey: row.thumbnail_key, contentType: row.content_type, contentSha256: row.content_sha256, thumbnailSha256: row.thumbnail_sha256 },
        rendition,
        ifNoneMatch,
      );
    },

    /**
     * A photo of this job for a shared report link (issue 20 §5): the caller holds a valid link to the
     * job, checked by the host-reports module. Nothing is recorded as seen by the client.
     */
    async contentOfJob(jobId: number, id: number, rendition: 'image' | 'thumbnail', ifNoneMatch: string | undefined): Promise<PhotoContent> {
      const row = await repo.findFile(db, id);
      if (!row || row.job_id !== jobId) throw notFound('No such photo.');
      return photoFiles.read(
        { id: row.id, storageKey: row.storage_key, thumbnailKey: row.thumbnail_key, contentType: row.content_type, contentSha256: row.content_sha256, thumbnailSha256: row.thumbnail_sha256 },
        rendition,
        ifNoneMatch,
      );
    },

    /** Staff, or the worker who uploaded it while the job is open; audited. The files go after the commit. */
    async remove(actor: Actor, id: number): Promise<void> {
      const row = await db.transaction(async (tx) => {
        const { row, access } = await visiblePhoto(tx, actor, id);
        if (!isStaff(actor)) {
          if (row.uploaded_by !== actor.id) throw forbidden('FORBIDDEN', 'Only staff and the worker who took a photo may delete it.');
          if (!isOpen(access.status)) throw conflict('JOB_CLOSED', `The job is ${access.status}; only staff may delete its photos now.`);
        }
        await repo.remove(tx, row.id);
        await audit.record(tx, {
          action: 'delete',
          entity: 'cleaning_job_photo',
          entityId: row.id,
          before: { jobId: row.job_id, photoType: row.photo_type, roomArea: row.room_area, caption: row.caption, uploadedBy: row.uploaded_by },
          valueFields: ['jobId', 'photoType', 'uploadedBy'],
        });
        return row;
      });
      await deleteStored([row.storage_key, row.thumbnail_key], 'photo deleted');
    },

    /** Staff's decision that this job may be completed without an "after" photo, with the reason (audited). */
    async waiveAfterPhoto(actor: Actor, jobId: number, reason: string): Promise<PhotoSummaryDto> {
      await db.transaction(async (tx) => {
        const access = await jobs.jobAccess(actor, jobId, tx);
        if (!isOpen(access.status)) throw conflict('JOB_CLOSED', `The job is ${access.status}.`);
        const before = await repo.waiver(tx, jobId);
        await repo.saveWaiver(tx, jobId, reason, actor.id, clock.now());
        await audit.record(tx, {
          action: 'waive_after_photo',
          entity: 'cleaning_job',
          entityId: jobId,
          before: before ? { afterPhotoWaived: true } : { afterPhotoWaived: false },
          after: { afterPhotoWaived: true },
          valueFields: ['afterPhotoWaived'],
          extraFields: ['afterPhotoWaiverReason'],
        });
      });
      return summary(actor, jobId);
    },

    /** The completion rule the cleaning service runs inside its completion transaction. */
    afterPhotoRequirement: (async (tx, job) => {
      const values = await settings.all(tx);
      if (!values.requireAfterPhoto || (await repo.hasAfterPhoto(tx, job.id)) || (await repo.waiver(tx, job.id))) return;
      throw conflict('AFTER_PHOTO_REQUIRED', 'Upload at least one "after" photo before completing the job (or staff may waive it with a reason).');
    }) satisfies CompletionRequirement,

    /** GDPR: the client's photos as they see them (the files themselves are served by the same routes). */
    async exportClient(q: Queryable, clientId: number) {
      const client: Actor = { type: 'client', id: clientId, role: 'client' };
      return (await repo.ofClient(q, clientId)).map((row) => Object.assign(toDto(row, client, 'completed'), { clientViewedAt: row.client_viewed_at?.toISOString() ?? null }));
    },

    /** GDPR: photos of the inside of someone's home go entirely — rows now, files once the anonymisation commits. */
    async anonymiseClient(tx: Queryable, clientId: number): Promise<() => Promise<void>> {
      const rows = await repo.ofClient(tx, clientId);
      await repo.removeMany(tx, rows.map((r) => r.id));
      return () => deleteStored(rows.flatMap((r) => [r.storage_key, r.thumbnail_key]), 'client anonymised');
    },
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
