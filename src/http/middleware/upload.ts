import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../../lib/app-error.js';

export interface UploadLimits {
  /** Files per request. */
  files: number;
  /** Bytes per file. */
  fileSize: number;
  /** Text fields per request. */
  fields: number;
  /** Bytes per text field value. */
  fieldSize: number;
}

export interface UploadOptions {
  /** The multipart field that carries the files. */
  field: string;
  /** Parent of the per-request spool directories (os.tmpdir() unless configured). */
  tmpRoot: string;
  limits: UploadLimits;
}

const FILE_SYSTEM_DOWN = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'ENOTDIR', 'ENOENT', 'EMFILE', 'ENFILE']);

/** Multer's and busboy's failures as the API's stable codes (multer's own messages never reach the client). */
export function uploadError(err: unknown, limits: UploadLimits): AppError {
  if (err instanceof AppError) return err;
  const e = err as { name?: string; code?: string; field?: string; message?: string };
  if (e?.name === 'MulterError') {
    switch (e.code) {
      case 'LIMIT_FILE_COUNT':
        return new AppError(400, 'BATCH_LIMIT_EXCEEDED', `Send at most ${limits.files} photos per request.`, { maxFiles: limits.files });
      case 'LIMIT_FILE_SIZE':
        return new AppError(413, 'FILE_TOO_LARGE', `Each photo may be at most ${Math.floor(limits.fileSize / 1024 / 1024)} MB.`, {
          maxBytes: limits.fileSize,
        });
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError(400, 'UNEXPECTED_FILE_FIELD', 'Files go in the "photos" field only.', { field: e.field ?? null });
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_FIELD_KEY':
      case 'LIMIT_FIELD_VALUE':
      case 'LIMIT_FIELD_NESTING':
      case 'LIMIT_FIELD_ARRAY_INDEX':
        return new AppError(400, 'MULTIPART_LIMIT_EXCEEDED', 'The form has too many or too long fields.', { reason: e.code });
      default:
        return new AppError(400, 'MALFORMED_MULTIPART', 'The multipart body could not be read.');
    }
  }
  if (e?.code && FILE_SYSTEM_DOWN.has(e.code)) {
    return new AppError(503, 'STORAGE_UNAVAILABLE', 'Uploads cannot be stored right now. Try again shortly.', undefined, { 'Retry-After': '30' });
  }
  if (/^Request (aborted|closed)$/.test(e?.message ?? '')) return new AppError(400, 'REQUEST_ABORTED', 'The upload was interrupted.');
  // Whatever else the parser throws (unexpected end of form, a malformed part header, no boundary) is bad input.
  return new AppError(400, 'MALFORMED_MULTIPART', 'The multipart body could not be read (truncated or malformed).');
}

/**
 * multer on one route only (never global: its limits default to Infinity and it would accept files
 * anywhere). Every limit is finite; files are spooled to a private temporary directory per request
 * (never memory), named by the server, and the whole directory is removed when the response ends —
 * success, error or a client that hung up half way.
 */
export function multipartUpload({ field, tmpRoot, limits }: UploadOptions): RequestHandler {
  return async (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    // A body that cannot fit in the limits is refused from its declared length, before any byte is spooled.
    const declared = Number(req.get('content-length') ?? 0);
    const ceiling = limits.files * limits.fileSize + limits.fields * limits.fieldSize + 64 * 1024;
    if (declared > ceiling) return next(new AppError(413, 'FILE_TOO_LARGE', 'The upload is larger than the limits allow.', { maxBytes: limits.fileSize }));

    let dir: string;
    try {
      await fsp.mkdir(tmpRoot, { recursive: true });
      dir = await fsp.mkdtemp(path.join(tmpRoot, 'lavandaria-upload-'));
    } catch (err) {
      return next(uploadError(err, limits));
    }
    res.once('close', () => {
      void fsp.rm(dir, { recursive: true, force: true });
    });

    const parser = multer({
      storage: multer.diskStorage({ destination: dir, filename: (_req, _file, cb) => cb(null, crypto.randomUUID()) }),
      limits: {
        files: limits.files,
        fileSize: limits.fileSize,
        fields: limits.fields,
        fieldSize: limits.fieldSize,
        parts: limits.files + limits.fields,
        fieldNameSize: 100,
        headerPairs: 20,
        fieldNestingDepth: 0,
      },
      defParamCharset: 'utf8',
    }).array(field);
    parser(req, res, (err?: unknown) => next(err ? uploadError(err, limits) : undefined));
  };
}

/** The name the client gave a file, for display only: printable, trimmed, at most 255 characters. */
export function displayFileName(name: string | undefined): string | null {
  const clean = (name ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .split(/[\\/]/)
    .pop()!
    .trim()
    .slice(0, 255);
  return clean === '' ? null : clean;
}
