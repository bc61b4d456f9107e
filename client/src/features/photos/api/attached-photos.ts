import type { AttachedPhotoDto } from '@contracts/attached-photos';
import { sendPhotoForm } from '@/features/photos/api/upload-photo';
import { preparePhoto } from '@/features/photos/queue/downsize-image';

export type AttachedPhoto = AttachedPhotoDto;

/**
 * A multipart send of photos attached to a request or a message: each made smaller and upright on the
 * device first (as every photo the app sends), in the field `photos`, with any text fields.
 */
export async function sendAttachedPhotos<T>(url: string, files: File[], fields: Record<string, string> = {}, idempotencyKey?: string): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    const prepared = await preparePhoto(file);
    form.append('photos', prepared.blob, prepared.fileName);
  }
  return sendPhotoForm<T>(url, form, { idempotencyKey });
}
