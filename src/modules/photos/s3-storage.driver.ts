import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3StorageConfig } from '../../config/config.js';
import { assertStorageKey, StorageUnavailable, StoredObjectMissing, type PhotoStorage } from './photo-storage.js';

const MISSING = new Set(['NoSuchKey', 'NotFound']);

function unavailable(err: unknown, action: string): never {
  const name = err instanceof S3ServiceException ? err.name : (err as Error)?.name;
  throw new StorageUnavailable(`Object storage unavailable (${action}: ${name ?? 'error'})`, { cause: err });
}

/**
 * The S3 client as non-AWS servers need it: path-style addresses (`endpoint/bucket/key`, no bucket
 * sub-domain) and checksums only when an operation requires them (the SDK's default trailing CRC32
 * checksums are refused by many S3-compatible servers). Short timeouts and one retry, so an unreachable
 * bucket becomes a quick 503 rather than a hung upload.
 */
export function createS3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
  });
}

/** Photos in an S3-compatible bucket; a PUT is atomic on the server side, so no partial object is ever visible. */
export function createS3Storage(config: S3StorageConfig, client: S3Client = createS3Client(config)): PhotoStorage {
  const Bucket = config.bucket;
  return {
    driver: 's3',

    async put(key, body, contentType) {
      assertStorageKey(key);
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }));
      } catch (err) {
        unavailable(err, 'put');
      }
    },

    async get(key) {
      assertStorageKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return { body: res.Body as Readable, size: res.ContentLength ?? 0 };
      } catch (err) {
        if (err instanceof S3ServiceException && MISSING.has(err.name)) throw new StoredObjectMissing(key);
        unavailable(err, 'get');
      }
    },

    async delete(key) {
      assertStorageKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (err) {
        if (err instanceof S3ServiceException && MISSING.has(err.name)) return;
        unavailable(err, 'delete');
      }
    },

    async list() {
      const keys: string[] = [];
      let token: string | undefined;
      try {
        do {
          const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken: token }));
          for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
      } catch (err) {
        unavailable(err, 'list');
      }
      return keys;
    },
  };
}
