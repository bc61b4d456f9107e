import { AppError } from '../../lib/app-error.js';
import { BUSINESS_LOGO_LIMITS } from '../../contracts/business.js';
import { imageTooLarge, invalidImage } from '../photos/image-pipeline.js';

/**
 * PNG and JPEG only. SVG is refused rather than sanitised: it is a document that can carry scripts and
 * external references, sanitising it safely needs a full XML sanitiser, and the PDF library draws PNG
 * and JPEG only. The upload is sniffed from its bytes (never its name or Content-Type), its declared
 * size checked before decoding (pixel floods), then re-encoded as a PNG of at most 512 px, which drops
 * every metadata block and anything smuggled after the image data. The original is not kept.
 */
const ACCEPTED = new Set(['image/png', 'image/jpeg']);

export async function renderLogo(file: string): Promise<Buffer> {
  const { fileTypeFromFile } = await import('file-type');
  const type = await fileTypeFromFile(file);
  if (!type || !ACCEPTED.has(type.mime)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Only PNG and JPEG logos are accepted.', { detected: type?.mime ?? null });
  }
  const sharp = (await import('sharp')).default;
  const input = { limitInputPixels: BUSINESS_LOGO_LIMITS.maxPixels, failOn: 'error' } as const;
  let width = 0;
  let height = 0;
  try {
    const meta = await sharp(file, { ...input, limitInputPixels: false }).metadata();
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch {
    throw invalidImage();
  }
  if (width * height > BUSINESS_LOGO_LIMITS.maxPixels) throw imageTooLarge(width, height, BUSINESS_LOGO_LIMITS.maxPixels);
  if (width === 0 || height === 0) throw invalidImage();
  try {
    const edge = BUSINESS_LOGO_LIMITS.edge;
    return await sharp(file, input).rotate().resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer();
  } catch {
    throw invalidImage();
  }
}
