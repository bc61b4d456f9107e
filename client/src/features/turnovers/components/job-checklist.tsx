import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { CheckboxField } from '@/components/fields';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { QueryFallback } from '@/components/states';
import { ApiError } from '@/lib/api-error';
import { describeError } from '@/lib/error-message';
import { pendingTicks } from '@/features/cleaning/offline/tap-queue';
import { useTapQueue } from '@/features/cleaning/offline/use-tap-queue';
import { preparePhoto, UnreadablePhoto } from '@/features/photos/queue/downsize-image';
import { usePhotoQueue } from '@/features/photos/queue/use-photo-queue';
import { useJobChecklist, type JobChecklist } from '@/features/turnovers/api/turnovers-api';
import '@/features/turnovers/turnovers-strings';
import '@/features/turnovers/turnovers.css';
import { JobSection } from '@/features/cleaning/components/job-page-parts';

type Item = JobChecklist['items'][number];

function bySection(items: Item[]): Array<{ title: string; items: Item[] }> {
  const sections: Array<{ title: string; items: Item[] }> = [];
  for (const item of items) {
    const last = sections.at(-1);
    if (last && last.title === item.section) last.items.push(item);
    else sections.push({ title: item.section, items: [item] });
  }
  return sections;
}

/** The photo of a photo item: taken here, kept and sent by the photo queue, and named in the tick by its upload key. */
function PhotoItem({ jobId, item, onTick }: { jobId: number; item: Item; onTick: (uploadKey: string) => void }) {
  const { t } = useTranslation('turnovers');
  const { queue } = usePhotoQueue();
  const [state, setState] = useState<'idle' | 'preparing' | 'unreadable'>('idle');

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setState('preparing');
    try {
      const prepared = await preparePhoto(file);
      const [key] = await queue.add([
        { jobId, photoType: 'after', roomArea: item.section.slice(0, 100), caption: item.label.slice(0, 300), fileName: prepared.fileName, blob: prepared.blob, preview: prepared.preview },
      ]);
      setState('idle');
      if (key) onTick(key);
    } catch (error) {
      if (!(error instanceof UnreadablePhoto)) throw error;
      setState('unreadable');
    }
  }

  return (
    <>
      <label className={`checkbox checkbox--lg focus-ring-within check-photo${state === 'preparing' ? ' is-busy' : ''}`}>
        <span className="icon-tile check-photo__icon" aria-hidden="true">
          <Icon name="camera" size={22} />
        </span>
        <span className="check-photo__text stack gap-0-5">
          <span className="strong">{item.label}</span>
          <span className="check-photo__hint text-sm">{state === 'preparing' ? t('checklist.preparing') : t('checklist.photo')}</span>
        </span>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          className="visually-hidden"
          aria-label={t('checklist.takePhoto', { item: item.label })}
          disabled={state === 'preparing'}
          onChange={(e) => void onFile(e)}
        />
      </label>
      {state === 'unreadable' ? <Notice tone="warning">{t('checklist.unreadable')}</Notice> : null}
    </>
  );
}

/**
 * A job's checklist. The team ticks it on the phone through the same offline queue as Start and End:
 * a tick shows at once, waits on the phone without signal and reaches the server with the time it was
 * made. An item that needs a photo opens the camera; the photo goes through the photo queue and the tick
 * names it by its upload key, so it is linked once the photo has arrived. Staff see it read-only.
 */
export function JobChecklistCard({ jobId, open, canTick }: { jobId: number; open: boolean; canTick: boolean }) {
  const { t, i18n } = useTranslation('turnovers');
  const checklist = useJobChecklist(jobId);
  const taps = useTapQueue();
  const { items: photoItems } = usePhotoQueue();
  const pending = pendingTicks(taps.taps, jobId);
  const failures = taps.failures.filter((f) => f.jobId === jobId && f.action === 'tick');

  // A photo of this job reached the server: a tick waiting for it can go now rather than at the next retry.
  const waitingPhotos = photoItems.filter((p) => p.jobId === jobId).length;
  const before = useRef(waitingPhotos);
  const { flush } = taps;
  useEffect(() => {
    if (waitingPhotos < before.current) void flush();
    before.current = waitingPhotos;
  }, [waitingPhotos, flush]);

  if (!checklist.isSuccess) return <QueryFallback query={checklist} />;
  const data = checklist.data;
  if (data.items.length === 0) return null;

  const state = (item: Item) => {
    const queued = pending.get(item.id);
    const done = queued ? queued.tick.done : item.done;
    const hasPhoto = item.photoId !== null || Boolean(queued?.tick.photoUploadKey);
    return { queued, done, hasPhoto, missing: item.required && (!done || (item.requiresPhoto && !hasPhoto)) };
  };
  const states = new Map(data.items.map((item) => [item.id, state(item)]));
  const doneCount = data.items.filter((i) => states.get(i.id)!.done).length;
  const requiredLeft = data.items.filter((i) => states.get(i.id)!.missing).length;
  const itemLabel = (id: number) => data.items.find((i) => i.id === id)?.label ?? '';

  return (
    <JobSection
      id={`checklist-${jobId}`}
      icon="checkCircle"
      title={t('checklist.title')}
      actions={
        <span className="badge" aria-live="polite">
          {t('checklist.progress', { done: doneCount, total: data.items.length })}
        </span>
      }
    >
      {data.templateName ? (
        <p className="muted" translate="no">
          {data.templateName}
        </p>
      ) : null}
      {failures.map((failure) => (
        <Notice key={failure.id} tone="danger">
          <span>{t('checklist.failed', { item: itemLabel(failure.tick?.itemId ?? 0), reason: describeError(new ApiError(409, failure.code, '', ''), i18n).message })}</span>{' '}
          <Button variant="ghost" size="sm" onPress={() => taps.dismissFailure(failure.id)}>
            {t('checklist.dismiss')}
          </Button>
        </Notice>
      ))}
      {data.waiver ? (
        <Notice tone="info">{t('checklist.waived', { reason: data.waiver.reason })}</Notice>
      ) : requiredLeft > 0 ? (
        <Notice tone="warning">{t('checklist.requiredLeft', { count: requiredLeft })}</Notice>
      ) : (
        <Notice tone="success">{t('checklist.complete')}</Notice>
      )}
      {open ? null : <p className="muted">{t('checklist.closed')}</p>}
      {bySection(data.items).map((section) => (
        <div key={section.title} className="stack gap-2">
          <h3 className="subheading">{section.title}</h3>
          <ul role="list" className="stack gap-2">
            {section.items.map((item) => {
              const s = states.get(item.id)!;
              const photoWaiting = Boolean(s.queued?.tick.photoUploadKey);
              const notes = [
                item.required ? null : t('checklist.optional'),
                item.requiresPhoto && !photoWaiting ? (item.photoId !== null ? t('checklist.photoLinked') : t('checklist.photo')) : null,
                s.queued ? (photoWaiting ? t('checklist.photoWaiting') : t('checklist.waiting')) : null,
              ].filter(Boolean);
              return (
                <li key={item.id} className={s.queued ? 'job-checklist__item is-queued' : 'job-checklist__item'}>
                  {canTick && open && item.requiresPhoto && !s.hasPhoto ? (
                    <PhotoItem jobId={jobId} item={item} onTick={(photoUploadKey) => taps.tick(jobId, { itemId: item.id, done: true, photoUploadKey })} />
                  ) : (
                    <CheckboxField
                      size="lg"
                      isSelected={s.done}
                      isDisabled={!canTick || !open}
                      onChange={(done) => taps.tick(jobId, { itemId: item.id, done })}
                      description={notes.length > 0 ? notes.join(' · ') : undefined}
                    >
                      {item.label}
                    </CheckboxField>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </JobSection>
  );
}
