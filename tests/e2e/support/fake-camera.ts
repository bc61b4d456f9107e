import fs from 'node:fs';
import QRCode from 'qrcode';

/**
 * A video file for Chromium's fake camera (`--use-file-for-fake-video-capture`): a label's QR code,
 * black on white with its quiet zone, in the middle of every frame. YUV4MPEG2, 4:2:0: a header line,
 * then for each frame "FRAME\n", the luma plane (one byte a pixel) and the two chroma planes at half
 * width and height (128: no colour). Chromium plays the frames in a loop.
 */
export function writeQrVideo(file: string, text: string, { width = 640, height = 480, frames = 3 } = {}): void {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  const span = modules.size + 2 * quiet;
  const scale = Math.floor((Math.min(width, height) * 0.8) / span);
  const side = span * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);

  // A light grey room around a white label, like a sticker held in front of the lens.
  const luma = Buffer.alloc(width * height, 200);
  for (let y = top; y < top + side; y++) luma.fill(255, y * width + left, y * width + left + side);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const x0 = left + (col + quiet) * scale;
      const y0 = top + (row + quiet) * scale;
      for (let y = y0; y < y0 + scale; y++) luma.fill(16, y * width + x0, y * width + x0 + scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** Chromium's switches for a camera that shows `file` and needs no one to allow it. */
export const fakeCameraArgs = (file: string) => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
