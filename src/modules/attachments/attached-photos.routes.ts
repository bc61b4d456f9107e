import type { RequestHandler } from 'express';
import { PHOTO_UPLOAD_LIMITS } from '../../contracts/photos.js';
import { route, type Routes } from '../../http/endpoint.js';
import { displayFileName, multipartUpload } from '../../http/middleware/upload.js';
import type { Logger } from '../../lib/logger.js';
import { IdParams } from '../../lib/paging.js';
import type { UploadedFile } from '../photos/photo-files.js';
import { sendPhoto } from '../photos/photos.routes.js';
import type { AttachedPhotosService } from './attached-photos.service.js';

export { createAttachedPhotosService } from './attached-photos.service.js';

const EVERYONE = ['master', 'admin', 'worker', 'client'] as const;

/** What every attached-photo upload route answers besides its own errors. */
export const PHOTO_UPLOAD_ERRORS = {
  400: 'NO_FILES, BATCH_LIMIT_EXCEEDED, MALFORMED_MULTIPART, MULTIPART_LIMIT_EXCEEDED, UNEXPECTED_FILE_FIELD, REQUEST_ABORTED, VALIDATION_FAILED',
  413: 'FILE_TOO_LARGE (a file over 10 MB)',
  415: 'UNSUPPORTED_MEDIA_TYPE (details: index of the file, detected type)',
  422: 'IMAGE_TOO_LARGE, INVALID_IMAGE',
  503: 'STORAGE_UNAVAILABLE — nothing was kept.',
} as const;

/**
 * The multipart parser for attached photos: who may attach is settled by `target` before a byte of the
 * body is spooled; at most `maxFiles` files in the field `photos`.
 */
export function attachedPhotoUpload(uploadTmpDir: string, maxFiles: number, target: (req: Parameters<RequestHandler>[0]) => Promise<void>): RequestHandler[] {
  const check: RequestHandler = async (req, _res, next) => {
    if (req.actor) await target(req);
    next();
  };
  const upload = multipartUpload({
    field: 'photos',
    tmpRoot: uploadTmpDir,
    limits: { files: maxFiles, fileSize: PHOTO_UPLOAD_LIMITS.bytesPerFile, fields: 4, fieldSize: 64 * 1024 },
  });
  return [check, upload];
}

/** The files the upload middleware spooled for this request. */
export const spooledFiles = (req: { files?: unknown }): UploadedFile[] =>
  ((req.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ path: f.path, originalName: displayFileName(f.originalname) }));

/** Photos attached to requests and messages, served to whoever may read their request or conversation. */
export function attachedPhotosRoutes(routes: Routes, { photos, logger }: { photos: AttachedPhotosService; logger: Logger }) {
  for (const rendition of ['image', 'thumbnail'] as const) {
    route(
      routes,
      {
        method: 'get',
        path: rendition === 'image' ? '/api/attached-photos/:id' : '/api/attached-photos/:id/thumbnail',
        summary: rendition === 'image' ? 'A photo attached to a request or a message (at most 2560 px)' : "An attached photo's thumbnail (about 400 px)",
        description:
          'A request’s photos for staff and its client; a message’s for whoever may read its conversation (the workers of a job only while it is open). ' +
          'Served like every photo (nosniff, CSP, private cache, strong ETag).',
        tags: ['Photos'],
        access: EVERYONE,
        params: IdParams,
        rawResponse: { contentType: 'image/webp', description: 'The image bytes.' },
        errors: { 404: 'NOT_FOUND — no such photo, or not yours to see.', 503: 'STORAGE_UNAVAILABLE' },
      },
      async ({ actor, params, req, res }) => sendPhoto(res, await photos.content(actor!, params.id, rendition, req.get('if-none-match')), logger),
    );
  }
}
