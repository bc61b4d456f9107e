/**
 * A phone photo made ready for the upload queue in the browser: turned upright (its EXIF orientation
 * applied), at most 2560 px on its long edge and re-encoded as JPEG. A 12 MP photo of 4–6 MB becomes
 * well under 1 MB, so a weak signal carries it in seconds; the server still checks and re-encodes it.
 * The capture time goes along (see capture-time.ts); the rest of the metadata, GPS included, does not.
 */

import { readCaptureTime, withCaptureTime } from './capture-time';

export const MAX_EDGE = 2560;
const QUALITY = 0.85;
const PREVIEW_EDGE = 160;

/** What the server accepts as it is, when this browser cannot decode a file itself. */
const SERVER_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const SERVER_MAX_BYTES = 10 * 1024 * 1024;

export interface PreparedPhoto {
  blob: Blob;
  fileName: string;
  width: number | null;
  height: number | null;
  preview: string | null;
}

export class UnreadablePhoto extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} could not be read as a photo`);
    this.name = 'UnreadablePhoto';
  }
}

/** The size to draw at: the long edge brought down to `maxEdge`, never enlarged. */
export function fitWithin(width: number, height: number, maxEdge = MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '') || 'photo';
  return `${base}.jpg`;
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    // A transparent PNG would otherwise turn black where JPEG has no alpha.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/jpeg', QUALITY));
}

/** A small picture for the queue list, so the worker recognises each photo while it waits. */
function previewOf(bitmap: ImageBitmap): string | null {
  try {
    const size = fitWithin(bitmap.width, bitmap.height, PREVIEW_EDGE);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.toDataURL('image/jpeg', 0.7);
  } catch {
    return null;
  }
}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // This browser cannot decode it (e.g. HEIC outside Safari): the server may still take it as it is.
    if (SERVER_TYPES.has(file.type) && file.size <= SERVER_MAX_BYTES) return { blob: file, fileName: file.name || 'photo.jpg', width: null, height: null, preview: null };
    throw new UnreadablePhoto(file.name);
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    let blob = await encode(bitmap, size.width, size.height);
    // EXIF sits at the start of a JPEG (an APP1 segment is at most 64 kB).
    const capture = file.type === 'image/jpeg' ? readCaptureTime(new Uint8Array(await file.slice(0, 128 * 1024).arrayBuffer())) : null;
    if (capture) blob = new Blob([withCaptureTime(new Uint8Array(await blob.arrayBuffer()), capture)], { type: 'image/jpeg' });
    return { blob, fileName: jpegName(file.name || 'photo'), width: size.width, height: size.height, preview: previewOf(bitmap) };
  } finally {
    bitmap.close();
  }
}
