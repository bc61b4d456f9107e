import { describe, expect, it } from 'vitest';
import { readCaptureTime, withCaptureTime } from './capture-time';

/** A JPEG as a canvas makes it: start, a JFIF header, (image data,) end — and no EXIF. */
const canvasJpeg = () => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9]);

/** A phone's EXIF in Intel byte order: IFD0 with an orientation and the Exif pointer, then the times. */
function phoneJpeg(dateTime: string, offset?: string): Uint8Array {
  const bytes: number[] = [];
  const u16 = (v: number) => bytes.push(v & 0xff, v >> 8);
  const u32 = (v: number) => bytes.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24);
  const entries = offset ? 2 : 1;
  const exifIfd = 8 + 2 + 2 * 12 + 4;
  const dataAt = exifIfd + 2 + entries * 12 + 4;
  bytes.push(0x49, 0x49);
  u16(42);
  u32(8);
  u16(2);
  [0x0112, 3, 1, 6].forEach((v, i) => (i < 2 ? u16(v) : u32(v)));
  [0x8769, 4, 1, exifIfd].forEach((v, i) => (i < 2 ? u16(v) : u32(v)));
  u32(0);
  u16(entries);
  [0x9003, 2, 20, dataAt].forEach((v, i) => (i < 2 ? u16(v) : u32(v)));
  if (offset) [0x9011, 2, 7, dataAt + 20].forEach((v, i) => (i < 2 ? u16(v) : u32(v)));
  u32(0);
  for (const c of `${dateTime}\0${offset ? `${offset}\0` : ''}`) bytes.push(c.charCodeAt(0));
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...bytes];
  const length = payload.length + 2;
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, ...payload, 0xff, 0xda, 0x00, 0x02, 0x33, 0xff, 0xd9]);
}

describe('capture time across re-encoding', () => {
  it("when a phone photo's EXIF is read, then its original time and offset come back (Intel byte order)", () => {
    expect(readCaptureTime(phoneJpeg('2026:06:10 09:15:30', '+01:00'))).toEqual({ dateTime: '2026:06:10 09:15:30', offset: '+01:00' });
    expect(readCaptureTime(phoneJpeg('2026:06:10 09:15:30'))).toEqual({ dateTime: '2026:06:10 09:15:30', offset: null });
  });

  it('when a JPEG has no EXIF, a broken one or a date that is not one, then there is no capture time', () => {
    expect(readCaptureTime(canvasJpeg())).toBeNull();
    expect(readCaptureTime(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(readCaptureTime(phoneJpeg('not a date at all..'))).toBeNull();
    const cut = phoneJpeg('2026:06:10 09:15:30').subarray(0, 30);
    expect(readCaptureTime(cut)).toBeNull();
  });

  it('when the time is written into the smaller JPEG, then it reads back the same, right after the start marker, and the image bytes follow untouched', () => {
    const small = canvasJpeg();
    const stamped = withCaptureTime(small, { dateTime: '2026:06:10 09:15:30', offset: '+01:00' });
    expect([stamped[0], stamped[1], stamped[2], stamped[3]]).toEqual([0xff, 0xd8, 0xff, 0xe1]);
    expect(readCaptureTime(stamped)).toEqual({ dateTime: '2026:06:10 09:15:30', offset: '+01:00' });
    expect([...stamped.subarray(stamped.length - small.length + 2)]).toEqual([...small.subarray(2)]);
    // Only the time travels: no orientation tag, no GPS.
    const text = String.fromCharCode(...stamped);
    expect(text).not.toContain(String.fromCharCode(0x01, 0x12));
    expect(readCaptureTime(withCaptureTime(small, { dateTime: '2025:12:31 23:59:59', offset: null }))).toEqual({ dateTime: '2025:12:31 23:59:59', offset: null });
  });

  it('when the target is not a JPEG, then it is left as it is', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    expect(withCaptureTime(png, { dateTime: '2026:06:10 09:15:30', offset: null })).toBe(png);
  });
});
