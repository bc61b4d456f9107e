import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_TYPES, PHOTO_UPLOAD_LIMITS, type PhotoTypeValue } from '@contracts/photos';
import { TextInput } from '@/components/text-field';
import { FilePicker } from '@/components/file-picker';
import { Segmented } from '@/components/segmented';
import { Notice } from '@/components/notice';
import { preparePhoto, UnreadablePhoto } from '@/features/photos/queue/downsize-image';
import type { NewUpload } from '@/features/photos/queue/upload-queue';
import '@/features/photos/photos-strings';
import '@/features/photos/photos.css';
import '@/components/kit.css';

type Outcome = { kind: 'preparing'; count: number } | { kind: 'added'; count: number; unreadable: number } | { kind: 'keepFailed' } | null;

/**
 * Taking photos on site, phone first: the type and room are chosen once, then "Take photos" opens the
 * camera (or the gallery) for as many shots as needed. Each photo is made smaller here, kept on the
 * phone and queued; the worker can go on working while the queue sends them.
 */
export function PhotoCapture({ jobId, rooms, onQueue }: { jobId: number; rooms: string[]; onQueue: (uploads: NewUpload[]) => Promise<unknown> }) {
  const { t } = useTranslation('photos');
  const id = useId();
  const [photoType, setPhotoType] = useState<PhotoTypeValue>('before');
  const [roomArea, setRoomArea] = useState('');
  const [caption, setCaption] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const busy = outcome?.kind === 'preparing';

  async function onFiles(files: File[]) {
    if (files.length === 0) return;
    setOutcome({ kind: 'preparing', count: files.length });
    const uploads: NewUpload[] = [];
    let unreadable = 0;
    // One at a time: a phone decoding several 12 MP photos at once can run out of memory.
    for (const file of files) {
      try {
        const prepared = await preparePhoto(file);
        uploads.push({
          jobId,
          photoType,
          roomArea: roomArea.trim() || null,
          caption: caption.trim() || null,
          fileName: prepared.fileName,
          blob: prepared.blob,
          preview: prepared.preview,
        });
      } catch (error) {
        if (!(error instanceof UnreadablePhoto)) throw error;
        unreadable += 1;
      }
    }
    try {
      if (uploads.length > 0) await onQueue(uploads);
      setOutcome({ kind: 'added', count: uploads.length, unreadable });
      setCaption('');
    } catch {
      setOutcome({ kind: 'keepFailed' });
    }
  }

  const suggestions = `${id}-rooms`;
  return (
    <section className="panel photo-capture stack gap-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="text-base">
        {t('capture.title')}
      </h3>
      <div className="field">
        <span className="field__label" aria-hidden="true">
          {t('capture.type')}
        </span>
        <Segmented
          look="segmented"
          className="segmented--block"
          label={t('capture.type')}
          value={photoType}
          onChange={setPhotoType}
          options={PHOTO_TYPES.map((type) => ({ value: type, content: t(`type.${type}`) }))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-room`} className="field__label">
          {t('capture.room')}
        </label>
        <input
          id={`${id}-room`}
          className="field__input"
          list={suggestions}
          value={roomArea}
          maxLength={PHOTO_UPLOAD_LIMITS.roomArea}
          autoComplete="off"
          aria-describedby={`${id}-room-hint`}
          onChange={(event) => setRoomArea(event.target.value)}
        />
        <datalist id={suggestions}>
          {rooms.map((room) => (
            <option key={room} value={room} />
          ))}
        </datalist>
        <span id={`${id}-room-hint`} className="muted text-sm">
          {t('capture.roomHint')}
        </span>
      </div>
      <TextInput label={t('capture.caption')} value={caption} onChange={setCaption} maxLength={PHOTO_UPLOAD_LIMITS.caption} />
      <div className="form-grid">
        <FilePicker label={t('capture.take')} icon="camera" variant="primary" size="lg" block accept="image/*" capture="environment" multiple isBusy={busy} onChange={(files) => void onFiles(files)} />
        <FilePicker label={t('capture.gallery')} icon="image" variant="soft" block accept="image/*" multiple isBusy={busy} onChange={(files) => void onFiles(files)} />
      </div>
      <div aria-live="polite" className="photo-capture__status">
        {outcome?.kind === 'preparing' ? (
          <p className="cluster muted">
            <span className="spinner" aria-hidden="true" />
            {t('capture.preparing', { count: outcome.count })}
          </p>
        ) : null}
        {outcome?.kind === 'added' && outcome.count > 0 ? <Notice tone="success">{t('capture.added', { count: outcome.count })}</Notice> : null}
        {outcome?.kind === 'added' && outcome.unreadable > 0 ? <Notice tone="warning">{t('capture.unreadable', { count: outcome.unreadable })}</Notice> : null}
        {outcome?.kind === 'keepFailed' ? <Notice tone="danger">{t('capture.keepFailed')}</Notice> : null}
      </div>
    </section>
  );
}
