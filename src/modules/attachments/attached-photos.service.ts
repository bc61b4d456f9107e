import type { Queryable } from '../../db/pool.js';
import { notFound } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../../lib/request-context.js';
import type { AttachedPhotoDto } from '../../contracts/attached-photos.js';
import type { PhotoContent, PhotoFiles, StoredImage, UploadedFile } from '../photos/photo-files.js';
import { createAttachedPhotosRepository, type AttachedPhotoRow, type AttachedPhotosRepository } from './attached-photos.repository.js';

/** Files checked, cleaned and written to storage, not yet recorded. */
export type PreparedPhotos = Array<StoredImage<UploadedFile>>;

/** Whether this caller may read this message (the conversations module's rule). */
export type MessageAccess = (q: Queryable, actor: Actor, messageId: number) => Promise<boolean>;

const isStaff = (actor: Actor) => actor.role === 'master' || actor.role === 'admin';

/**
 * Photos attached to client requests and to conversation messages (issue 23 §1–2). The owning module
 * decides who may attach and when; this one runs the photo pipeline (checked from their bytes,
 * re-encoded, metadata stripped, thumbnail, private storage), records them with their owner inside the
 * owner's transaction, and serves them to whoever may read the owner: a request's photos to staff and
 * its client, a message's to whoever may read its conversation. Anyone else gets 404.
 */
export function createAttachedPhotosService({
  db,
  repo = createAttachedPhotosRepository(),
  files,
  logger,
}: {
  db: Queryable;
  repo?: AttachedPhotosRepository;
  files: PhotoFiles;
  logger: Logger;
}) {
  let messageAccess: MessageAccess = async () => false;

  const toDto = (row: AttachedPhotoRow): AttachedPhotoDto => ({
    id: row.id,
    width: row.width,
    height: row.height,
    uploadedAt: row.uploaded_at.toISOString(),
    url: `/api/attached-photos/${row.id}`,
    thumbnailUrl: `/api/attached-photos/${row.id}/thumbnail`,
  });

  function grouped(rows: AttachedPhotoRow[], key: 'request_id' | 'message_id'): Map<number, AttachedPhotoDto[]> {
    const out = new Map<number, AttachedPhotoDto[]>();
    for (const row of rows) {
      const id = row[key]!;
      out.set(id, [...(out.get(id) ?? []), toDto(row)]);
    }
    return out;
  }

  async function mayRead(actor: Actor, row: AttachedPhotoRow): Promise<boolean> {
    if (row.request_id !== null) return isStaff(actor) || (actor.role === 'client' && actor.id === row.client_id);
    return messageAccess(db, actor, row.message_id!);
  }

  return {
    /** The conversations module says who may read a message once it exists. */
    setMessageAccess(access: MessageAccess): void {
      messageAccess = access;
    },

    /** Runs the pipeline on every file and stores them (all or nothing); nothing is recorded yet. */
    prepare: (uploads: UploadedFile[]): Promise<PreparedPhotos> => files.processAndStore(uploads.map((file, index) => ({ item: file, file, index }))),

    /** Removes prepared files whose recording failed, so no orphan stays in the storage. */
    discard: (prepared: PreparedPhotos, why: string) => files.remove(prepared.flatMap((p) => [p.keys.image, p.keys.thumbnail]), why),

    /** Records prepared photos on their request or message, inside the owner's transaction. */
    async record(
      tx: Queryable,
      owner: { clientId: number; requestId?: number; messageId?: number },
      uploader: { type: 'user' | 'client'; id: number },
      prepared: PreparedPhotos,
      at: Date,
    ): Promise<AttachedPhotoDto[]> {
      const out: AttachedPhotoDto[] = [];
      for (const p of prepared) {
        const id = await repo.insert(tx, {
          clientId: owner.clientId,
          requestId: owner.requestId ?? null,
          messageId: owner.messageId ?? null,
          uploader,
          storageKey: p.keys.image,
          thumbnailKey: p.keys.thumbnail,
          contentType: p.image.image.contentType,
          sizeBytes: p.image.image.data.length,
          width: p.image.image.width,
          height: p.image.image.height,
          thumbnailSizeBytes: p.image.thumbnail.data.length,
          contentSha256: p.contentSha256,
          thumbnailSha256: p.thumbnailSha256,
          sourceFormat: p.image.sourceFormat,
          originalFileName: p.item.originalName,
          uploadedAt: at,
        });
        out.push({ id, width: p.image.image.width, height: p.image.image.height, uploadedAt: at.toISOString(), url: `/api/attached-photos/${id}`, thumbnailUrl: `/api/attached-photos/${id}/thumbnail` });
      }
      if (out.length > 0) logger.info({ event: 'attached_photos.uploaded', ...owner, created: out.length }, `✅ Photos attached: ${out.length}`);
      return out;
    },

    countOfRequest: (q: Queryable, requestId: number) => repo.countOfRequest(q, requestId),
    ofRequests: async (q: Queryable, ids: number[]) => grouped(await repo.ofRequests(q, ids), 'request_id'),
    ofMessages: async (q: Queryable, ids: number[]) => grouped(await repo.ofMessages(q, ids), 'message_id'),

    /** The image or its thumbnail for those who may read its request or message; anyone else: 404. */
    async content(actor: Actor, id: number, rendition: 'image' | 'thumbnail', ifNoneMatch: string | undefined): Promise<PhotoContent> {
      const row = await repo.find(db, id);
      if (!row || !(await mayRead(actor, row))) throw notFound('No such photo.');
      return files.read(
        { id: row.id, storageKey: row.storage_key, thumbnailKey: row.thumbnail_key, contentType: row.content_type, contentSha256: row.content_sha256, thumbnailSha256: row.thumbnail_sha256 },
        rendition,
        ifNoneMatch,
      );
    },

    // --- GDPR ---------------------------------------------------------------------------------------
    /** The photos attached to the client's requests and conversations, listed (the files are served by the same route). */
    async exportClient(q: Queryable, clientId: number) {
      return (await repo.ofClient(q, clientId)).map((row) => ({ ...toDto(row), requestId: row.request_id, messageId: row.message_id }));
    },

    /** The photos go with the messages and request notes: rows now, files once the anonymisation commits. */
    async anonymiseClient(tx: Queryable, clientId: number): Promise<() => Promise<void>> {
      const rows = await repo.ofClient(tx, clientId);
      await repo.removeOfClient(tx, clientId);
      return () => files.remove(rows.flatMap((r) => [r.storage_key, r.thumbnail_key]), 'client anonymised');
    },
  };
}

export type AttachedPhotosService = ReturnType<typeof createAttachedPhotosService>;
