import type { StoredPhotoFiles } from '../photos/photos.repository.js';
import type { Queryable } from '../../db/pool.js';
import type { ConditionKindValue } from '../../contracts/laundry-condition.js';

export interface ConditionRow {
  id: number;
  item_id: number;
  kind: ConditionKindValue;
  note: string | null;
  created_by: number;
  created_by_name: string;
  created_at: Date;
}

export interface ConditionPhotoRow {
  id: number;
  item_id: number;
  order_id: number;
  uploaded_by: number;
  uploader_name: string;
  caption: string | null;
  upload_key: string | null;
  storage_key: string;
  thumbnail_key: string;
  content_type: string;
  content_sha256: string;
  thumbnail_sha256: string;
  width: number;
  height: number;
  uploaded_at: Date;
}

export interface NewConditionPhoto extends StoredPhotoFiles {
  itemId: number;
  uploadedBy: number;
  caption: string | null;
  uploadKey: string | null;
}

export interface AcknowledgementRow {
  condition_acknowledged_at: Date | null;
  condition_acknowledged_by: number | null;
  acknowledged_by_name: string | null;
}

const PHOTO_COLUMNS = `p.id, p.item_id, i.order_id, p.uploaded_by, u.name AS uploader_name, p.caption, p.upload_key, p.storage_key,
  p.thumbnail_key, p.content_type, p.content_sha256, p.thumbnail_sha256, p.width, p.height, p.uploaded_at`;
const PHOTO_FROM = `laundry_item_condition_photos p JOIN laundry_items i ON i.id = p.item_id JOIN users u ON u.id = p.uploaded_by`;

/** Intake condition of laundry items: notes, photos and the client's acknowledgement per order. */
export function createLaundryConditionRepository() {
  return {
    async notesOfOrder(q: Queryable, orderId: number): Promise<ConditionRow[]> {
      const { rows } = await q.query<ConditionRow>(
        `SELECT c.id, c.item_id, c.kind, c.note, c.created_by, u.name AS created_by_name, c.created_at
           FROM laundry_item_conditions c JOIN laundry_items i ON i.id = c.item_id JOIN users u ON u.id = c.created_by
          WHERE i.order_id = $1 ORDER BY i.seq, c.id`,
        [orderId],
      );
      return rows;
    },

    async photosOfOrder(q: Queryable, orderId: number): Promise<ConditionPhotoRow[]> {
      const { rows } = await q.query<ConditionPhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM ${PHOTO_FROM} WHERE i.order_id = $1 ORDER BY i.seq, p.id`, [orderId]);
      return rows;
    },

    async photo(q: Queryable, id: number): Promise<ConditionPhotoRow | undefined> {
      const { rows } = await q.query<ConditionPhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM ${PHOTO_FROM} WHERE p.id = $1`, [id]);
      return rows[0];
    },

    async photosByIds(q: Queryable, ids: number[]): Promise<ConditionPhotoRow[]> {
      if (ids.length === 0) return [];
      const { rows } = await q.query<ConditionPhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM ${PHOTO_FROM} WHERE p.id = ANY($1::bigint[])`, [ids]);
      return rows;
    },

    async counts(q: Queryable, itemId: number): Promise<{ notes: number; photos: number }> {
      const { rows } = await q.query<{ notes: number; photos: number }>(
        `SELECT (SELECT count(*) FROM laundry_item_conditions WHERE item_id = $1)::int AS notes,
                (SELECT count(*) FROM laundry_item_condition_photos WHERE item_id = $1)::int AS photos`,
        [itemId],
      );
      return rows[0]!;
    },

    async anythingNoted(q: Queryable, orderId: number): Promise<boolean> {
      const { rows } = await q.query(
        `SELECT 1 FROM laundry_items i WHERE i.order_id = $1 AND (
           EXISTS (SELECT 1 FROM laundry_item_conditions c WHERE c.item_id = i.id)
           OR EXISTS (SELECT 1 FROM laundry_item_condition_photos p WHERE p.item_id = i.id)) LIMIT 1`,
        [orderId],
      );
      return rows.length > 0;
    },

    async insertNote(tx: Queryable, n: { itemId: number; kind: ConditionKindValue; note: string | null; by: number; at: Date }): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO laundry_item_conditions (item_id, kind, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [n.itemId, n.kind, n.note, n.by, n.at],
      );
      return rows[0]!.id;
    },

    async idsByUploadKeys(q: Queryable, itemId: number, keys: string[]): Promise<Map<string, number>> {
      if (keys.length === 0) return new Map();
      const { rows } = await q.query<{ id: number; upload_key: string }>(
        `SELECT id, upload_key FROM laundry_item_condition_photos WHERE item_id = $1 AND upload_key = ANY($2::text[])`,
        [itemId, keys],
      );
      return new Map(rows.map((r) => [r.upload_key, r.id]));
    },

    /** Inserts a photo; a row already made by the same upload key wins, and null is returned. */
    async insertPhoto(tx: Queryable, p: NewConditionPhoto): Promise<number | null> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO laundry_item_condition_photos (item_id, uploaded_by, caption, upload_key, storage_key, thumbnail_key, content_type,
           size_bytes, width, height, thumbnail_size_bytes, content_sha256, thumbnail_sha256, source_format, original_file_name, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT ON CONSTRAINT laundry_item_condition_photos_upload_key DO NOTHING
         RETURNING id`,
        [
          p.itemId,
          p.uploadedBy,
          p.caption,
          p.uploadKey,
          p.storageKey,
          p.thumbnailKey,
          p.contentType,
          p.sizeBytes,
          p.width,
          p.height,
          p.thumbnailSizeBytes,
          p.contentSha256,
          p.thumbnailSha256,
          p.sourceFormat,
          p.originalFileName,
          p.uploadedAt,
        ],
      );
      return rows[0]?.id ?? null;
    },

    async acknowledgement(q: Queryable, orderId: number): Promise<AcknowledgementRow> {
      const { rows } = await q.query<AcknowledgementRow>(
        `SELECT o.condition_acknowledged_at, o.condition_acknowledged_by, c.name AS acknowledged_by_name
           FROM laundry_orders o LEFT JOIN clients c ON c.id = o.condition_acknowledged_by WHERE o.id = $1`,
        [orderId],
      );
      return rows[0] ?? { condition_acknowledged_at: null, condition_acknowledged_by: null, acknowledged_by_name: null };
    },

    async setAcknowledgement(tx: Queryable, orderId: number, by: number | null, at: Date | null): Promise<void> {
      await tx.query(`UPDATE laundry_orders SET condition_acknowledged_at = $2, condition_acknowledged_by = $3 WHERE id = $1`, [orderId, at, by]);
    },

    async note(q: Queryable, id: number): Promise<(ConditionRow & { order_id: number }) | undefined> {
      const { rows } = await q.query<ConditionRow & { order_id: number }>(
        `SELECT c.id, c.item_id, i.order_id, c.kind, c.note, c.created_by, u.name AS created_by_name, c.created_at
           FROM laundry_item_conditions c JOIN laundry_items i ON i.id = c.item_id JOIN users u ON u.id = c.created_by WHERE c.id = $1`,
        [id],
      );
      return rows[0];
    },

    async removeNote(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM laundry_item_conditions WHERE id = $1`, [id]);
    },

    async removePhoto(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM laundry_item_condition_photos WHERE id = $1`, [id]);
    },

    /** The client's orders with anything noted (GDPR export). */
    async notedOrdersOfClient(q: Queryable, clientId: number): Promise<number[]> {
      const { rows } = await q.query<{ id: number }>(
        `SELECT o.id FROM laundry_orders o WHERE o.client_id = $1 AND EXISTS (
           SELECT 1 FROM laundry_items i WHERE i.order_id = o.id AND (
             EXISTS (SELECT 1 FROM laundry_item_conditions c WHERE c.item_id = i.id)
             OR EXISTS (SELECT 1 FROM laundry_item_condition_photos p WHERE p.item_id = i.id)))
          ORDER BY o.id`,
        [clientId],
      );
      return rows.map((r) => r.id);
    },

    /**
     * GDPR anonymisation: the free text of the client's condition notes goes (the kinds stay, like the
     * order's lines), and their condition photos are removed; answers the storage keys to delete.
     */
    async anonymiseClient(tx: Queryable, clientId: number): Promise<string[]> {
      await tx.query(
        `UPDATE laundry_item_conditions c SET note = NULL FROM laundry_items i JOIN laundry_orders o ON o.id = i.order_id
          WHERE i.id = c.item_id AND o.client_id = $1`,
        [clientId],
      );
      const { rows } = await tx.query<{ storage_key: string; thumbnail_key: string }>(
        `DELETE FROM laundry_item_condition_photos p USING laundry_items i JOIN laundry_orders o ON o.id = i.order_id
          WHERE i.id = p.item_id AND o.client_id = $1 RETURNING p.storage_key, p.thumbnail_key`,
        [clientId],
      );
      return rows.flatMap((r) => [r.storage_key, r.thumbnail_key]);
    },

    /** Condition lines of the ticket: one per note, in tag order. */
    async ticketNotes(q: Queryable, orderId: number): Promise<Array<{ tag_code: string; description: string; kind: ConditionKindValue; note: string | null }>> {
      const { rows } = await q.query<{ tag_code: string; description: string; kind: ConditionKindValue; note: string | null }>(
        `SELECT i.tag_code, i.description, c.kind, c.note FROM laundry_item_conditions c JOIN laundry_items i ON i.id = c.item_id
          WHERE i.order_id = $1 ORDER BY i.seq, c.id`,
        [orderId],
      );
      return rows;
    },
  };
}

export type LaundryConditionRepository = ReturnType<typeof createLaundryConditionRepository>;
