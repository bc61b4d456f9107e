import { BUSINESS_TIME_ZONE } from '../../lib/clock.js';

/**
 * The capture time of a photo from its EXIF block, read before the metadata is stripped (the GPS goes,
 * the time is kept in the database as `taken_at`). A small bounds-checked TIFF walk: never throws,
 * answers null for anything missing or malformed.
 */

const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_DATE_TIME_DIGITIZED = 0x9004;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TAG_OFFSET_TIME_DIGITIZED = 0x9012;
const TYPE_ASCII = 2;
const TYPE_LONG = 4;
const MAX_ENTRIES = 1000;

interface Tiff {
  buf: Buffer;
  little: boolean;
}

const u16 = (t: Tiff, at: number) => (t.little ? t.buf.readUInt16LE(at) : t.buf.readUInt16BE(at));
const u32 = (t: Tiff, at: number) => (t.little ? t.buf.readUInt32LE(at) : t.buf.readUInt32BE(at));

/** The entries of the IFD at `offset`, as tag → the entry's own offset. */
function readIfd(t: Tiff, offset: number): Map<number, number> {
  const entries = new Map<number, number>();
  if (offset + 2 > t.buf.length) return entries;
  const count = Math.min(u16(t, offset), MAX_ENTRIES);
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    if (at + 12 > t.buf.length) break;
    entries.set(u16(t, at), at);
  }
  return entries;
}

function ascii(t: Tiff, entry: number | undefined): string | null {
  if (entry === undefined || u16(t, entry + 2) !== TYPE_ASCII) return null;
  const count = u32(t, entry + 4);
  if (count === 0 || count > 64) return null;
  const start = count <= 4 ? entry + 8 : u32(t, entry + 8);
  if (start + count > t.buf.length) return null;
  return t.buf.toString('latin1', start, start + count).replace(/\0+$/, '').trim();
}

function long(t: Tiff, entry: number | undefined): number | null {
  if (entry === undefined || u16(t, entry + 2) !== TYPE_LONG) return null;
  return u32(t, entry + 8);
}

/** Minutes east of UTC that Lisbon's clocks showed at `instant`. */
function lisbonOffsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: BUSINESS_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - instant) / 60_000);
}

const DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * An EXIF "YYYY:MM:DD HH:MM:SS" with its optional "+HH:MM" offset as an instant. Without an offset the
 * camera's wall clock is taken to be Lisbon's (the business's zone, where the photos are taken).
 */
export function exifDateToInstant(value: string | null, offset: string | null): Date | null {
  const m = value ? DATE.exec(value) : null;
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return null;
  const o = offset ? OFFSET.exec(offset) : null;
  if (o) {
    const minutes = (Number(o[2]) * 60 + Number(o[3])) * (o[1] === '-' ? -1 : 1);
    return new Date(wall - minutes * 60_000);
  }
  // Two passes settle the offset on both sides of a daylight-saving change.
  const first = wall - lisbonOffsetMinutes(wall) * 60_000;
  return new Date(wall - lisbonOffsetMinutes(first) * 60_000);
}

/** The capture time in an EXIF block (sharp's `metadata().exif`), or null. */
export function exifCaptureTime(exif: Buffer | undefined): Date | null {
  if (!exif || exif.length < 14) return null;
  try {
    const start = exif.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0;
    const buf = exif.subarray(start);
    const order = buf.toString('latin1', 0, 2);
    if (order !== 'II' && order !== 'MM') return null;
    const t: Tiff = { buf, little: order === 'II' };
    if (u16(t, 2) !== 42) return null;
    const ifd0 = readIfd(t, u32(t, 4));
    const exifIfdOffset = long(t, ifd0.get(TAG_EXIF_IFD));
    if (exifIfdOffset === null) return null;
    const ifd = readIfd(t, exifIfdOffset);
    return (
      exifDateToInstant(ascii(t, ifd.get(TAG_DATE_TIME_ORIGINAL)), ascii(t, ifd.get(TAG_OFFSET_TIME_ORIGINAL))) ??
      exifDateToInstant(ascii(t, ifd.get(TAG_DATE_TIME_DIGITIZED)), ascii(t, ifd.get(TAG_OFFSET_TIME_DIGITIZED)))
    );
  } catch {
    // A RangeError from a lying offset: no usable time, and never a failed upload.
    return null;
  }
}
