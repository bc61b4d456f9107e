import type { StoredPhotoFiles } from '../photos/photos.repository.js';
import type { Queryable } from '../../db/pool.js';

export interface AttachedPhotoRow {
  id: number;
  client_id: number;
  request_id: number | null;
  message_id: number | null;
  storage_key: string;
  thumbnail_key: string;
  content_type: string;
  content_sha256: string;
  thumbnail_sha256: string;
  width: number;
  height: number;
  uploaded_at: Date;
}

export interface NewAttachedPhoto extends StoredPhotoFiles {
  clientId: number;
  requestId: number | null;
  messageId: number | null;
  uploader: { type: 'user' | 'client'; id: number };
}

const COLUMNS = `id, client_id, request_id, message_id, storage_key, thumbnail_key, content_type, content_sha256, thumbnail_sha256, width, height, uploaded_at`;

export function createAttachedPhotosRepository() {
  return {
    async find(q: Queryable, id: number): Promise<AttachedPhotoRow | undefined> {
      const { rows } = await q.query<AttachedPhotoRow>(`SELECT ${COLUMNS} FROM attached_photos WHERE id = $1`, [id]);
      return rows[0];
    },

    async ofRequests(q: Queryable, ids: number[]): Promise<AttachedPhotoRow[]> {
      if (ids.length === 0) return [];
      const { rows } = await q.query<AttachedPhotoRow>(`SELECT ${COLUMNS} FROM attached_photos WHERE request_id = ANY($1::bigint[]) ORDER BY id`, [ids]);
      return rows;
    },

    async ofMessages(q: Queryable, ids: number[]): Promise<AttachedPhotoRow[]> {
      if (ids.length === 0) return [];
      const { rows } = await q.query<AttachedPhotoRow>(`SELECT ${COLUMNS} FROM attached_photos WHERE message_id = ANY($1::bigint[]) ORDER BY id`, [ids]);
      return rows;
    },

    async countOfRequest(q: Queryable, requestId: number): Promise<number> {
      const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM attached_photos WHERE request_id = $1`, [requestId]);
      return rows[0]!.n;
    },

    async insert(tx: Queryable, p: NewAttachedPhoto): Promise<number> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO attached_photos (client_id, request_id, message_id, uploader_user_id, uploader_client_id, storage_key, thumbnail_key,
           content_type, size_bytes, width, height, thumbnail_size_bytes, content_sha256, thumbnail_sha256, source_format,
           original_file_name, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
        [
          p.clientId,
          p.requestId,
          p.messageId,
          p.uploader.type === 'user' ? p.uploader.id : null,
          p.uploader.type === 'client' ? p.uploader.id : null,
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
      return rows[0]!.id;
    },

    /** Every photo attached to the client's requests and conversations (GDPR). */
    async ofClient(q: Queryable, clientId: number): Promise<AttachedPhotoRow[]> {
      const { rows } = await q.query<AttachedPhotoRow>(`SELECT ${COLUMNS} FROM attached_photos WHERE client_id = $1 ORDER BY id`, [clientId]);
      return rows;
    },

    async removeOfClient(tx: Queryable, clientId: number): Promise<void> {
      await tx.query(`DELETE FROM attached_photos WHERE client_id = $1`, [clientId]);
    },
  };
}

export type AttachedPhotosRepository = ReturnType<typeof createAttachedPhotosRepository>;
