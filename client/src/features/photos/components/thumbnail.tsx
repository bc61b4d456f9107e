import { useTranslation } from 'react-i18next';
import type { JobPhoto } from '@/features/photos/api/keys';
import { photoAlt } from '@/features/photos/components/photo-text';
import '@/features/photos/photos-strings';

/**
 * A photo's thumbnail as a button that opens the viewer; loaded only when it scrolls near the screen.
 * Job photos are described by their type and room; other photos pass their own `alt`.
 */
export function Thumbnail({ photo, onOpen, alt }: { photo: Pick<JobPhoto, 'id' | 'thumbnailUrl'> & Partial<JobPhoto>; onOpen: () => void; alt?: string }) {
  const { t } = useTranslation('photos');
  return (
    <button type="button" className="photo-thumb" onClick={onOpen} data-photo-id={photo.id}>
      <img src={photo.thumbnailUrl} alt={alt ?? photoAlt(t, photo as JobPhoto)} loading="lazy" decoding="async" className="photo-thumb__image" />
    </button>
  );
}

