import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';
import type { ImagePipeline, ProcessedImage } from './image-pipeline.js';
import { matchesETag } from './photo-headers.js';
import { newPhotoKeys, StorageUnavailable, StoredObjectMissing, type PhotoStorage } from './photo-storage.js';

/** A file spooled by the upload middleware. */
export interface UploadedFile {
  path: string;
  originalName: string | null;
}

export interface PhotoContent {
  photoId: number;
  rendition: 'image' | 'thumbnail';
  contentType: string;
  sha256: string;
  /** Absent when the caller's copy is current (answer 304). */
  body?: Readable;
  size?: number;
}

/** What serving a stored photo needs, whatever it is a photo of. */
export interface StoredPhotoFile {
  id: number;
  storageKey: string;
  thumbnailKey: string;
  contentType: string;
  contentSha256: string;
  thumbnailSha256: string;
}

/** A processed upload written to storage, ready to be recorded. */
export interface StoredImage<T> {
  item: T;
  image: ProcessedImage;
  keys: { image: string; thumbnail: string };
  contentSha256: string;
  thumbnailSha256: string;
}

export const storageUnavailable = () =>
  new AppError(503, 'STORAGE_UNAVAILABLE', 'Photos cannot be stored or read right now. Nothing was saved; try again shortly.', undefined, {
    'Retry-After': '30',
  });

export const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * The file side of every photo the system keeps (cleaning job photos, laundry condition photos): the
 * upload checked, cleaned and re-encoded by the image pipeline, both images written to the private
 * storage under random keys (all or nothing), read back for those allowed with ETags, removed without
 * leaving orphans. Who may see or add a photo is each owner module's rule.
 */
export function createPhotoFiles({ storage, pipeline, logger }: { storage: PhotoStorage; pipeline: ImagePipeline; logger: Logger }) {
  async function remove(keys: string[], why: string): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        storage.delete(key).catch((err: unknown) => logger.error({ err, key, why }, `❌ Could not remove a stored photo file (${why}); it is now an orphan`)),
      ),
    );
  }

  /** Puts both images of every processed file; on any failure removes what was written and answers 503. */
  async function store<T>(items: Array<{ item: T; image: ProcessedImage }>): Promise<Array<StoredImage<T>>> {
    const stored: Array<StoredImage<T>> = [];
    const written: string[] = [];
    try {
      for (const { item, image } of items) {
        const keys = newPhotoKeys(image.image.extension);
        await storage.put(keys.image, image.image.data, image.image.contentType);
        written.push(keys.image);
        await storage.put(keys.thumbnail, image.thumbnail.data, image.thumbnail.contentType);
        written.push(keys.thumbnail);
        stored.push({ item, image, keys, contentSha256: sha256(image.image.data), thumbnailSha256: sha256(image.thumbnail.data) });
      }
      return stored;
    } catch (err) {
      await remove(written, 'upload failed while storing');
      if (err instanceof StorageUnavailable) {
        logger.error({ err }, `❌ Photo storage unavailable: ${err.message}`);
        throw storageUnavailable();
      }
      throw err;
    }
  }

  return {
    remove,
    store,

    /** Runs the pipeline on every file (the first failure answers for the request), then stores them all. */
    async processAndStore<T>(items: Array<{ item: T; file: UploadedFile; index: number }>): Promise<Array<StoredImage<T>>> {
      const outcomes = await Promise.allSettled(items.map(({ file, index }) => pipeline.process(file.path, index)));
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failed) throw failed.reason;
      return store(items.map(({ item }, i) => ({ item, image: (outcomes[i] as PromiseFulfilledResult<ProcessedImage>).value })));
    },

    /** The image or its thumbnail; a current copy in the caller's cache gets no body (304). */
    async read(file: StoredPhotoFile, rendition: 'image' | 'thumbnail', ifNoneMatch: string | undefined): Promise<PhotoContent> {
      const thumbnail = rendition === 'thumbnail';
      const content: PhotoContent = { photoId: file.id, rendition, contentType: file.contentType, sha256: thumbnail ? file.thumbnailSha256 : file.contentSha256 };
      if (matchesETag(ifNoneMatch, content.sha256)) return content;
      try {
        const stored = await storage.get(thumbnail ? file.thumbnailKey : file.storageKey);
        return { ...content, body: stored.body, size: stored.size };
      } catch (err) {
        if (err instanceof StoredObjectMissing) {
          logger.error({ photoId: file.id, rendition }, `❌ Photo ${file.id} is recorded but its ${rendition} file is missing from storage`);
          throw notFound('No such photo.');
        }
        if (err instanceof StorageUnavailable) {
          logger.error({ err }, `❌ Photo storage unavailable: ${err.message}`);
          throw storageUnavailable();
        }
        throw err;
      }
    },
  };
}

export type PhotoFiles = ReturnType<typeof createPhotoFiles>;
