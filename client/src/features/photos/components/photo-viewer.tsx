import { useEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { JobPhoto } from '@/features/photos/api/keys';
import { photoAlt, roomName, typeBadge } from '@/features/photos/components/photo-text';
import '@/features/photos/photos-strings';
import '@/features/photos/photos.css';

/** What the viewer needs of a photo, whatever it is a photo of (a job's room, a laundry item). */
export interface ViewerPhoto {
  id: number;
  url: string;
  width: number;
  height: number;
  caption: string | null;
  uploadedAt: string;
  takenAt?: string | null;
}

/** How a photo is named: its alternative text and the heading under it. */
export interface ViewerLabel {
  alt: string;
  title: ReactNode;
}

/** How far (px) a finger must travel sideways, more than up or down, to count as a swipe. */
const SWIPE_PX = 40;

/**
 * The full-screen viewer: a modal dialog (focus kept inside, Escape closes, focus returns to the
 * thumbnail that opened it), ←/→ and swipes to move, a counter, and the photo's type, room and caption.
 * Only the photo on screen is loaded at full size — for a client, that load is what tells staff the
 * photo was seen, so neighbours are never fetched ahead.
 */
export function PhotoViewer<P extends ViewerPhoto = JobPhoto>({
  photos,
  index,
  onIndexChange,
  onClose,
  describe,
}: {
  photos: P[];
  index: number;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  /** Job photos are named by their type and room; other photos say how they are named. */
  describe?: (photo: P) => ViewerLabel;
}) {
  const { t } = useTranslation('photos');
  const locale = currentLocale();
  const photo = photos[index];
  const total = photos.length;
  const [loaded, setLoaded] = useState<number | null>(null);
  const [failed, setFailed] = useState<number | null>(null);
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null);

  const go = (step: number) => {
    const next = index + step;
    if (next >= 0 && next < total) onIndexChange(next);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowRight') go(1);
      else if (event.key === 'ArrowLeft') go(-1);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!photo) return null;
  const jobLabel = (p: JobPhoto): ViewerLabel => ({
    alt: photoAlt(t, p),
    title: (
      <>
        <span className={typeBadge(p.photoType)}>{t(`type.${p.photoType}`)}</span>
        <span>{roomName(t, p.roomArea)}</span>
      </>
    ),
  });
  const label = describe ? describe(photo) : jobLabel(photo as unknown as JobPhoto);
  const alt = label.alt;

  const onPointerDown = (event: PointerEvent) => {
    swipe.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
  };
  const onPointerUp = (event: PointerEvent) => {
    const start = swipe.current;
    swipe.current = null;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) go(dx < 0 ? 1 : -1);
  };

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="photo-viewer__overlay">
      <Modal className="photo-viewer">
        <Dialog className="photo-viewer__dialog" aria-label={t('viewer.title', { index: index + 1, total })}>
          <div className="photo-viewer__bar cluster cluster--spread">
            <p className="amount" aria-live="polite">
              <span aria-hidden="true">{t('viewer.counter', { index: index + 1, total })}</span>
              <span className="visually-hidden">{t('viewer.title', { index: index + 1, total })}</span>
            </p>
            <Button variant="ghost" iconOnly aria-label={t('viewer.close')} onPress={onClose} className="photo-viewer__close">
              <Icon name="close" size={24} />
            </Button>
          </div>
          <div
            className="photo-viewer__stage"
            onPointerDown={onPointerDown}
            onPointerUp={onPointerUp}
            onPointerCancel={() => (swipe.current = null)}
            data-photo-id={photo.id}
          >
            {loaded !== photo.id && failed !== photo.id ? <span className="spinner spinner--lg photo-viewer__spinner" aria-hidden="true" /> : null}
            {failed === photo.id ? (
              <p className="photo-viewer__failed" role="alert">
                {t('viewer.failed')}
              </p>
            ) : (
              <img
                key={photo.id}
                src={photo.url}
                alt={alt}
                width={photo.width}
                height={photo.height}
                draggable={false}
                className="photo-viewer__image"
                data-loaded={loaded === photo.id ? '' : undefined}
                onLoad={() => setLoaded(photo.id)}
                onError={() => setFailed(photo.id)}
              />
            )}
            <Button variant="ghost" iconOnly aria-label={t('viewer.previous')} isDisabled={index === 0} onPress={() => go(-1)} className="photo-viewer__nav photo-viewer__nav--prev">
              <Icon name="chevronLeft" size={28} />
            </Button>
            <Button variant="ghost" iconOnly aria-label={t('viewer.next')} isDisabled={index >= total - 1} onPress={() => go(1)} className="photo-viewer__nav photo-viewer__nav--next">
              <Icon name="chevronRight" size={28} />
            </Button>
          </div>
          <div className="photo-viewer__caption stack gap-1">
            <h2 className="strong cluster gap-2 text-base">{label.title}</h2>
            {photo.caption ? <p className="user-text">{photo.caption}</p> : null}
            <p className="photo-viewer__meta text-sm">
              {photo.takenAt ? t('taken', { when: formatDateTime(photo.takenAt, locale, 'medium') }) : t('uploaded', { when: formatDateTime(photo.uploadedAt, locale, 'medium') })}
            </p>
            <p className="visually-hidden">{t('viewer.hint')}</p>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
