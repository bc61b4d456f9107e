import { useTranslation } from 'react-i18next';
import type { JobPhoto } from '@/features/photos/api/keys';
import { photoAlt } from '@/features/photos/components/photo-text';
import '@/features/photos/photos-strings';

/** A photo's thumbnail as a button that opens the viewer; loaded only when it scrolls near the screen. */
export function Thumbnail({ photo, onOpen, showType = true }: { photo: JobPhoto; onOpen: () => void; showType?: boolean }) {
  const { t } = useTranslation('photos');
  return (
    <button type="button" className="photo-thumb" onClick={onOpen} data-photo-id={photo.id}>
      <img src={photo.thumbnailUrl} alt={photoAlt(t, photo)} loading="lazy" decoding="async" className="photo-thumb__image" />
      {showType ? (
        <span className={`photo-badge photo-badge--${photo.photoType} photo-thumb__badge`} aria-hidden="true">
          {t(`type.${photo.photoType}`)}
        </span>
      ) : null}
    </button>
  );
}

