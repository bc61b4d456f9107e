import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoTypeValue } from '@contracts/photos';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/dialog';
import { SelectField } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import { Pager } from '@/components/pager';
import { EmptyState, ErrorState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useDeletePhoto } from '@/features/photos/api/delete-photo';
import { usePhotoPage } from '@/features/photos/api/list-photos';
import type { JobPhoto, PhotoSummary } from '@/features/photos/api/keys';
import { Thumbnail } from '@/features/photos/components/thumbnail';
import { PhotoViewer } from '@/features/photos/components/photo-viewer';
import { photoAlt, roomKey, roomName, typeBadge } from '@/features/photos/components/photo-text';
import '@/features/photos/photos-strings';
import '@/features/photos/photos.css';

const PAGE_SIZE = 24;
const TYPE_ORDER: PhotoTypeValue[] = ['before', 'after', 'detail'];

interface Group {
  key: string;
  roomArea: string | null;
  byType: Array<{ type: PhotoTypeValue; photos: JobPhoto[] }>;
}

/** A page of photos (already in room order) gathered by room, then by type. */
function groupsOf(photos: JobPhoto[]): Group[] {
  const groups = new Map<string, { roomArea: string | null; photos: JobPhoto[] }>();
  for (const photo of photos) {
    const key = roomKey(photo.roomArea);
    const group = groups.get(key) ?? { roomArea: photo.roomArea, photos: [] };
    group.photos.push(photo);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => ({
    key,
    roomArea: group.roomArea,
    byType: TYPE_ORDER.map((type) => ({ type, photos: group.photos.filter((p) => p.photoType === type) })).filter((g) => g.photos.length > 0),
  }));
}

function PhotoFacts({ photo }: { photo: JobPhoto }) {
  const { t } = useTranslation('photos');
  const locale = currentLocale();
  return (
    <div className="photo-card__facts stack gap-0-5">
      {photo.caption ? <p className="text-sm user-text">{photo.caption}</p> : null}
      {photo.clientViewedAt !== undefined ? (
        photo.clientViewedAt ? (
          <p className="photo-card__seen" data-seen="">
            <Icon name="eye" size={16} />
            {t('grid.seen', { when: formatDateTime(photo.clientViewedAt, locale, 'short') })}
          </p>
        ) : (
          <p className="photo-card__seen muted" data-seen="no">
            <Icon name="eyeOff" size={16} />
            {t('grid.notSeen')}
          </p>
        )
      ) : null}
      {photo.uploadedBy ? <p className="muted">{t('grid.by', { name: photo.uploadedBy.name })}</p> : null}
      <p className="muted">
        {photo.takenAt ? t('taken', { when: formatDateTime(photo.takenAt, locale, 'short') }) : t('uploaded', { when: formatDateTime(photo.uploadedAt, locale, 'short') })}
      </p>
    </div>
  );
}

/**
 * A job's photos for staff and its workers: grouped by room and type, filtered and paged as the API
 * pages them. Staff see whether and when the client opened each one; delete is offered where the server
 * allows it (`canDelete`: staff, or the worker who took it while the job is open).
 */
export function PhotoGrid({ jobId, summary, filters: showFilters = true }: { jobId: number; summary?: PhotoSummary; filters?: boolean }) {
  const { t } = useTranslation('photos');
  const [photoType, setPhotoType] = useState<PhotoTypeValue | ''>('');
  const [roomArea, setRoomArea] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<JobPhoto | null>(null);
  const remove = useDeletePhoto(jobId);
  const query = usePhotoPage(jobId, { ...(photoType ? { photoType } : {}), ...(roomArea ? { roomArea } : {}), offset, limit: PAGE_SIZE });

  const rooms = summary?.rooms.filter((r) => r.roomArea !== null) ?? [];
  const filtered = photoType !== '' || roomArea !== '';

  let body;
  if (query.isPending) body = <div className="photo-grid__loading skeleton" aria-hidden="true" />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.items.length === 0) {
    body = filtered ? (
      <p className="muted">{t('grid.emptyFiltered')}</p>
    ) : (
      <EmptyState icon="camera" title={t('grid.emptyTitle')} bordered={false}>
        {t('grid.emptyText')}
      </EmptyState>
    );
  } else {
    const photos = query.data.items;
    body = (
      <>
        <div className="photo-grid__rooms">
          {groupsOf(photos).map((group) => (
            <section key={group.key} className="stack gap-3" aria-label={roomName(t, group.roomArea)}>
              <h3 className="text-base" translate={group.roomArea ? 'no' : undefined}>
                {roomName(t, group.roomArea)}
              </h3>
              <div className="photo-grid__types">
                {group.byType.map(({ type, photos: ofType }) => (
                  <div key={type} className="stack gap-2">
                    <h4 className="photo-grid__type-title">
                      <span className={typeBadge(type)}>{t(`type.${type}`)}</span>
                    </h4>
                    <ul role="list" className="photo-grid__types">
                      {ofType.map((photo) => (
                        <li key={photo.id} className="stack gap-2" data-photo-card={photo.id}>
                          <Thumbnail photo={photo} onOpen={() => setOpen(photos.indexOf(photo))} />
                          <PhotoFacts photo={photo} />
                          {photo.canDelete ? (
                            <Button variant="ghost" size="sm" className="photo-card__delete" aria-label={t('grid.deleteLabel', { label: photoAlt(t, photo) })} onPress={() => setDeleting(photo)}>
                              <Icon name="trash" size={16} />
                              {t('grid.delete')}
                            </Button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </section>
          ))}
        </div>
        <Pager meta={query.data.meta} onOffsetChange={setOffset} />
        {open !== null ? <PhotoViewer photos={photos} index={open} onIndexChange={setOpen} onClose={() => setOpen(null)} /> : null}
      </>
    );
  }

  return (
    <div className="stack gap-5">
      {showFilters && (summary?.counts.total ?? 0) > 0 ? (
        <div className="form-grid">
          <SelectField
            label={t('grid.filterType')}
            value={photoType || 'all'}
            onChange={(value) => {
              setPhotoType(value === 'all' || value === null ? '' : (value as PhotoTypeValue));
              setOffset(0);
            }}
            options={[{ id: 'all', label: t('grid.allTypes') }, ...TYPE_ORDER.map((type) => ({ id: type, label: t(`type.${type}`) }))]}
          />
          {rooms.length > 1 ? (
            <SelectField
              label={t('grid.filterRoom')}
              value={roomArea || '\u0000all'}
              onChange={(value) => {
                setRoomArea(value === '\u0000all' || value === null ? '' : String(value));
                setOffset(0);
              }}
              options={[{ id: '\u0000all', label: t('grid.allRooms') }, ...rooms.map((r) => ({ id: r.roomArea!, label: r.roomArea! }))]}
            />
          ) : null}
        </div>
      ) : null}
      {body}
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(isOpen) => {
          if (!isOpen && !remove.isPending) {
            setDeleting(null);
            remove.reset();
          }
        }}
        title={t('grid.deleteTitle')}
        confirmLabel={t('grid.deleteConfirm')}
        pendingLabel={t('grid.deleting')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
        }}
      >
        {deleting ? (
          <div className="photo-delete">
            <span className="photo-thumb">
              <img src={deleting.thumbnailUrl} alt={photoAlt(t, deleting)} className="photo-thumb__image" />
            </span>
            <p>{t('grid.deleteText')}</p>
          </div>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
