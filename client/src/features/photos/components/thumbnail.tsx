import { useTranslation } from 'react-i18next';
import type { JobPhoto } from '@/features/photos/api/keys';
import { photoAlt } from '@/features/photos/components/photo-text';
import '@/features/photos/photos-strings';

/** A photo's thumbnail as a button that opens the viewer; loaded only when it scrolls near the screen. */
export function Thumbnail({ photo, onOpen }: { photo: JobPhoto; onOpen: () => void }) {
  const { t } = useTranslation('photos');
  return (
    <button type="button" className="photo-thumb" onClick={onOpen} data-photo-id={photo.id}>
      <img src={photo.thumbnailUrl} alt={photoAlt(t, photo)} loading="lazy" decoding="async" className="photo-thumb__image" />
    </button>
  );
}

