import type { PhotoTypeValue, UploadPhotosResultDto } from '@contracts/photos';
import { ApiError } from '@/lib/api-error';
import { newCorrelationId } from '@/lib/ids';

export interface PhotoUpload {
  jobId: number;
  uploadKey: string;
  photoType: PhotoTypeValue;
  roomArea: string | null;
  caption: string | null;
  fileName: string;
  file: Blob;
}

/** A phone's upload can take minutes on a weak signal; beyond this the request is given up and retried. */
const TIMEOUT_MS = 5 * 60_000;

interface Envelope {
  success?: boolean;
  data?: unknown;
  error?: { code: string; message: string; details?: unknown };
}

function retryAfter(xhr: XMLHttpRequest): number | undefined {
  const header = xhr.getResponseHeader('Retry-After');
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/**
 * POST /api/cleaning-jobs/:id/photos with one photo, through XMLHttpRequest: unlike fetch it reports
 * how much of the body has been sent, so each photo shows real progress. Failures become the same
 * ApiError as every other call (status 0, NETWORK_ERROR when no answer came).
 */
export function uploadPhoto(upload: PhotoUpload, hooks: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {}): Promise<UploadPhotosResultDto> {
  const form = new FormData();
  form.append('photoType', upload.photoType);
  if (upload.roomArea) form.append('roomArea', upload.roomArea);
  if (upload.caption) form.append('caption', upload.caption);
  form.append('uploadKey', upload.uploadKey);
  form.append('photos', upload.file, upload.fileName);
  return sendPhotoForm<UploadPhotosResultDto>(`/api/cleaning-jobs/${upload.jobId}/photos`, form, hooks);
}

/** A multipart photo upload to any photo route (job photos, laundry condition photos), with progress. */
export function sendPhotoForm<T>(
  url: string,
  form: FormData,
  hooks: { onProgress?: (fraction: number) => void; signal?: AbortSignal; idempotencyKey?: string } = {},
): Promise<T> {
  const correlationId = newCorrelationId();
  return new Promise((resolve, reject) => {
    if (hooks.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    const networkError = () => new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.', correlationId);
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.timeout = TIMEOUT_MS;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Correlation-Id', correlationId);
    if (hooks.idempotencyKey) xhr.setRequestHeader('Idempotency-Key', hooks.idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) hooks.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    xhr.onload = () => {
      const reference = xhr.getResponseHeader('X-Correlation-Id') ?? correlationId;
      let payload: Envelope | undefined;
      try {
        payload = JSON.parse(xhr.responseText) as Envelope;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload?.success) {
        hooks.onProgress?.(1);
        resolve(payload.data as T);
        return;
      }
      if (payload?.error) {
        const { code, message, details } = payload.error;
        reject(new ApiError(xhr.status, code, message, reference, details, retryAfter(xhr)));
        return;
      }
      reject(new ApiError(xhr.status, 'BAD_RESPONSE', `Unexpected response (HTTP ${xhr.status}).`, reference));
    };
    hooks.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
