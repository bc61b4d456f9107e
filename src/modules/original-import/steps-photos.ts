import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../lib/app-error.js';
import { newPhotoKeys } from '../photos/photo-storage.js';
import * as convert from './convert.js';
import { bool, date, num, str, type Step, type StepContext } from './step.js';

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * Where a photo's file is in the earlier system's uploads folder: its URL was `/uploads/<path>`. A path
 * that would leave the folder is refused.
 */
export function photoFile(uploadsDir: string, photoUrl: string): string | null {
  const relative = decodeURIComponent(photoUrl.replace(/^\/?uploads\//, ''));
  const root = path.resolve(uploadsDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

async function storePhoto(ctx: StepContext, file: string) {
  const image = await ctx.photos.pipeline.process(file);
  const keys = newPhotoKeys(image.image.extension);
  await ctx.photos.storage.put(keys.image, image.image.data, image.image.contentType);
  try {
    await ctx.photos.storage.put(keys.thumbnail, image.thumbnail.data, image.thumbnail.contentType);
  } catch (err) {
    await ctx.photos.storage.delete(keys.image).catch(() => undefined);
    throw err;
  }
  return { image, keys };
}

/**
 * Photos are copied from the uploads folder into this system's storage (local or S3), re-encoded with
 * their thumbnails like an upload. A missing or unreadable file is reported and skipped, never fatal; a
 * later run (with the file back) imports it.
 */
export const photosStep: Step = {
  entity: 'cleaning_job_photo',
  table: 'cleaning_job_photos',
  batchSize: 20,
  select: (s) =>
    [
      't.id', 't.cleaning_job_id', 't.worker_id', 't.photo_url', 't.photo_type',
      ...['room_area', 'original_filename', 'caption', 'viewed_by_client'].map((c) => s.col('cleaning_job_photos', c)),
      s.ts('cleaning_job_photos', 'uploaded_at'), s.ts('cleaning_job_photos', 'viewed_at'),
    ].join(', '),
  async importRows(ctx, rows) {
    for (const r of rows) {
      let stored: Awaited<ReturnType<typeof storePhoto>> | undefined;
      try {
        await ctx.row(r.id, async () => {
          const jobId = ctx.ids.get('cleaning_job', num(r, 'cleaning_job_id'));
          const uploaderId = ctx.ids.get('user', num(r, 'worker_id'));
          if (jobId === undefined) return { skipped: 'its job was not imported' };
          if (uploaderId === undefined) return { skipped: 'its worker was not imported' };
          const type = str(r, 'photo_type') ?? 'detail';
          if (!convert.PHOTO_TYPES.has(type)) return { skipped: `unknown photo type ${type}` };
          if (!ctx.photos.uploadsDir) return { skipped: 'no --uploads folder given' };
          const url = str(r, 'photo_url') ?? '';
          const file = photoFile(ctx.photos.uploadsDir, url);
          if (!file) return { skipped: `file path leaves the uploads folder: ${url}` };
          if (!fs.existsSync(file)) return { skipped: `file missing: ${url}` };
          if (ctx.dryRun) {
            await fs.promises.access(file, fs.constants.R_OK);
            return 'imported';
          }
          try {
            stored = await storePhoto(ctx, file);
          } catch (err) {
            if (err instanceof AppError) return { skipped: `file not usable (${err.code}): ${url}` };
            throw err;
          }
          const { image, keys } = stored;
          const uploaded = date(r, 'uploaded_at') ?? new Date();
          const { rows: made } = await ctx.tx.query<{ id: number }>(
            `INSERT INTO cleaning_job_photos (job_id, uploaded_by, photo_type, room_area, caption, upload_key, storage_key, thumbnail_key, content_type,
               size_bytes, width, height, thumbnail_size_bytes, thumbnail_width, thumbnail_height, content_sha256, thumbnail_sha256, source_format,
               original_file_name, taken_at, uploaded_at, client_viewed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
            [jobId, uploaderId, type, convert.text(str(r, 'room_area'), 100), convert.text(str(r, 'caption'), 500), `original-${r.id}`, keys.image, keys.thumbnail,
              image.image.contentType, image.image.data.length, image.image.width, image.image.height, image.thumbnail.data.length, image.thumbnail.width,
              image.thumbnail.height, sha256(image.image.data), sha256(image.thumbnail.data), image.sourceFormat,
              convert.text(str(r, 'original_filename'), 255), image.takenAt, uploaded, bool(r, 'viewed_by_client', false) ? (date(r, 'viewed_at') ?? uploaded) : null],
          );
          await ctx.ids.set('cleaning_job_photo', r.id, made[0]!.id);
          stored = undefined;
          return 'imported';
        });
      } finally {
        // Files stored for a row the database then refused are not left behind.
        if (stored) for (const key of [stored.keys.image, stored.keys.thumbnail]) await ctx.photos.storage.delete(key).catch(() => undefined);
      }
    }
  },
};
