import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '@/components/states';
import { useAllPhotos } from '@/features/photos/api/list-photos';
import type { JobPhoto } from '@/features/photos/api/keys';
import { PhotoViewer } from '@/features/photos/components/photo-viewer';
import { roomKey, roomName } from '@/features/photos/components/photo-text';
import { Thumbnail } from '@/features/photos/components/thumbnail';
import '@/features/photos/photos-strings';
import '@/features/photos/photos.css';

interface Pair {
  index: number;
  before?: JobPhoto;
  after?: JobPhoto;
}

interface Room {
  key: string;
  roomArea: string | null;
  pairs: Pair[];
  details: JobPhoto[];
}

/** The API's room order (before n beside after n, details last) gathered into rooms and pairs. */
export function roomsOf(photos: JobPhoto[]): Room[] {
  const rooms = new Map<string, Room>();
  for (const photo of photos) {
    const key = roomKey(photo.roomArea);
    let room = rooms.get(key);
    if (!room) rooms.set(key, (room = { key, roomArea: photo.roomArea, pairs: [], details: [] }));
    if (photo.photoType === 'detail') {
      room.details.push(photo);
      continue;
    }
    let pair = room.pairs.find((p) => p.index === photo.pairIndex);
    if (!pair) room.pairs.push((pair = { index: photo.pairIndex }));
    pair[photo.photoType] = photo;
  }
  for (const room of rooms.values()) room.pairs.sort((a, b) => a.index - b.index);
  return [...rooms.values()];
}

/**
 * The client's photos of a visit: room by room, each "before" beside its "after", details after them.
 * Thumbnails load as they scroll into view; opening one shows it full size in the viewer.
 */
export function ClientGallery({ jobId }: { jobId: number }) {
  const query = useAllPhotos(jobId);
  if (query.isPending) return <div className="photo-grid__loading skeleton" aria-hidden="true" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Gallery photos={query.data} />;
}

/** The gallery of photos already at hand (a job's, or a turnover report's, signed in or through a shared link). */
export function Gallery({ photos }: { photos: JobPhoto[] }) {
  const { t } = useTranslation('photos');
  const [open, setOpen] = useState<number | null>(null);
  if (photos.length === 0) {
    return (
      <EmptyState icon="camera" title={t('gallery.emptyTitle')} bordered={false}>
        {t('gallery.emptyText')}
      </EmptyState>
    );
  }
  const indexOf = (photo: JobPhoto) => photos.indexOf(photo);

  return (
    <div className="stack" data-testid="gallery">
      {roomsOf(photos).map((room) => (
        <section key={room.key} className="stack gap-3" aria-label={roomName(t, room.roomArea)}>
          <h3 className="text-base" translate={room.roomArea ? 'no' : undefined}>
            {roomName(t, room.roomArea)}
          </h3>
          {room.pairs.length > 0 ? (
            <ul role="list" className="stack gap-4" aria-label={t('gallery.pairs')}>
              {room.pairs.map((pair) => (
                <li key={pair.index} className="gallery__pair">
                  {(['before', 'after'] as const).map((side) => {
                    const photo = pair[side];
                    return (
                      <figure key={side} className="stack gap-1">
                        {photo ? (
                          <Thumbnail photo={photo} onOpen={() => setOpen(indexOf(photo))} />
                        ) : (
                          <div className="photo-thumb photo-thumb--missing">
                            <span>{t(`gallery.missing.${side}`)}</span>
                          </div>
                        )}
                        <figcaption className="stack gap-0-5 text-sm">
                          <span className="strong">{t(`type.${side}`)}</span>
                          {photo?.caption ? <span className="user-text muted">{photo.caption}</span> : null}
                        </figcaption>
                      </figure>
                    );
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          {room.details.length > 0 ? (
            <>
              <h4 className="muted text-sm">{t('gallery.details')}</h4>
              <ul role="list" className="gallery__details">
                {room.details.map((photo) => (
                  <li key={photo.id}>
                    <figure className="stack gap-1">
                      <Thumbnail photo={photo} onOpen={() => setOpen(indexOf(photo))} />
                      {photo.caption ? (
                        <figcaption className="stack gap-0-5 text-sm">
                          <span className="user-text muted">{photo.caption}</span>
                        </figcaption>
                      ) : null}
                    </figure>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      {open !== null ? <PhotoViewer photos={photos} index={open} onIndexChange={setOpen} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
