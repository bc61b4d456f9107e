import type { RequestHandler } from 'express';
import { AddConditionBody, OrderCondition, UploadConditionPhotoForm, UploadConditionPhotosResult } from '../../contracts/laundry-condition.js';
import { PHOTO_UPLOAD_LIMITS } from '../../contracts/photos.js';
import { route, RESPONDED, type Routes } from '../../http/endpoint.js';
import { displayFileName, multipartUpload } from '../../http/middleware/upload.js';
import { successBody } from '../../lib/envelope.js';
import type { Logger } from '../../lib/logger.js';
import { IdParams } from '../../lib/paging.js';
import { sendPhoto } from '../photos/photos.routes.js';
import type { LaundryConditionService } from './laundry-condition.service.js';

const STAFF = ['master', 'admin'] as const;
const PROCESSORS = ['master', 'admin', 'worker'] as const;
const EVERYONE = ['master', 'admin', 'worker', 'client'] as const;
const NOT_YOURS = 'NOT_FOUND — no such order, item or photo, or not yours (another client gets the same answer).';

export interface LaundryConditionRoutesDeps {
  condition: LaundryConditionService;
  uploadTmpDir: string;
  logger: Logger;
}

/** Intake condition of laundry items: notes, photos, the client's acknowledgement (issue 21 §6). */
export function laundryConditionRoutes(routes: Routes, { condition, uploadTmpDir, logger }: LaundryConditionRoutesDeps) {
  const tags = ['Laundry floor'];

  // Who may add photos to this item is settled before a byte of the body is spooled.
  const uploadTarget: RequestHandler = async (req, _res, next) => {
    const id = IdParams.safeParse(req.params);
    if (id.success && req.actor) await condition.uploadTarget(req.actor, id.data.id);
    next();
  };
  const upload = multipartUpload({
    field: 'photos',
    tmpRoot: uploadTmpDir,
    limits: { files: PHOTO_UPLOAD_LIMITS.filesPerRequest, fileSize: PHOTO_UPLOAD_LIMITS.bytesPerFile, fields: 4, fieldSize: 4 * 1024 },
  });

  route(
    routes,
    {
      method: 'get',
      path: '/api/laundry-orders/:id/condition',
      summary: 'What was noted about the items of an order at intake: notes and photos per item, and the client’s acknowledgement',
      description: 'Staff, workers and the order’s client. Only items with something noted are listed.',
      tags,
      access: EVERYONE,
      params: IdParams,
      response: OrderCondition,
      errors: { 404: NOT_YOURS },
    },
    ({ actor, params }) => condition.condition(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-items/:id/condition',
      summary: 'Note the condition of an item at intake (stain, tear, missing button, discolouration, other); audited',
      description: 'Anything noted after the client acknowledged re-opens the acknowledgement. Answers the order’s whole condition.',
      tags,
      access: PROCESSORS,
      params: IdParams,
      body: AddConditionBody,
      response: OrderCondition,
      status: 201,
      errors: { 400: 'VALIDATION_FAILED (an unknown kind; `other` without a note)', 404: NOT_YOURS, 409: 'ORDER_CLOSED, CONDITION_LIMIT_REACHED' },
    },
    ({ actor, params, body }) => condition.addNote(actor!, params.id, body),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-items/:id/condition-photos',
      summary: 'Photos of an item’s condition at intake (multipart; the photo pipeline)',
      description:
        'Field `photos` carries 1–10 files (JPEG, PNG or WebP, checked from their bytes), at most 10 MB each; each is auto-oriented, ' +
        'stripped of its metadata, resized and re-encoded with a thumbnail, and kept in the private photo storage. All or nothing. ' +
        'One file may carry an `uploadKey`: a retry with the same key returns the photo it made (200). At most 10 photos an item.',
      tags,
      access: PROCESSORS,
      params: IdParams,
      body: UploadConditionPhotoForm,
      bodyContentType: 'multipart/form-data',
      response: UploadConditionPhotosResult,
      status: 201,
      before: [uploadTarget, upload],
      errors: {
        400: 'NO_FILES, BATCH_LIMIT_EXCEEDED, MALFORMED_MULTIPART, MULTIPART_LIMIT_EXCEEDED, UNEXPECTED_FILE_FIELD, REQUEST_ABORTED, VALIDATION_FAILED',
        404: NOT_YOURS,
        409: 'ORDER_CLOSED, PHOTO_QUOTA_EXCEEDED (details: scope item, limit, current, adding)',
        413: 'FILE_TOO_LARGE',
        415: 'UNSUPPORTED_MEDIA_TYPE',
        422: 'IMAGE_TOO_LARGE, INVALID_IMAGE',
        503: 'STORAGE_UNAVAILABLE — nothing was kept.',
      },
    },
    async ({ actor, params, body, req, res }) => {
      const files = ((req.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ path: f.path, originalName: displayFileName(f.originalname) }));
      const { status, result } = await condition.uploadPhotos(actor!, params.id, files, body);
      res.status(status).json(successBody(result, res.locals.correlationId as string));
      return RESPONDED;
    },
  );

  for (const rendition of ['image', 'thumbnail'] as const) {
    route(
      routes,
      {
        method: 'get',
        path: rendition === 'image' ? '/api/laundry-condition-photos/:id' : '/api/laundry-condition-photos/:id/thumbnail',
        summary: rendition === 'image' ? 'A condition photo (at most 2560 px)' : "A condition photo's thumbnail (about 400 px)",
        description: 'For staff, workers and the order’s client; served like every photo (nosniff, CSP, private cache, strong ETag).',
        tags,
        access: EVERYONE,
        params: IdParams,
        rawResponse: { contentType: 'image/webp', description: 'The image bytes.' },
        errors: { 404: NOT_YOURS, 503: 'STORAGE_UNAVAILABLE' },
      },
      async ({ actor, params, req, res }) => sendPhoto(res, await condition.content(actor!, params.id, rendition, req.get('if-none-match')), logger),
    );
  }

  route(
    routes,
    {
      method: 'delete',
      path: '/api/laundry-conditions/:id',
      summary: 'Take back a condition note made by mistake (staff, while the order is open); audited',
      tags,
      access: STAFF,
      params: IdParams,
      response: OrderCondition,
      errors: { 404: NOT_YOURS, 409: 'ORDER_CLOSED' },
    },
    ({ actor, params }) => condition.removeNote(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'delete',
      path: '/api/laundry-condition-photos/:id',
      summary: 'Delete a condition photo taken by mistake, with its files (staff, while the order is open); audited',
      tags,
      access: STAFF,
      params: IdParams,
      response: OrderCondition,
      errors: { 404: NOT_YOURS, 409: 'ORDER_CLOSED' },
    },
    ({ actor, params }) => condition.removePhoto(actor!, params.id),
  );

  route(
    routes,
    {
      method: 'post',
      path: '/api/laundry-orders/:id/condition/acknowledge',
      summary: 'The order’s client acknowledges the condition noted at intake (audited; again is harmless)',
      tags,
      access: ['client'] as const,
      params: IdParams,
      response: OrderCondition,
      errors: { 404: NOT_YOURS, 409: 'NOTHING_TO_ACKNOWLEDGE — nothing was noted on this order.' },
    },
    ({ actor, params }) => condition.acknowledge(actor!, params.id),
  );
}
