import type { Metadata, default as SharpFactory } from 'sharp';
import { AppError } from '../../lib/app-error.js';
import { exifCaptureTime } from './exif-capture-time.js';
import { createSemaphore } from './semaphore.js';

/** Output bounds (issue 7): at most 2560 px on the long edge, a ~400 px thumbnail. */
export const LONG_EDGE = 2560;
export const THUMBNAIL_EDGE = 400;
const IMAGE_QUALITY = 80;
const THUMBNAIL_QUALITY = 70;
/** libwebp's effort 2 of 6: half the encoding time of the default 4 on phone photos, for a few percent more bytes. */
const WEBP_EFFORT = 2;

export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic';

export interface Rendition {
  data: Buffer;
  width: number;
  height: number;
  contentType: 'image/webp';
  extension: 'webp';
}

export interface ProcessedImage {
  sourceFormat: SourceFormat;
  sourceWidth: number;
  sourceHeight: number;
  /** From EXIF (DateTimeOriginal), read before the metadata is stripped. */
  takenAt: Date | null;
  image: Rendition;
  thumbnail: Rendition;
}

let sharpModule: Promise<typeof SharpFactory> | undefined;
/**
 * sharp (libvips) and file-type are loaded with the first photo, not at boot: most requests never touch
 * an image, and the native library alone is ~10 MB of memory and a noticeable part of the boot time.
 */
const loadSharp = () => (sharpModule ??= import('sharp').then((m) => m.default));
const loadFileType = () => import('file-type');

/**
 * Which HEIF-family inputs the installed libvips decodes. The prebuilt sharp binaries carry libheif
 * with the AV1 decoder only (HEVC is patent-encumbered), so AVIF is in and HEIC is out unless a global
 * libvips with HEVC support is used; the answer comes from the decoder itself, never from a guess.
 */
export async function heifSupport(): Promise<{ avif: boolean; heic: boolean }> {
  const sharp = await loadSharp();
  const suffixes: string[] = sharp.format.heif?.input?.fileSuffix ?? [];
  return { avif: suffixes.includes('.avif'), heic: suffixes.includes('.heic') || suffixes.includes('.heif') };
}

/** The accepted types, detected from the bytes (file-type), never from the client's name or Content-Type. */
export async function acceptedTypes(): Promise<ReadonlyMap<string, SourceFormat>> {
  const types = new Map<string, SourceFormat>([
    ['image/jpeg', 'jpeg'],
    ['image/png', 'png'],
    ['image/webp', 'webp'],
  ]);
  const heif = await heifSupport();
  if (heif.avif) types.set('image/avif', 'avif');
  if (heif.heic) for (const mime of ['image/heic', 'image/heif']) types.set(mime, 'heic');
  return types;
}

export const unsupportedMediaType = (types: ReadonlyMap<string, SourceFormat>, detected: string | null, index?: number) =>
  new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Only ${[...types.keys()].join(', ')} photos are accepted.`, {
    ...(index !== undefined ? { index } : {}),
    detected,
  });

export const imageTooLarge = (width: number, height: number, maxPixels: number, index?: number) =>
  new AppError(422, 'IMAGE_TOO_LARGE', `The image is ${width}×${height} pixels; at most ${maxPixels} pixels are accepted.`, {
    ...(index !== undefined ? { index } : {}),
    width,
    height,
    maxPixels,
  });

export const invalidImage = (index?: number) =>
  new AppError(422, 'INVALID_IMAGE', 'The file looks like an image but cannot be decoded.', index !== undefined ? { index } : undefined);

export interface ImagePipelineOptions {
  maxInputPixels: number;
  concurrency: number;
}

/**
 * Takes an untrusted upload (a temporary file) to the two images we keep: the type is sniffed from the
 * magic bytes, the declared size is checked before any decoding (pixel floods), then sharp auto-orients,
 * resizes and re-encodes — which also drops every metadata block (EXIF with GPS, XMP, ICC, comments) and
 * anything smuggled after the image data. The original is not kept. At most `concurrency` images are
 * decoded at once; the work runs on libvips threads, so the event loop stays free.
 */
export function createImagePipeline({ maxInputPixels, concurrency }: ImagePipelineOptions) {
  const gate = createSemaphore(concurrency);
  let types: Promise<ReadonlyMap<string, SourceFormat>> | undefined;
  const input = { limitInputPixels: maxInputPixels, failOn: 'error', sequentialRead: true } as const;

  async function detect(file: string, index?: number): Promise<SourceFormat> {
    const { fileTypeFromFile } = await loadFileType();
    const accepted = await (types ??= acceptedTypes());
    const type = await fileTypeFromFile(file);
    const format = type ? accepted.get(type.mime) : undefined;
    if (!format) throw unsupportedMediaType(accepted, type?.mime ?? null, index);
    return format;
  }

  async function render(file: string, index?: number): Promise<Omit<ProcessedImage, 'sourceFormat'>> {
    const sharp = await loadSharp();
    let meta: Metadata;
    try {
      // Reads the header only (no pixels), so the limit is lifted here to learn the declared size and
      // refuse a flood with its dimensions; the decoding below keeps the limit as a second guard.
      meta = await sharp(file, { ...input, limitInputPixels: false }).metadata();
    } catch {
      throw invalidImage(index);
    }
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    if (width * height > maxInputPixels) throw imageTooLarge(width, height, maxInputPixels, index);
    if (width === 0 || height === 0) throw invalidImage(index);
    const takenAt = exifCaptureTime(meta.exif);
    try {
      // rotate() with no angle applies the EXIF orientation first, so the resize sees the upright image.
      // The source is decoded once; the photo and its thumbnail are both encoded from that bitmap.
      const upright = await sharp(file, input)
        .rotate()
        .resize({ width: LONG_EDGE, height: LONG_EDGE, fit: 'inside', withoutEnlargement: true })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      const bitmap = { raw: { width: upright.info.width, height: upright.info.height, channels: upright.info.channels } } as const;
      const [main, thumb] = await Promise.all([
        sharp(upright.data, bitmap).webp({ quality: IMAGE_QUALITY, effort: WEBP_EFFORT }).toBuffer({ resolveWithObject: true }),
        sharp(upright.data, bitmap)
          .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: THUMBNAIL_QUALITY, effort: WEBP_EFFORT })
          .toBuffer({ resolveWithObject: true }),
      ]);
      return {
        sourceWidth: width,
        sourceHeight: height,
        takenAt,
        image: { data: main.data, width: main.info.width, height: main.info.height, contentType: 'image/webp', extension: 'webp' },
        thumbnail: { data: thumb.data, width: thumb.info.width, height: thumb.info.height, contentType: 'image/webp', extension: 'webp' },
      };
    } catch (err) {
      if (/pixel limit/i.test((err as Error)?.message ?? '')) throw imageTooLarge(width, height, maxInputPixels, index);
      throw invalidImage(index);
    }
  }

  return {
    /** `index` (the file's place in its batch) is echoed in error details so the client knows which file failed. */
    async process(file: string, index?: number): Promise<ProcessedImage> {
      const sourceFormat = await detect(file, index);
      return gate.run(async () => ({ sourceFormat, ...(await render(file, index)) }));
    },
  };
}

export type ImagePipeline = ReturnType<typeof createImagePipeline>;
