import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { createFrameReader, type QrEngine } from './qr-reader';
import './scan-strings';

type CameraState = 'off' | 'starting' | 'live' | 'denied' | 'unavailable' | 'failed';

const STORAGE_KEY = 'lavandaria.scan.camera';
/** How often a frame is read: often enough to feel instant, rarely enough to spare a phone's battery. */
const FRAME_INTERVAL_MS = 180;
/** The same code is reported again only once it has been out of view this long. */
const SAME_CODE_GAP_MS = 1500;

function rememberedOn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

function remember(on: boolean) {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage disabled: the choice lasts for this visit only.
  }
}

function failureState(error: unknown): CameraState {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'unavailable';
  return 'failed';
}

/**
 * The camera preview that reads label QR codes. It starts when the page opens (unless turned off
 * before on this device), and the camera is released when the page is left or hidden. Each code is
 * reported once while it stays in view, so a label held still is one scan.
 */
export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation('scan');
  const video = useRef<HTMLVideoElement>(null);
  const report = useRef(onCode);
  report.current = onCode;
  const [wanted, setWanted] = useState(rememberedOn);
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  const [state, setState] = useState<CameraState>('off');
  const [engine, setEngine] = useState<QrEngine | null>(null);

  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    if (!wanted || !visible) {
      setState('off');
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: { code: string; seenAt: number } | null = null;
    setState('starting');

    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } } });
        if (stopped) return;
        const element = video.current!;
        element.srcObject = stream;
        await element.play();
        const reader = await createFrameReader();
        if (stopped) return;
        setEngine(reader.engine);
        setState('live');
        const tick = async () => {
          if (stopped) return;
          try {
            const code = element.readyState >= 2 ? await reader.read(element) : null;
            const now = performance.now();
            if (code && !stopped) {
              if (!last || last.code !== code || now - last.seenAt > SAME_CODE_GAP_MS) report.current(code);
              last = { code, seenAt: now };
            }
          } catch {
            // A frame that cannot be read (the video resizing, a detector hiccup): try the next one.
          }
          if (!stopped) timer = setTimeout(() => void tick(), FRAME_INTERVAL_MS);
        };
        void tick();
      } catch (error) {
        if (!stopped) setState(failureState(error));
      }
    };
    void start();

    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      if (video.current) video.current.srcObject = null;
    };
  }, [wanted, visible]);

  const toggle = () => {
    remember(!wanted);
    setWanted(!wanted);
  };
  const message = state === 'live' ? null : state === 'starting' ? t('camera.starting') : t(`camera.${state}`);

  return (
    <Card
      id="scan-camera-title"
      title={t('camera.title')}
      className="scan-camera"
      data-camera={state}
      data-engine={engine ?? undefined}
      actions={
        <Button variant="secondary" size="sm" onPress={toggle}>
          <Icon name={wanted ? 'stop' : 'camera'} size={18} />
          {wanted ? t('camera.stop') : t('camera.start')}
        </Button>
      }
    >
      <div className="scan-camera__frame" hidden={state !== 'live' && state !== 'starting'}>
        <video ref={video} className="scan-camera__video" muted playsInline aria-label={t('camera.preview')} />
        <span className="scan-camera__target" aria-hidden="true" />
      </div>
      {state === 'live' ? <p className="muted text-sm">{t('camera.live')}</p> : null}
      {message ? <Notice tone={state === 'denied' || state === 'failed' ? 'warning' : 'info'}>{message}</Notice> : null}
    </Card>
  );
}
