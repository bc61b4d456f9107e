/**
 * Reads a QR code from the current frame of a playing video. The browser's own `BarcodeDetector`
 * when it has one that knows QR codes (Android, ChromeOS, macOS), otherwise `jsqr` on a canvas —
 * imported only here, when a camera actually starts, so it never weighs on any page's first load.
 */

export type QrEngine = 'barcode-detector' | 'jsqr';

export interface FrameReader {
  engine: QrEngine;
  read(video: HTMLVideoElement): Promise<string | null>;
}

// Not yet in TypeScript's DOM library.
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeReader(): Promise<FrameReader | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return {
      engine: 'barcode-detector',
      read: async (video) => (await detector.detect(video)).find((code) => code.rawValue)?.rawValue ?? null,
    };
  } catch {
    return null;
  }
}

/** Frames are scaled down to this width first: a label fills enough of it, and a phone stays cool. */
const MAX_WIDTH = 800;

type JsQr = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' }) => { data: string } | null;

async function scriptReader(): Promise<FrameReader> {
  const loaded = (await import('jsqr')) as unknown as { default: JsQr | { default: JsQr } };
  // A CommonJS module: its function is the default export, or that export's own default.
  const jsQR = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    engine: 'jsqr',
    read: async (video) => {
      if (!context || !video.videoWidth || !video.videoHeight) return null;
      const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
      const width = Math.round(video.videoWidth * scale);
      const height = Math.round(video.videoHeight * scale);
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      context.drawImage(video, 0, 0, width, height);
      const image = context.getImageData(0, 0, width, height);
      return jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
    },
  };
}

export async function createFrameReader(): Promise<FrameReader> {
  return (await nativeReader()) ?? scriptReader();
}

/**
 * What a scanned text means: the label's code, trimmed and in capitals (the QR holds the global code;
 * a scanner or a person may type it in lower case). Null when it cannot be a tag.
 */
export function normaliseCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z0-9-]{3,40}$/.test(code) ? code : null;
}
