import { z } from 'zod';

/**
 * Cleaning-job photo shapes shared by the server and the web app. Uploads are multipart (field
 * `photos`, 1–10 files); everything else is JSON. Instants are ISO 8601.
 */

export const PHOTO_TYPES = ['before', 'after', 'detail'] as const;
export const PhotoType = z.enum(PHOTO_TYPES).meta({ id: 'PhotoType' });

/** Documented limits of one upload request (PRODUCT §8; issue 7). */
export const PHOTO_UPLOAD_LIMITS = {
  filesPerRequest: 10,
  bytesPerFile: 10 * 1024 * 1024,
  roomArea: 100,
  caption: 500,
  uploadKey: 100,
} as const;

const roomArea = z.string().trim().min(1).max(PHOTO_UPLOAD_LIMITS.roomArea).meta({ example: 'Cozinha' });
const caption = z.string().trim().max(PHOTO_UPLOAD_LIMITS.caption);
const uploadKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,100}$/, 'must be 8–100 characters of letters, digits and . _ : -')
  .meta({ description: "The phone's own id for this photo (e.g. a UUID): a retry with the same key returns the photo it made." });

/** Per-file values, in the order of the files; each overrides the batch's value. */
export const PhotoFileMeta = z
  .object({ photoType: PhotoType.optional(), roomArea: roomArea.optional(), caption: caption.optional(), uploadKey: uploadKey.optional() })
  .strict()
  .meta({ id: 'PhotoFileMeta' });

const metaList = z
  .string()
  .max(64 * 1024)
  .transform((text, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array' });
      return z.NEVER;
    }
    const parsed = z.array(PhotoFileMeta).max(PHOTO_UPLOAD_LIMITS.filesPerRequest).safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });

/**
 * The text fields of an upload. `photoType`, `roomArea` and `caption` apply to every file of the batch;
 * `meta` (a JSON array, one entry per file in order) gives per-file values and upload keys. A single
 * file may carry its `uploadKey` as a plain field.
 */
export const UploadPhotosForm = z
  .object({
    photos: z
      .array(z.string().meta({ format: 'binary' }))
      .optional()
      .meta({ description: `1–${PHOTO_UPLOAD_LIMITS.filesPerRequest} image files (JPEG, PNG, WebP; AVIF/HEIC when the server decodes them), at most 10 MB each.` }),
    photoType: PhotoType.optional(),
    roomArea: roomArea.optional(),
    caption: caption.optional(),
    uploadKey: uploadKey.optional(),
    meta: metaList.optional().meta({ description: 'JSON array of PhotoFileMeta, one per file in order.', example: '[{"uploadKey":"3f1c…","photoType":"before"}]' }),
  })
  .strict()
  .meta({ id: 'UploadPhotosForm' });

const person = z.object({ id: z.number().int(), name: z.string() });

/**
 * A photo as the caller may see it: the job's client gets the picture and its description; workers add
 * who uploaded it; staff also see whether and when the client has seen it.
 */
export const JobPhoto = z
  .object({
    id: z.number().int(),
    jobId: z.number().int(),
    photoType: PhotoType,
    roomArea: z.string().nullable(),
    caption: z.string().nullable(),
    pairIndex: z
      .number()
      .int()
      .meta({ description: "The photo's place among the job's photos of its type in its room (1, 2, …): before n and after n of a room are a pair." }),
    takenAt: z.string().nullable().meta({ description: "From the photo's EXIF capture time, when it had one." }),
    uploadedAt: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    url: z.string().meta({ example: '/api/photos/42' }),
    thumbnailUrl: z.string().meta({ example: '/api/photos/42/thumbnail' }),
    uploadedBy: person.optional().meta({ description: 'Staff and workers.' }),
    originalFileName: z.string().nullable().optional().meta({ description: 'Staff and workers: the name the phone gave the file (display only).' }),
    sizeBytes: z.number().int().optional().meta({ description: 'Staff and workers.' }),
    canDelete: z.boolean().optional().meta({ description: 'Staff and workers: whether this caller may delete the photo now.' }),
    clientViewedAt: z.string().nullable().optional().meta({ description: 'Staff only: when the client first loaded the photo.' }),
  })
  .meta({ id: 'JobPhoto' });

export const UploadPhotosResult = z
  .object({
    photos: z.array(JobPhoto).meta({ description: 'One per file, in the order sent.' }),
    created: z.number().int(),
    replayed: z.number().int().meta({ description: 'Files whose upload key had already made a photo (returned, not stored again).' }),
  })
  .meta({ id: 'UploadPhotosResult' });

const counts = { before: z.number().int(), after: z.number().int(), detail: z.number().int() };

export const PhotoSummary = z
  .object({
    jobId: z.number().int(),
    counts: z.object({ ...counts, total: z.number().int() }),
    rooms: z.array(z.object({ roomArea: z.string().nullable(), ...counts })).meta({ description: 'Rooms in name order; photos without a room last.' }),
    maxPhotos: z.number().int().meta({ description: 'The per-job cap (setting maxPhotosPerJob).' }),
    afterPhotoRequired: z.boolean().meta({ description: 'Whether completion needs an "after" photo (setting requireAfterPhoto).' }),
    requirementMet: z.boolean().meta({ description: 'An "after" photo exists, the setting is off, or staff waived it.' }),
    waiver: z.object({ reason: z.string(), by: person, at: z.string() }).nullable().optional().meta({ description: 'Staff and workers.' }),
    seenByClient: z.number().int().optional().meta({ description: 'Staff only: photos the client has loaded.' }),
  })
  .meta({ id: 'PhotoSummary' });

export const WaivePhotoRequirementBody = z
  .object({ reason: z.string().trim().min(3, 'say why').max(500) })
  .strict()
  .meta({ id: 'WaivePhotoRequirementBody' });

export type PhotoTypeValue = z.infer<typeof PhotoType>;
export type UploadPhotosInput = z.infer<typeof UploadPhotosForm>;
export type PhotoFileMetaInput = z.infer<typeof PhotoFileMeta>;
export type JobPhotoDto = z.infer<typeof JobPhoto>;
export type UploadPhotosResultDto = z.infer<typeof UploadPhotosResult>;
export type PhotoSummaryDto = z.infer<typeof PhotoSummary>;
