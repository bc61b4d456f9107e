import { z } from 'zod';

/**
 * Photos attached to a client request or to a message of a conversation (issue 23 §1–2): the stain, the
 * state of the flat. They go through the same photo pipeline as job photos and are readable by whoever
 * may read the request or the conversation. Shared by the server and the SPA.
 */

/** At most this many photos on one request, and on one message. */
export const ATTACHED_PHOTO_LIMITS = { perRequest: 5, perMessage: 4 } as const;

export const AttachedPhoto = z
  .object({
    id: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    uploadedAt: z.string(),
    url: z.string().meta({ example: '/api/attached-photos/12' }),
    thumbnailUrl: z.string().meta({ example: '/api/attached-photos/12/thumbnail' }),
  })
  .meta({ id: 'AttachedPhoto' });
export type AttachedPhotoDto = z.infer<typeof AttachedPhoto>;

const files = (max: number) =>
  z
    .array(z.string().meta({ format: 'binary' }))
    .optional()
    .meta({ description: `1–${max} image files (JPEG, PNG, WebP), at most 10 MB each.` });

export const UploadRequestPhotosForm = z.object({ photos: files(ATTACHED_PHOTO_LIMITS.perRequest) }).strict().meta({ id: 'UploadRequestPhotosForm' });

export const PhotoMessageForm = z
  .object({
    photos: files(ATTACHED_PHOTO_LIMITS.perMessage),
    body: z.string().max(20_000).optional().meta({ description: 'Plain text, optional with a photo; at most 2000 characters once trimmed.' }),
  })
  .strict()
  .meta({ id: 'PhotoMessageForm' });
export type PhotoMessageInput = z.infer<typeof PhotoMessageForm>;

export const AttachedPhotosResult = z.object({ photos: z.array(AttachedPhoto) }).meta({ id: 'AttachedPhotosResult' });
export type AttachedPhotosResultDto = z.infer<typeof AttachedPhotosResult>;
