import { pipeline } from 'node:stream/promises';
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { JobPhoto, PHOTO_UPLOAD_LIMITS, PhotoSummary, PhotoType, UploadPhotosForm, UploadPhotosResult, WaivePhotoRequirementBody } from '../../contracts/photos.js';
import { IdParams, pagingQuery } from '../../lib/paging.js';
import { successBody } from '../../lib/envelope.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { displayFileName, multipartUpload } from '../../http/middleware/upload.js';
import type { Logger } from '../../lib/logger.js';
import { photoHeaders } from './photo-headers.js';
import type { PhotoContent, PhotosService } from './photos.service.js';

const STAFF = ['master', 'admin'] as const;
const ON_SITE = ['master', 'admin', 'worker'] as const;
const EVERYONE = ['master', 'admin', 'worker', 'client'] as const;

const ListQuery = pagingQuery(['room', 'uploadedAt', 'takenAt'], 'room').extend({
  photoType: PhotoType.optional(),
  roomArea: z.string().trim().min(1).max(PHOTO_UPLOAD_LIMITS.roomArea).optional().meta({ description: 'Exact room name, any case.' }),
});

const NOT_YOURS = 'NOT_FOUND — no such job or photo, or not yours (an unassigned worker and another client get the same answer).';

export interface PhotosRoutesDeps {
  photos: PhotosService;
  /** Where the upload middleware spools files while a request runs. */
  uploadTmpDir: string;
  logger: Logger;
}

/**
 * Streams a stored photo with its protective headers (or 304 when the caller's copy is current).
 * `cacheControl` replaces the default hour in the browser's cache (a photo behind a revocable link).
 */
export async function sendPhoto(res: Response, content: PhotoContent, logger: Logger, cacheControl?: string): Promise<typeof RESPONDED> {
  for (const [name, value] of Object.entries(photoHeaders(content))) res.setHeader(name, value);
  if (cacheControl) res.setHeader('Cache-Control', cacheControl);
  if (!content.body) {
    res.removeHeader('Content-Length');
    res.status(304).end();
    return RESPONDED;
  }
  try {
    await pipeline(content.body, res);
  } catch (err) {
    // Usually the viewer navigated away mid-download; the stream is closed either way.
    logger.debug({ err, photoId: content.photoId }, 'Photo download ended early');
  }
  return RESPONDED;
}

export function photosRoutes(routes: Routes, { photos, uploadTmpDir, logger }: PhotosRoutesDeps) {
  const tags = ['Photos'];

  // Who may upload to this job is settled before a byte of the body is spooled.
  const uploadTarget: RequestHandler = async (req, _res, next) => {
    const id = IdParams.safeParse(req.params);
    if (id.success && req.actor) await photos.uploadTarget(req.actor, id.data.id);
    next();
  };
  const upload = multipartUpload({
    field: 'photos',
    tmpRoot: uploadTmpDir,
    limits: { files: PHOTO_UPLOAD_LIMITS.filesPerRequest, fileSize: PHOTO_UPLOAD_LIMITS.bytesPerFile, fields: 12, fieldSize: 64 * 1024 },
  });

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/photos',
      summary: 'Upload 1–10 photos to a job (multipart)',
      description:
        'Field `photos` carries the files (JPEG, PNG or WebP, checked from their bytes; AVIF/HEIC only when the server decodes them), ' +
        'at most 10 MB each. Each is auto-oriented, stripped of all metadata (GPS included; the EXIF capture time is kept as takenAt), ' +
        'resized to at most 2560 px and re-encoded with a ~400 px thumbnail; the original is not kept. A request is all or nothing. ' +
        'Give each photo an upload key (`uploadKey` for one file, `meta` for a batch): a retry with the same key returns the photo ' +
        'it made (200 when every file was a retry, 201 otherwise). Workers add photos while the job is open; staff also after completion.',
      tags,
      access: ON_SITE,
      params: IdParams,
      body: UploadPhotosForm,
      bodyContentType: 'multipart/form-data',
      response: UploadPhotosResult,
      status: 201,
      before: [uploadTarget, upload],
      errors: {
        400: 'NO_FILES, BATCH_LIMIT_EXCEEDED (more than 10 files), MALFORMED_MULTIPART, MULTIPART_LIMIT_EXCEEDED, UNEXPECTED_FILE_FIELD, DUPLICATE_UPLOAD_KEY, REQUEST_ABORTED, VALIDATION_FAILED',
        404: NOT_YOURS,
        409: 'JOB_CLOSED, PHOTO_QUOTA_EXCEEDED (settings maxPhotosPerJob and maxPhotosPerUserPerDay; details: scope job|userDay, limit, current, adding)',
        413: 'FILE_TOO_LARGE (a file over 10 MB)',
        415: 'UNSUPPORTED_MEDIA_TYPE (details: index of the file, detected type)',
        422: 'IMAGE_TOO_LARGE (more pixels than PHOTO_MAX_INPUT_PIXELS), INVALID_IMAGE (cannot be decoded); details name the file index',
        503: 'STORAGE_UNAVAILABLE — the disk or bucket cannot be used; nothing was kept.',
      },
    },
    async ({ actor, params, body, req, res }) => {
      const files = ((req.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ path: f.path, originalName: displayFileName(f.originalname) }));
      const { status, result } = await photos.upload(actor!, params.id, files, body);
      res.status(status).json(successBody(result, res.locals.correlationId as string));
      return RESPONDED;
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id/photos',
      summary: "A job's photos, paged; before/after of a room side by side",
      description:
        'The default sort `room` groups each room (by name; no room last): before 1, after 1, before 2, after 2, …, then its details. ' +
        'Staff see `clientViewedAt` on each photo.',
      tags,
      access: EVERYONE,
      params: IdParams,
      query: ListQuery,
      response: JobPhoto,
      list: true,
      errors: { 404: NOT_YOURS },
    },
    ({ actor, params, query }) => {
      const { photoType, roomArea, ...page } = query;
      return photos.list(actor!, params.id, { photoType, roomArea }, page);
    },
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/cleaning-jobs/:id/photos/summary',
      summary: "Counts of a job's photos per type and room, and whether the after-photo rule is met",
      tags,
      access: EVERYONE,
      params: IdParams,
      response: PhotoSummary,
      errors: { 404: NOT_YOURS },
    },
    ({ actor, params }) => photos.summary(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/cleaning-jobs/:id/after-photo-waiver',
      summary: 'Let an open job be completed without an "after" photo, with a reason (audited)',
      tags,
      access: STAFF,
      params: IdParams,
      body: WaivePhotoRequirementBody,
      response: PhotoSummary,
      errors: { 404: NOT_YOURS, 409: 'JOB_CLOSED' },
    },
    ({ actor, params, body }) => photos.waiveAfterPhoto(actor!, params.id, body.reason),
  );

  for (const rendition of ['image', 'thumbnail'] as const) {
    route(
      routes,
      {
        method: 'get',
        path: rendition === 'image' ? '/api/photos/:id' : '/api/photos/:id/thumbnail',
        summary: rendition === 'image' ? 'A photo (at most 2560 px)' : "A photo's thumbnail (about 400 px)",
        description:
          'For staff, the job’s workers and its client. Served with nosniff, `Content-Security-Policy: default-src \'none\'`, an inline ' +
          'server-made file name, `Cache-Control: private` and a strong ETag (If-None-Match → 304). The client’s first load of the full image (not the thumbnail) is recorded for staff.',
        tags,
        access: EVERYONE,
        params: IdParams,
        rawResponse: { contentType: 'image/webp', description: 'The image bytes.' },
        errors: { 404: NOT_YOURS, 503: 'STORAGE_UNAVAILABLE' },
      },
      async ({ actor, params, req, res }) => sendPhoto(res, await photos.content(actor!, params.id, rendition, req.get('if-none-match')), logger),
    );
  }

  route(
    routes,
    {
      method: 'delete',
      path: '/api/photos/:id',
      summary: 'Delete a photo and its files (staff; the worker who took it while the job is open); audited',
      tags,
      access: ON_SITE,
      params: IdParams,
      status: 204,
      errors: { 403: 'FORBIDDEN — another worker’s photo; clients.', 404: NOT_YOURS, 409: 'JOB_CLOSED — a worker after the job closed.' },
    },
    ({ actor, params }) => photos.remove(actor!, params.id),
  );
}
