import { api } from '@/lib/api-client';
import { sendAttachedPhotos } from '@/features/photos/api/attached-photos';
import { threadPath, type ThreadMessage, type ThreadSubject } from './keys';

/**
 * POST /api/threads/:subject/:id/messages. The key is the message's own (made when it was written), so
 * the automatic retries, a double press and the person's own "try again" all send it once.
 */
export function sendMessage(subject: ThreadSubject, id: number, body: string, idempotencyKey: string) {
  return api.create<ThreadMessage>(`${threadPath(subject, id)}/messages`, { body }, { idempotencyKey, retries: 3 });
}

/**
 * POST /api/threads/:subject/:id/photo-messages: a message with photos (multipart), its text optional,
 * under the message's own key like a text message, so "try again" after a lost answer posts it once.
 */
export function sendPhotoMessage(subject: ThreadSubject, id: number, body: string, files: File[], idempotencyKey: string) {
  return sendAttachedPhotos<ThreadMessage>(`${threadPath(subject, id)}/photo-messages`, files, body ? { body } : {}, idempotencyKey);
}
