import type { Db, Queryable } from '../../db/pool.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import {
  CONDITION_LIMITS,
  type AddConditionInput,
  type ConditionPhotoDto,
  type OrderConditionDto,
  type UploadConditionPhotoInput,
  type UploadConditionPhotosResultDto,
} from '../../contracts/laundry-condition.js';
import type { AuditService } from '../audit/audit.service.js';
import type { PhotoContent, PhotoFiles, StoredImage, UploadedFile } from '../photos/photo-files.js';
import type { LaundryRepository, OrderRow } from './laundry.repository.js';
import type { LaundryFloorRepository } from './laundry-floor.repository.js';
import type { ConditionPhotoRow, LaundryConditionRepository } from './laundry-condition.repository.js';

export interface LaundryConditionDeps {
  db: Db;
  repo: LaundryConditionRepository;
  orders: LaundryRepository;
  floor: LaundryFloorRepository;
  files: PhotoFiles;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
}

const CLOSED = new Set(['collected', 'delivered', 'cancelled']);
const isClient = (actor: Actor) => actor.role === 'client';

/**
 * The intake condition of laundry items (issue 21 §6): notes and photos per item, added by staff and
 * workers at the counter, seen by the order's client, who acknowledges them (audited). Photos go
 * through the same pipeline and private storage as every photo; another client's order, its items and
 * its photos do not exist for a client (404). Noting anything after an acknowledgement re-opens it.
 */
export function createLaundryConditionService({ db, repo, orders, floor, files, clock, logger, audit }: LaundryConditionDeps) {
  async function visibleOrder(q: Queryable, actor: Actor, orderId: number, forUpdate = false): Promise<OrderRow> {
    const row = await orders.findOrder(q, orderId, forUpdate);
    if (!row || (isClient(actor) && row.client_id !== actor.id)) throw notFound('Laundry order not found.');
    return row;
  }

  /** The item and its order, the order locked first when inside a transaction that changes them. */
  async function openItem(q: Queryable, actor: Actor, itemId: number, forUpdate: boolean) {
    const found = await floor.item(q, itemId);
    if (!found) throw notFound('Item not found.');
    const o = await visibleOrder(q, actor, found.order_id, forUpdate);
    if (CLOSED.has(o.status)) throw conflict('ORDER_CLOSED', `The order is ${o.status}; its intake condition can no longer change.`);
    return { item: found, order: o };
  }

  function photoDto(row: ConditionPhotoRow, actor: Actor): ConditionPhotoDto {
    const dto: ConditionPhotoDto = {
      id: row.id,
      caption: row.caption,
      width: row.width,
      height: row.height,
      uploadedAt: row.uploaded_at.toISOString(),
      url: `/api/laundry-condition-photos/${row.id}`,
      thumbnailUrl: `/api/laundry-condition-photos/${row.id}/thumbnail`,
    };
    if (!isClient(actor)) dto.uploadedBy = { id: row.uploaded_by, name: row.uploader_name };
    return dto;
  }

  /** Something new was noted: an acknowledgement given before it no longer covers the order. */
  async function reopen(tx: Queryable, orderId: number): Promise<void> {
    const ack = await repo.acknowledgement(tx, orderId);
    if (!ack.condition_acknowledged_at) return;
    await repo.setAcknowledgement(tx, orderId, null, null);
    await audit.record(tx, {
      action: 'reopen_condition',
      entity: 'laundry_order',
      entityId: orderId,
      before: { conditionAcknowledged: true },
      after: { conditionAcknowledged: false },
      valueFields: ['conditionAcknowledged'],
    });
  }

  async function condition(q: Queryable, actor: Actor, orderId: number): Promise<OrderConditionDto> {
    const o = await visibleOrder(q, actor, orderId);
    const [items, notes, photos, ack] = [await floor.items(q, orderId), await repo.notesOfOrder(q, orderId), await repo.photosOfOrder(q, orderId), await repo.acknowledgement(q, orderId)];
    return {
      orderId: o.id,
      orderNumber: o.order_number,
      items: items
        .map((i) => ({
          itemId: i.id,
          tagCode: i.tag_code,
          description: i.description,
          notes: notes
            .filter((n) => n.item_id === i.id)
            .map((n) => ({
              id: n.id,
              kind: n.kind,
              note: n.note,
              createdAt: n.created_at.toISOString(),
              ...(isClient(actor) ? {} : { createdBy: { id: n.created_by, name: n.created_by_name } }),
            })),
          photos: photos.filter((p) => p.item_id === i.id).map((p) => photoDto(p, actor)),
        }))
        .filter((i) => i.notes.length > 0 || i.photos.length > 0),
      acknowledgement: ack.condition_acknowledged_at
        ? { at: ack.condition_acknowledged_at.toISOString(), by: { id: ack.condition_acknowledged_by ?? 0, name: ack.acknowledged_by_name ?? '' } }
        : null,
    };
  }

  const photoLimit = (current: number, adding: number) =>
    conflict('PHOTO_QUOTA_EXCEEDED', `An item holds at most ${CONDITION_LIMITS.photosPerItem} condition photos; it has ${current}.`, {
      scope: 'item',
      limit: CONDITION_LIMITS.photosPerItem,
      current,
      adding,
    });

  return {
    condition: (actor: Actor, orderId: number) => condition(db, actor, orderId),

    /** Staff take back a note made by mistake while the order is open (audited). */
    async removeNote(actor: Actor, noteId: number): Promise<OrderConditionDto> {
      const orderId = await db.transaction(async (tx) => {
        const found = await repo.note(tx, noteId);
        if (!found) throw notFound('No such condition note.');
        const { item, order } = await openItem(tx, actor, found.item_id, true);
        await repo.removeNote(tx, noteId);
        await audit.record(tx, {
          action: 'remove_condition',
          entity: 'laundry_item',
          entityId: item.id,
          before: { orderId: order.id, conditionId: noteId, conditionKind: found.kind, conditionNote: found.note },
          after: null,
          valueFields: ['orderId', 'conditionKind'],
        });
        return order.id;
      });
      return condition(db, actor, orderId);
    },

    /** Staff take back a photo made by mistake (the wrong garment) while the order is open; audited, files removed after. */
    async removePhoto(actor: Actor, photoId: number): Promise<OrderConditionDto> {
      const row = await db.transaction(async (tx) => {
        const found = await repo.photo(tx, photoId);
        if (!found) throw notFound('No such photo.');
        await openItem(tx, actor, found.item_id, true);
        await repo.removePhoto(tx, photoId);
        await audit.record(tx, {
          action: 'delete',
          entity: 'laundry_condition_photo',
          entityId: photoId,
          before: { orderId: found.order_id, itemId: found.item_id, uploadedBy: found.uploaded_by },
          after: null,
          valueFields: ['orderId', 'itemId', 'uploadedBy'],
        });
        return found;
      });
      await files.remove([row.storage_key, row.thumbnail_key], 'condition photo deleted');
      return condition(db, actor, row.order_id);
    },

    /** GDPR: what was noted on the client's orders, as they see it (the photos are served by the same routes). */
    async exportClient(q: Queryable, clientId: number): Promise<OrderConditionDto[]> {
      const client: Actor = { type: 'client', id: clientId, role: 'client' };
      const out: OrderConditionDto[] = [];
      for (const orderId of await repo.notedOrdersOfClient(q, clientId)) out.push(await condition(q, client, orderId));
      return out;
    },

    /** GDPR: the notes' free text goes, the photos go entirely — rows now, files once the anonymisation commits. */
    async anonymiseClient(tx: Queryable, clientId: number): Promise<() => Promise<void>> {
      const keys = await repo.anonymiseClient(tx, clientId);
      return () => files.remove(keys, 'client anonymised');
    },

    /** Staff or a worker notes what is wrong with an item (audited); the order's acknowledgement re-opens. */
    async addNote(actor: Actor, itemId: number, body: AddConditionInput): Promise<OrderConditionDto> {
      const orderId = await db.transaction(async (tx) => {
        const { item, order } = await openItem(tx, actor, itemId, true);
        if ((await repo.counts(tx, itemId)).notes >= CONDITION_LIMITS.notesPerItem) {
          throw conflict('CONDITION_LIMIT_REACHED', `An item holds at most ${CONDITION_LIMITS.notesPerItem} condition notes.`, { limit: CONDITION_LIMITS.notesPerItem });
        }
        const id = await repo.insertNote(tx, { itemId, kind: body.kind, note: body.note ?? null, by: actor.id, at: clock.now() });
        await audit.record(tx, {
          action: 'add_condition',
          entity: 'laundry_item',
          entityId: item.id,
          before: null,
          after: { orderId: order.id, conditionId: id, conditionKind: body.kind, conditionNote: body.note ?? null },
          valueFields: ['orderId', 'conditionKind'],
        });
        await reopen(tx, order.id);
        return order.id;
      });
      return condition(db, actor, orderId);
    },

    /** Before the body is read: is the item there for the caller and its order still open? */
    async uploadTarget(actor: Actor, itemId: number): Promise<void> {
      await openItem(db, actor, itemId, false);
    },

    /**
     * Photos of an item's condition, through the photo pipeline (checked from their bytes, re-encoded,
     * metadata stripped, thumbnail), all or nothing. A retry with the same upload key returns the photo
     * it made (200 when nothing new was made).
     */
    async uploadPhotos(actor: Actor, itemId: number, uploads: UploadedFile[], form: UploadConditionPhotoInput): Promise<{ status: 200 | 201; result: UploadConditionPhotosResultDto }> {
      if (uploads.length === 0) throw badRequest('NO_FILES', 'Attach at least one photo in the "photos" field.');
      if (form.uploadKey && uploads.length > 1) {
        throw new AppError(400, 'VALIDATION_FAILED', 'Invalid body.uploadKey: one key names one file', [{ path: 'body.uploadKey', message: 'one key names one file', code: 'custom' }]);
      }
      const { order } = await openItem(db, actor, itemId, false);
      const key = form.uploadKey ?? null;
      const existing = key ? await repo.idsByUploadKeys(db, itemId, [key]) : new Map<string, number>();
      if (key && existing.has(key)) {
        const rows = await repo.photosByIds(db, [existing.get(key)!]);
        return { status: 200, result: { photos: rows.map((r) => photoDto(r, actor)), created: 0, replayed: 1 } };
      }
      const current = (await repo.counts(db, itemId)).photos;
      if (current + uploads.length > CONDITION_LIMITS.photosPerItem) throw photoLimit(current, uploads.length);

      const stored: Array<StoredImage<UploadedFile>> = await files.processAndStore(uploads.map((file, index) => ({ item: file, file, index })));
      const at = clock.now();
      let ids: Array<number | null>;
      try {
        ids = await db.transaction(async (tx) => {
          await openItem(tx, actor, itemId, true);
          const now = (await repo.counts(tx, itemId)).photos;
          if (now + stored.length > CONDITION_LIMITS.photosPerItem) throw photoLimit(now, stored.length);
          const made: Array<number | null> = [];
          for (const s of stored) {
            const id = await repo.insertPhoto(tx, {
              itemId,
              uploadedBy: actor.id,
              caption: form.caption || null,
              uploadKey: key,
              storageKey: s.keys.image,
              thumbnailKey: s.keys.thumbnail,
              contentType: s.image.image.contentType,
              sizeBytes: s.image.image.data.length,
              width: s.image.image.width,
              height: s.image.image.height,
              thumbnailSizeBytes: s.image.thumbnail.data.length,
              contentSha256: s.contentSha256,
              thumbnailSha256: s.thumbnailSha256,
              sourceFormat: s.image.sourceFormat,
              originalFileName: s.item.originalName,
              uploadedAt: at,
            });
            made.push(id);
            if (id === null) continue;
            await audit.record(tx, {
              action: 'upload',
              entity: 'laundry_condition_photo',
              entityId: id,
              after: { orderId: order.id, itemId, width: s.image.image.width, height: s.image.image.height },
              valueFields: ['orderId', 'itemId', 'width', 'height'],
            });
          }
          if (made.some((id) => id !== null)) await reopen(tx, order.id);
          return made;
        });
      } catch (err) {
        await files.remove(stored.flatMap((s) => [s.keys.image, s.keys.thumbnail]), 'condition photo upload failed while recording');
        throw err;
      }
      // A concurrent retry with the same key recorded its photo first: ours is surplus.
      const raced = stored.filter((_, i) => ids[i] === null);
      if (raced.length > 0) await files.remove(raced.flatMap((s) => [s.keys.image, s.keys.thumbnail]), 'duplicate upload key');
      const again = raced.length > 0 && key ? await repo.idsByUploadKeys(db, itemId, [key]) : new Map<string, number>();
      const finalIds = ids.map((id) => id ?? again.get(key!)!);
      const rows = new Map((await repo.photosByIds(db, finalIds)).map((r) => [r.id, r]));
      const created = ids.filter((id) => id !== null).length;
      if (created > 0) logger.info({ event: 'laundry.condition_photos_uploaded', itemId, created }, `✅ Condition photos uploaded: ${created}`);
      return { status: created > 0 ? 201 : 200, result: { photos: finalIds.map((id) => photoDto(rows.get(id)!, actor)), created, replayed: uploads.length - created } };
    },

    /** The image or its thumbnail, for staff, workers and the order's client (anyone else: 404). */
    async content(actor: Actor, photoId: number, rendition: 'image' | 'thumbnail', ifNoneMatch: string | undefined): Promise<PhotoContent> {
      const row = await repo.photo(db, photoId);
      if (!row) throw notFound('No such photo.');
      try {
        await visibleOrder(db, actor, row.order_id);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) throw notFound('No such photo.');
        throw err;
      }
      return files.read(
        { id: row.id, storageKey: row.storage_key, thumbnailKey: row.thumbnail_key, contentType: row.content_type, contentSha256: row.content_sha256, thumbnailSha256: row.thumbnail_sha256 },
        rendition,
        ifNoneMatch,
      );
    },

    /**
     * The order's client says they have seen what was noted (audited, with who and when). Again is the
     * same answer and no new record; with nothing noted → 409 NOTHING_TO_ACKNOWLEDGE.
     */
    async acknowledge(actor: Actor, orderId: number): Promise<OrderConditionDto> {
      await db.transaction(async (tx) => {
        const o = await visibleOrder(tx, actor, orderId, true);
        if (!(await repo.anythingNoted(tx, o.id))) throw conflict('NOTHING_TO_ACKNOWLEDGE', 'Nothing was noted about the condition of this order.');
        const ack = await repo.acknowledgement(tx, o.id);
        if (ack.condition_acknowledged_at) return;
        await repo.setAcknowledgement(tx, o.id, actor.id, clock.now());
        await audit.record(tx, {
          action: 'acknowledge_condition',
          entity: 'laundry_order',
          entityId: o.id,
          before: { conditionAcknowledged: false },
          after: { conditionAcknowledged: true },
          valueFields: ['conditionAcknowledged'],
        });
      });
      return condition(db, actor, orderId);
    },
  };
}

export type LaundryConditionService = ReturnType<typeof createLaundryConditionService>;
