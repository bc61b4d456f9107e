import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { FilePicker } from '@/components/file-picker';
import { Icon } from '@/components/icon';
import type { AttachedPhoto } from '@/features/photos/api/attached-photos';
import { PhotoViewer } from '@/features/photos/components/photo-viewer';
import { Thumbnail } from '@/features/photos/components/thumbnail';
import '@/features/photos/photos-strings';
import '@/features/photos/photos.css';

/** Thumbnails of the photos attached to a request or a message; each opens the full-screen viewer. */
export function AttachedPhotoStrip({ photos, testId = 'attached-photos' }: { photos: AttachedPhoto[]; testId?: string }) {
  const { t } = useTranslation('photos');
  const [open, setOpen] = useState<number | null>(null);
  if (photos.length === 0) return null;
  const viewerPhotos = photos.map((p) => ({ ...p, caption: null }));
  return (
    <>
      <ul role="list" className="cluster gap-2 attached-photos" data-testid={testId}>
        {photos.map((p, index) => (
          <li key={p.id}>
            <Thumbnail photo={p} alt={t('attach.alt', { n: index + 1 })} onOpen={() => setOpen(index)} />
          </li>
        ))}
      </ul>
      {open !== null ? (
        <PhotoViewer
          photos={viewerPhotos}
          index={open}
          onIndexChange={setOpen}
          onClose={() => setOpen(null)}
          describe={(p) => {
            const n = viewerPhotos.indexOf(p) + 1;
            return { alt: t('attach.alt', { n }), title: <span>{t('attach.title', { n, total: viewerPhotos.length })}</span> };
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Photos chosen to go with a request or a message, before they are sent: the kit's file field (the
 * phone offers its camera and gallery), then the chosen ones by name, each removable, up to `max`.
 */
export function PhotoPicker({ files, onChange, max, isDisabled, label }: { files: File[]; onChange: (files: File[]) => void; max: number; isDisabled?: boolean; label?: string }) {
  const { t } = useTranslation('photos');
  const full = files.length >= max;
  return (
    <div className="stack gap-2" data-testid="photo-picker">
      <FilePicker
        label={label ?? t('attach.label')}
        icon="image"
        accept="image/*"
        multiple
        isDisabled={isDisabled || full}
        description={full ? t('attach.full', { max }) : t('attach.hint', { max })}
        onChange={(picked) => onChange([...files, ...picked].slice(0, max))}
      />
      {files.length > 0 ? (
        <>
          <p className="muted">{t('attach.picked', { count: files.length, max })}</p>
          <ul role="list" className="stack gap-1">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`} className="cluster gap-2">
                <Icon name="image" size={16} />
                <span className="photo-picker__name">{file.name}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  iconOnly
                  aria-label={t('attach.remove', { name: file.name })}
                  isDisabled={isDisabled}
                  onPress={() => onChange(files.filter((_, i) => i !== index))}
                >
                  <Icon name="close" size={16} />
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
