import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedTypes, createImagePipeline, heifSupport, LONG_EDGE, THUMBNAIL_EDGE } from '../../src/modules/photos/image-pipeline.js';
import { createSemaphore } from '../../src/modules/photos/semaphore.js';
import { AppError } from '../../src/lib/app-error.js';
import {
  avifImage,
  corruptJpeg,
  EXIF_TAKEN,
  gifScriptPolyglot,
  heicHeader,
  htmlNamedJpg,
  jpegWithExif,
  jpegWithHtmlTail,
  pixelFloodPng,
  plainJpeg,
  pngImage,
  POLYGLOT_MARKER,
  svgWithScript,
  webpImage,
} from '../fixtures/photo-fixtures.js';

const PHONE_48MP = 50_000_000;

describe('image pipeline', () => {
  let dir: string;
  const pipeline = createImagePipeline({ maxInputPixels: PHONE_48MP, concurrency: 2 });
  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const rejection = async (file: string) => {
    const err = await pipeline.process(file, 3).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'photo-pipeline-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when a phone JPEG with GPS and orientation 6 is processed, then the output is upright, re-encoded, metadata-free, and the capture time is kept', async () => {
    const source = await jpegWithExif(600, 400);
    expect((await sharp(source).metadata()).exif, 'the fixture carries EXIF').toBeDefined();
    const out = await pipeline.process(write('phone.jpg', source));

    expect(out.sourceFormat).toBe('jpeg');
    expect(out.takenAt?.toISOString()).toBe(EXIF_TAKEN.instant);
    const meta = await sharp(out.image.data).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(out.image.data.includes(Buffer.from('FixturePhone'))).toBe(false);
    // Stored 600×400 with orientation 6: upright it is 400 wide, 600 tall, the red half on top.
    expect([out.image.width, out.image.height]).toEqual([400, 600]);
    const { data, info } = await sharp(out.image.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const [rTop, , bTop] = pixel(200, 50);
    const [rBottom, , bBottom] = pixel(200, 550);
    expect(rTop).toBeGreaterThan(bTop! + 100);
    expect(bBottom).toBeGreaterThan(rBottom! + 100);
  });

  it('when a large photo is processed, then the long edge is at most 2560 px and the thumbnail about 400 px', async () => {
    const out = await pipeline.process(write('big.jpg', await plainJpeg(4000, 3000)));
    expect([out.image.width, out.image.height]).toEqual([LONG_EDGE, 1920]);
    expect([out.thumbnail.width, out.thumbnail.height]).toEqual([THUMBNAIL_EDGE, 300]);
    expect((await sharp(out.thumbnail.data).metadata()).format).toBe('webp');
    expect(out.thumbnail.data.length).toBeLessThan(out.image.data.length);
    expect(out.takenAt).toBeNull();
  });

  it('when a small photo is processed, then it is not enlarged', async () => {
    const out = await pipeline.process(write('small.png', await pngImage(300, 200)));
    expect(out.sourceFormat).toBe('png');
    expect([out.image.width, out.image.height]).toEqual([300, 200]);
  });

  it('when a 48 MP phone photo (8000×6000) arrives, then it is accepted and downsized', async () => {
    const out = await pipeline.process(write('48mp.jpg', await plainJpeg(8000, 6000)));
    expect([out.sourceWidth, out.sourceHeight]).toEqual([8000, 6000]);
    expect(Math.max(out.image.width, out.image.height)).toBe(LONG_EDGE);
  });

  it('when a WebP arrives, then it is accepted', async () => {
    expect((await pipeline.process(write('w.webp', await webpImage()))).sourceFormat).toBe('webp');
  });

  it('when the installed decoder is asked about HEIF, then AVIF and HEIC are accepted exactly when libvips decodes them', async () => {
    const support = await heifSupport();
    const suffixes = sharp.format.heif?.input?.fileSuffix ?? [];
    expect(support.avif).toBe(suffixes.includes('.avif'));
    expect((await acceptedTypes()).has('image/avif')).toBe(support.avif);
    expect((await acceptedTypes()).has('image/heic')).toBe(support.heic);

    const avif = write('a.avif', await avifImage());
    if (support.avif) expect((await pipeline.process(avif)).sourceFormat).toBe('avif');
    else expect((await rejection(avif)).code).toBe('UNSUPPORTED_MEDIA_TYPE');

    // The prebuilt binaries have no HEVC decoder: an iPhone HEIC is refused by type, not failed in decoding.
    const heic = write('iphone.heic', heicHeader());
    if (!support.heic) {
      const err = await rejection(heic);
      expect([err.status, err.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(err.details).toMatchObject({ index: 3, detected: 'image/heic' });
    } else {
      expect((await rejection(heic)).code).toBe('INVALID_IMAGE');
    }
  });

  it.each([
    ['an SVG with script', 'x.svg', svgWithScript(), 'application/xml'],
    ['an HTML page named .jpg', 'photo.jpg', htmlNamedJpg(), null],
    ['a GIF/JavaScript polyglot', 'poly.jpg', gifScriptPolyglot(), 'image/gif'],
    ['an empty file', 'empty.jpg', Buffer.alloc(0), null],
  ])('when %s arrives, then it is refused as 415 UNSUPPORTED_MEDIA_TYPE from its bytes', async (_label, name, bytes, detected) => {
    const err = await rejection(write(name, bytes));
    expect([err.status, err.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(err.details).toEqual({ index: 3, detected });
  });

  it('when a JPEG carries an HTML payload after its image data, then the re-encoded photo does not contain it', async () => {
    const source = await jpegWithHtmlTail();
    expect(source.includes(Buffer.from(POLYGLOT_MARKER))).toBe(true);
    const out = await pipeline.process(write('tail.jpg', source));
    expect(out.image.data.includes(Buffer.from('<script'))).toBe(false);
    expect(out.thumbnail.data.includes(Buffer.from('<script'))).toBe(false);
  });

  it('when a pixel flood (a tiny PNG declaring 30000×30000) arrives, then it is refused with 422 before decoding', async () => {
    const bytes = pixelFloodPng();
    expect(bytes.length).toBeLessThan(200);
    const started = performance.now();
    const err = await rejection(write('flood.png', bytes));
    expect([err.status, err.code]).toEqual([422, 'IMAGE_TOO_LARGE']);
    expect(err.details).toMatchObject({ width: 30_000, height: 30_000, maxPixels: PHONE_48MP });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('when a file has JPEG magic bytes but no image, then it is refused with 422 INVALID_IMAGE', async () => {
    const err = await rejection(write('corrupt.jpg', corruptJpeg()));
    expect([err.status, err.code]).toEqual([422, 'INVALID_IMAGE']);
  });

  it('when a truncated JPEG arrives, then it is refused rather than stored half grey', async () => {
    const whole = await plainJpeg(640, 480, 3);
    const err = await rejection(write('cut.jpg', whole.subarray(0, Math.floor(whole.length * 0.6))));
    expect(err.code).toBe('INVALID_IMAGE');
  });
});

describe('semaphore', () => {
  it('when more tasks arrive than the limit, then at most the limit run at once and all complete in order of arrival', async () => {
    const gate = createSemaphore(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        gate.run(async () => {
          started.push(i);
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running -= 1;
          return i * 10;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it('when a task fails, then its slot is released for the next one', async () => {
    const gate = createSemaphore(1);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
