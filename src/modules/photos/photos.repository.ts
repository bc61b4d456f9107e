import type { Queryable } from '../../db/pool.js';
import { fetchPage, sqlParams, type Page, type PageInput, type SortColumn } from '../../lib/paging.js';
import type { PhotoTypeValue } from '../../contracts/photos.js';
import type { SourceFormat } from './image-pipeline.js';

export interface PhotoRow {
  id: number;
  job_id: number;
  uploaded_by: number;
  uploader_name: string;
  photo_type: PhotoTypeValue;
  room_area: string | null;
  caption: string | null;
  upload_key: string | null;
  storage_key: string;
  thumbnail_key: string;
  content_type: string;
  size_bytes: number;
  width: number;
  height: number;
  thumbnail_size_bytes: number;
  content_sha256: string;
  thumbnail_sha256: string;
  original_file_name: string | null;
  taken_at: Date | null;
  uploaded_at: Date;
  client_viewed_at: Date | null;
  pair_index: number;
}

export type PhotoFileRow = Pick<
  PhotoRow,
  'id' | 'job_id' | 'storage_key' | 'thumbnail_key' | 'content_type' | 'content_sha256' | 'thumbnail_sha256' | 'client_viewed_at'
>;

/** What the photo pipeline stored for one photo (files, sizes, digests): the same for every kind of photo. */
export interface StoredPhotoFiles {
  storageKey: string;
  thumbnailKey: string;
  contentType: string;
  sizeBytes: number;
  width: number;
  height: number;
  thumbnailSizeBytes: number;
  contentSha256: string;
  thumbnailSha256: string;
  sourceFormat: SourceFormat;
  originalFileName: string | null;
  uploadedAt: Date;
}

/** A job photo to record: the stored files plus the job's own fields (type, room, caption, thumbnail size). */
export interface NewPhoto extends StoredPhotoFiles {
  jobId: number;
  uploadedBy: number;
  photoType: PhotoTypeValue;
  roomArea: string | null;
  caption: string | null;
  uploadKey: string | null;
  thumbnailWidth: number;
  thumbnailHeight: number;
  takenAt: Date | null;
}

export interface PhotoFilters {
  photoType?: PhotoTypeValue | undefined;
  roomArea?: string | undefined;
}

export interface WaiverRow {
  reason: string;
  waived_by: number;
  waived_by_name: string;
  waived_at: Date;
}

export interface RoomCountRow {
  room_area: string | null;
  photo_type: PhotoTypeValue;
  n: number;
  seen: number;
}

/**
 * A job's photos with their pair index: the place of each photo among the job's photos of the same
 * type in the same room (rooms compared without case), in order of capture. Before n and after n of a
 * room are a pair. Computed over the whole job, so a filtered page keeps the same numbers.
 */
const PAIRED = (jobFilter: string) => `(
  SELECT ph.*, row_number() OVER (
    PARTITION BY ph.job_id, lower(coalesce(ph.room_area, '')), ph.photo_type
    ORDER BY coalesce(ph.taken_at, ph.uploaded_at), ph.id
  )::int AS pair_index
  FROM cleaning_job_photos ph WHERE ${jobFilter}
) p JOIN users u ON u.id = p.uploaded_by`;

const COLUMNS = `p.id, p.job_id, p.uploaded_by, u.name AS uploader_name, p.photo_type, p.room_area, p.caption, p.upload_key,
  p.storage_key, p.thumbnail_key, p.content_type, p.size_bytes, p.width, p.height, p.thumbnail_size_bytes,
  p.content_sha256, p.thumbnail_sha256, p.original_file_name, p.taken_at, p.uploaded_at, p.client_viewed_at, p.pair_index`;

export type PhotoSortKey = 'room' | 'uploadedAt' | 'takenAt';

/**
 * `room` puts a room's photos together, pairs first (before 1, after 1, before 2, after 2, …) and its
 * details after them; rooms by name, photos without a room last. One sortable text key (bytewise "C"
 * collation) so keyset paging works on it.
 */
const SORTS: Record<PhotoSortKey, SortColumn> = {
  room: {
    sql: `((CASE WHEN p.room_area IS NULL THEN '1' ELSE '0' || lower(p.room_area) END) || chr(1)
      || (CASE WHEN p.photo_type = 'detail' THEN '1' ELSE '0' END) || lpad(p.pair_index::text, 6, '0')
      || (CASE p.photo_type WHEN 'before' THEN '1' WHEN 'after' THEN '2' ELSE '3' END)) COLLATE "C"`,
    type: 'text',
  },
  uploadedAt: { sql: 'p.uploaded_at', type: 'timestamp' },
  takenAt: { sql: 'coalesce(p.taken_at, p.uploaded_at)', type: 'timestamp' },
};

export function createPhotosRepository() {
  return {
    async page(q: Queryable, jobId: number, filters: PhotoFilters, page: PageInput): Promise<Page<PhotoRow>> {
      const params = sqlParams([jobId]);
      const where: string[] = [];
      if (filters.photoType) where.push(`p.photo_type = ${params.add(filters.photoType)}`);
      if (filters.roomArea) where.push(`lower(p.room_area) = lower(${params.add(filters.roomArea)})`);
      return fetchPage<PhotoRow, PhotoSortKey>(q, { columns: COLUMNS, from: PAIRED('ph.job_id = $1'), where, params, sorts: SORTS, id: 'p.id' }, page);
    },

    async find(q: Queryable, id: number): Promise<PhotoRow | undefined> {
      const { rows } = await q.query<PhotoRow>(
        `SELECT ${COLUMNS} FROM ${PAIRED('ph.job_id = (SELECT job_id FROM cleaning_job_photos WHERE id = $1)')} WHERE p.id = $1`,
        [id],
      );
      return rows[0];
    },

    /** What serving a photo needs, without the pair numbering of the whole job. */
    async findFile(q: Queryable, id: number): Promise<PhotoFileRow | undefined> {
      const { rows } = await q.query<PhotoFileRow>(
        `SELECT id, job_id, storage_key, thumbnail_key, content_type, content_sha256, thumbnail_sha256, client_viewed_at
           FROM cleaning_job_photos WHERE id = $1`,
        [id],
      );
      return rows[0];
    },

    async byIds(q: Queryable, jobId: number, ids: number[]): Promise<PhotoRow[]> {
      if (ids.length === 0) return [];
      const { rows } = await q.query<PhotoRow>(`SELECT ${COLUMNS} FROM ${PAIRED('ph.job_id = $1')} WHERE p.id = ANY($2::bigint[])`, [jobId, ids]);
      return rows;
    },

    /** The photos already made by these upload keys on the job (a retried upload). */
    async idsByUploadKeys(q: Queryable, jobId: number, keys: string[]): Promise<Map<string, number>> {
      if (keys.length === 0) return new Map();
      const { rows } = await q.query<{ id: number; upload_key: string }>(
        `SELECT id, upload_key FROM cleaning_job_photos WHERE job_id = $1 AND upload_key = ANY($2::text[])`,
        [jobId, keys],
      );
      return new Map(rows.map((r) => [r.upload_key, r.id]));
    },

    async count(q: Queryable, jobId: number): Promise<number> {
      const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM cleaning_job_photos WHERE job_id = $1`, [jobId]);
      return rows[0]!.n;
    },

    /** Photos this person uploaded since the start of the Lisbon day of `at`, over every job. */
    async countByUploaderOnDay(q: Queryable, userId: number, at: Date): Promise<number> {
      const { rows } = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cleaning_job_photos
          WHERE uploaded_by = $1 AND uploaded_at >= (date_trunc('day', $2::timestamptz AT TIME ZONE 'Europe/Lisbon') AT TIME ZONE 'Europe/Lisbon')`,
        [userId, at],
      );
      return rows[0]!.n;
    },

    async hasAfterPhoto(q: Queryable, jobId: number): Promise<boolean> {
      const { rows } = await q.query(`SELECT 1 FROM cleaning_job_photos WHERE job_id = $1 AND photo_type = 'after' LIMIT 1`, [jobId]);
      return rows.length > 0;
    },

    /** Serialises uploads to one job inside a transaction, so two batches cannot both pass the cap. */
    async lockJobPhotos(tx: Queryable, jobId: number): Promise<void> {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('cleaning_job_photos:' || $1::text, 0))`, [jobId]);
    },

    /** Two batches of one person to two jobs at once cannot both pass their daily quota. */
    async lockUploaderPhotos(tx: Queryable, userId: number): Promise<void> {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('cleaning_job_photos:uploader:' || $1::text, 0))`, [userId]);
    },

    /** Inserts a photo; a row already made by the same upload key wins, and null is returned. */
    async insert(tx: Queryable, p: NewPhoto): Promise<number | null> {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO cleaning_job_photos (job_id, uploaded_by, photo_type, room_area, caption, upload_key, storage_key, thumbnail_key,
           content_type, size_bytes, width, height, thumbnail_size_bytes, thumbnail_width, thumbnail_height, content_sha256,
           thumbnail_sha256, source_format, original_file_name, taken_at, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT ON CONSTRAINT cleaning_job_photos_upload_key DO NOTHING
         RETURNING id`,
        [
          p.jobId,
          p.uploadedBy,
          p.photoType,
          p.roomArea,
          p.caption,
          p.uploadKey,
          p.storageKey,
          p.thumbnailKey,
          p.contentType,
          p.sizeBytes,
          p.width,
          p.height,
          p.thumbnailSizeBytes,
          p.thumbnailWidth,
          p.thumbnailHeight,
          p.contentSha256,
          p.thumbnailSha256,
          p.sourceFormat,
          p.originalFileName,
          p.takenAt,
          p.uploadedAt,
        ],
      );
      return rows[0]?.id ?? null;
    },

    async remove(tx: Queryable, id: number): Promise<void> {
      await tx.query(`DELETE FROM cleaning_job_photos WHERE id = $1`, [id]);
    },

    /** The client's first view; later views leave the first time alone. */
    async markViewed(q: Queryable, id: number, at: Date): Promise<void> {
      await q.query(`UPDATE cleaning_job_photos SET client_viewed_at = $2 WHERE id = $1 AND client_viewed_at IS NULL`, [id, at]);
    },

    async roomCounts(q: Queryable, jobId: number): Promise<RoomCountRow[]> {
      const { rows } = await q.query<RoomCountRow>(
        `SELECT min(room_area) AS room_area, photo_type, count(*)::int AS n, count(client_viewed_at)::int AS seen
           FROM cleaning_job_photos WHERE job_id = $1
          GROUP BY lower(coalesce(room_area, '')), room_area IS NULL, photo_type
          ORDER BY room_area IS NULL, lower(min(room_area))`,
        [jobId],
      );
      return rows;
    },

    async waiver(q: Queryable, jobId: number): Promise<WaiverRow | undefined> {
      const { rows } = await q.query<WaiverRow>(
        `SELECT w.reason, w.waived_by, u.name AS waived_by_name, w.waived_at
           FROM cleaning_job_photo_waivers w JOIN users u ON u.id = w.waived_by WHERE w.job_id = $1`,
        [jobId],
      );
      return rows[0];
    },

    async saveWaiver(tx: Queryable, jobId: number, reason: string, by: number, at: Date): Promise<void> {
      await tx.query(
        `INSERT INTO cleaning_job_photo_waivers (job_id, reason, waived_by, waived_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (job_id) DO UPDATE SET reason = EXCLUDED.reason, waived_by = EXCLUDED.waived_by, waived_at = EXCLUDED.waived_at`,
        [jobId, reason, by, at],
      );
    },

    /** Every photo of a client's jobs (GDPR export and anonymisation). */
    async ofClient(q: Queryable, clientId: number): Promise<PhotoRow[]> {
      const { rows } = await q.query<PhotoRow>(
        `SELECT ${COLUMNS} FROM ${PAIRED('ph.job_id IN (SELECT id FROM cleaning_jobs WHERE client_id = $1)')} ORDER BY p.job_id, p.id`,
        [clientId],
      );
      return rows;
    },

    async removeMany(tx: Queryable, ids: number[]): Promise<void> {
      if (ids.length > 0) await tx.query(`DELETE FROM cleaning_job_photos WHERE id = ANY($1::bigint[])`, [ids]);
    },
  };
}

export type PhotosRepository = ReturnType<typeof createPhotosRepository>;
