/**
 * A photo's capture time carried across the browser's re-encoding. Drawing a photo on a canvas drops
 * all its metadata, so the phone would send a JPEG without the EXIF time the server keeps as `takenAt`.
 * The time (DateTimeOriginal and its offset, when the camera wrote one) is read from the original and
 * written into the smaller JPEG as a minimal EXIF block — nothing else: no GPS, no camera details, no
 * orientation (the pixels are already upright).
 */

export interface CaptureTime {
  /** EXIF "YYYY:MM:DD HH:MM:SS", the camera's wall clock. */
  dateTime: string;
  /** "+HH:MM" when the camera recorded its offset from UTC. */
  offset: string | null;
}

const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_DATE_TIME_DIGITIZED = 0x9004;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TYPE_ASCII = 2;
const TYPE_LONG = 4;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
const DATE = /^\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/** The TIFF block of the first EXIF APP1 segment of a JPEG, or null. */
function exifTiff(jpeg: Uint8Array): DataView | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) return null;
    const marker = jpeg[at + 1]!;
    // Start of scan or end of image: no metadata comes after.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (length < 2) return null;
    if (marker === 0xe1 && EXIF_HEADER.every((b, i) => jpeg[at + 4 + i] === b)) {
      const start = at + 10;
      const end = Math.min(jpeg.length, at + 2 + length);
      return end > start ? new DataView(jpeg.buffer, jpeg.byteOffset + start, end - start) : null;
    }
    at += 2 + length;
  }
  return null;
}

/** The capture time in a JPEG's EXIF, or null when there is none (or it cannot be read). */
export function readCaptureTime(jpeg: Uint8Array): CaptureTime | null {
  const tiff = exifTiff(jpeg);
  if (!tiff || tiff.byteLength < 8) return null;
  try {
    const order = tiff.getUint16(0);
    if (order !== 0x4949 && order !== 0x4d4d) return null;
    const little = order === 0x4949;
    const u16 = (at: number) => tiff.getUint16(at, little);
    const u32 = (at: number) => tiff.getUint32(at, little);
    if (u16(2) !== 42) return null;
    const entries = (offset: number) => {
      const found = new Map<number, number>();
      const count = Math.min(u16(offset), 500);
      for (let i = 0; i < count; i++) found.set(u16(offset + 2 + i * 12), offset + 2 + i * 12);
      return found;
    };
    const ascii = (entry: number | undefined) => {
      if (entry === undefined || u16(entry + 2) !== TYPE_ASCII) return null;
      const count = u32(entry + 4);
      if (count === 0 || count > 64) return null;
      const start = count <= 4 ? entry + 8 : u32(entry + 8);
      let text = '';
      for (let i = 0; i < count; i++) text += String.fromCharCode(tiff.getUint8(start + i));
      return text.replace(/\0+$/, '').trim();
    };
    const pointer = entries(u32(4)).get(TAG_EXIF_IFD);
    if (pointer === undefined || u16(pointer + 2) !== TYPE_LONG) return null;
    const exif = entries(u32(pointer + 8));
    const dateTime = ascii(exif.get(TAG_DATE_TIME_ORIGINAL)) ?? ascii(exif.get(TAG_DATE_TIME_DIGITIZED));
    if (!dateTime || !DATE.test(dateTime)) return null;
    const offset = ascii(exif.get(TAG_OFFSET_TIME_ORIGINAL));
    return { dateTime, offset: offset && OFFSET.test(offset) ? offset : null };
  } catch {
    // An offset pointing outside the block: no time, never a failed photo.
    return null;
  }
}

/** An EXIF APP1 segment holding only the capture time (big-endian TIFF). */
function captureSegment({ dateTime, offset }: CaptureTime): Uint8Array {
  const values = [
    { tag: TAG_DATE_TIME_ORIGINAL, text: dateTime },
    ...(offset ? [{ tag: TAG_OFFSET_TIME_ORIGINAL, text: offset }] : []),
  ].map((v) => ({ ...v, bytes: Uint8Array.from(`${v.text}\0`, (c) => c.charCodeAt(0)) }));
  const exifIfd = 8 + 2 + 12 + 4;
  let data = exifIfd + 2 + values.length * 12 + 4;
  const size = data + values.reduce((sum, v) => sum + v.bytes.length, 0);
  const tiff = new Uint8Array(size);
  const view = new DataView(tiff.buffer);
  view.setUint16(0, 0x4d4d);
  view.setUint16(2, 42);
  view.setUint32(4, 8);
  view.setUint16(8, 1);
  view.setUint16(10, TAG_EXIF_IFD);
  view.setUint16(12, TYPE_LONG);
  view.setUint32(14, 1);
  view.setUint32(18, exifIfd);
  view.setUint32(22, 0);
  view.setUint16(exifIfd, values.length);
  values.forEach((v, i) => {
    const entry = exifIfd + 2 + i * 12;
    view.setUint16(entry, v.tag);
    view.setUint16(entry + 2, TYPE_ASCII);
    view.setUint32(entry + 4, v.bytes.length);
    view.setUint32(entry + 8, data);
    tiff.set(v.bytes, data);
    data += v.bytes.length;
  });
  view.setUint32(exifIfd + 2 + values.length * 12, 0);
  const length = 2 + EXIF_HEADER.length + tiff.length;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...EXIF_HEADER, ...tiff]);
}

/** The JPEG with the capture time written right after its start marker (unchanged if it is not a JPEG). */
export function withCaptureTime(jpeg: Uint8Array<ArrayBuffer>, capture: CaptureTime): Uint8Array<ArrayBuffer> {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
  const segment = captureSegment(capture);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
