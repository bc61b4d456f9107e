import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifCaptureTime, exifDateToInstant } from '../../src/modules/photos/exif-capture-time.js';

async function exifOf(ifd2: Record<string, string>): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Fixture' }, IFD2: ifd2 })
    .toBuffer();
  return (await sharp(jpeg).metadata()).exif!;
}

describe('EXIF capture time', () => {
  it('when the photo states its offset, then the instant follows it', () => {
    expect(exifDateToInstant('2026:07:01 08:30:00', '+02:00')?.toISOString()).toBe('2026-07-01T06:30:00.000Z');
    expect(exifDateToInstant('2026:07:01 08:30:00', '-03:30')?.toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('when no offset is stated, then the wall clock is read as Lisbon time (winter UTC+0, summer UTC+1)', () => {
    expect(exifDateToInstant('2026:01:15 10:00:00', null)?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(exifDateToInstant('2026:07:15 10:00:00', null)?.toISOString()).toBe('2026-07-15T09:00:00.000Z');
    // The morning the clocks go forward (29 March 2026, 01:00 → 02:00 UTC+1).
    expect(exifDateToInstant('2026:03:29 03:00:00', null)?.toISOString()).toBe('2026-03-29T02:00:00.000Z');
  });

  it.each([['0000:00:00 00:00:00'], ['2026:02:30 10:00:00'], ['2026-03-01 10:00:00x'], ['2026:13:01 10:00:00'], [''], ['1850:01:01 00:00:00']])(
    'when the date is %j, then there is no capture time',
    (value) => {
      expect(exifDateToInstant(value, null)).toBeNull();
    },
  );

  it('when a real EXIF block has DateTimeOriginal, then it is read; without it, DateTimeDigitized is used', async () => {
    expect(exifCaptureTime(await exifOf({ DateTimeOriginal: '2026:03:09 15:45:10', OffsetTimeOriginal: '+01:00' }))?.toISOString()).toBe(
      '2026-03-09T14:45:10.000Z',
    );
    expect(exifCaptureTime(await exifOf({ DateTimeDigitized: '2026:03:09 15:45:10' }))?.toISOString()).toBe('2026-03-09T15:45:10.000Z');
    expect(exifCaptureTime(await exifOf({ UserComment: 'no dates' }))).toBeNull();
  });

  it('when the block is missing, short or not TIFF, then there is no capture time', () => {
    expect(exifCaptureTime(undefined)).toBeNull();
    expect(exifCaptureTime(Buffer.from('Exif\0\0II'))).toBeNull();
    expect(exifCaptureTime(Buffer.from('Exif\0\0XX*\0\x08\0\0\0\0\0\0\0'))).toBeNull();
  });

  it('when the block is arbitrary bytes (hostile offsets, counts, types), then reading it never throws', async () => {
    const real = await exifOf({ DateTimeOriginal: '2026:03:09 15:45:10' });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(real.length), (bytes, cut) => {
        const mutated = Buffer.from(real);
        Buffer.from(bytes).copy(mutated, Math.min(cut, mutated.length));
        const a = exifCaptureTime(mutated);
        const b = exifCaptureTime(Buffer.concat([Buffer.from('Exif\0\0II*\0'), Buffer.from(bytes)]));
        return (a === null || a instanceof Date) && (b === null || b instanceof Date);
      }),
      { numRuns: 500 },
    );
  });
});
