import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONDITION_KINDS, CONDITION_LIMITS, type ConditionKindValue, type ItemConditionDto, type OrderConditionDto } from '@contracts/laundry-condition';
import type { LaundryItemDto } from '@contracts/laundry-floor';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/dialog';
import { FileInput } from '@/components/file-picker';
import { SelectField } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { ErrorState } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useAcknowledgeCondition, useAddCondition, useOrderCondition, useRemoveCondition, useUploadConditionPhoto } from '@/features/laundry/api/order-condition';
import { PhotoViewer } from '@/features/photos/components/photo-viewer';
import { Thumbnail } from '@/features/photos/components/thumbnail';
import { UnreadablePhoto } from '@/features/photos/queue/downsize-image';
import '@/features/laundry/laundry-strings';
import '@/features/laundry/laundry.css';

type Photo = ItemConditionDto['photos'][number] & { itemLabel: string };
type Removal = { what: 'note'; id: number; text: string } | { what: 'photo'; id: number; text: string };

/** Every photo of the order in item order, each knowing its item (for the viewer's heading and alt). */
function photosOf(condition: OrderConditionDto | undefined, label: (item: ItemConditionDto) => string): Photo[] {
  return (condition?.items ?? []).flatMap((item) => item.photos.map((p) => ({ ...p, itemLabel: label(item) })));
}

/** The notes and photo thumbnails of one item; a thumbnail opens the viewer on the order's photos. */
function ConditionDetails({
  item,
  photos,
  onOpen,
  onRemove,
}: {
  item: ItemConditionDto | undefined;
  photos: Photo[];
  onOpen: (index: number) => void;
  /** Staff only, while the order is open: take a note or a photo back. */
  onRemove?: (removal: Removal) => void;
}) {
  const { t } = useTranslation('laundry');
  if (!item || (item.notes.length === 0 && item.photos.length === 0)) return <p className="condition-item__none muted">{t('condition.none')}</p>;
  const noteText = (n: ItemConditionDto['notes'][number]) => [t(`condition.kind.${n.kind}`), n.note].filter(Boolean).join(' — ');
  return (
    <div className="stack gap-2">
      {item.notes.length > 0 ? (
        <ul role="list" className="stack gap-1">
          {item.notes.map((n) => (
            <li key={n.id} className="cluster gap-2">
              <span className="cluster gap-2 user-text grow">
                <strong>{t(`condition.kind.${n.kind}`)}</strong>
                {n.note ? <span className="condition-notes__text">{n.note}</span> : null}
              </span>
              {onRemove ? (
                <Button
                  variant="ghost"
                  size="sm"
                  iconOnly
                  className="condition-notes__remove"
                  aria-label={t('condition.removeNote', { what: noteText(n) })}
                  onPress={() => onRemove({ what: 'note', id: n.id, text: noteText(n) })}
                >
                  <Icon name="close" size={16} />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {item.photos.length > 0 ? (
        <ul role="list" className="condition-photos">
          {item.photos.map((p) => {
            const index = photos.findIndex((x) => x.id === p.id);
            return (
              <li key={p.id} className="condition-photos__photo">
                <Thumbnail photo={p} alt={t('condition.photoAlt', { item: photos[index]?.itemLabel ?? item.tagCode })} onOpen={() => onOpen(index)} />
                {onRemove ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    iconOnly
                    className="condition-photos__remove"
                    aria-label={t('condition.removePhoto', { item: photos[index]?.itemLabel ?? item.tagCode })}
                    onPress={() => onRemove({ what: 'photo', id: p.id, text: '' })}
                  >
                    <Icon name="close" size={16} />
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function ConditionViewer({ photos, open, setOpen }: { photos: Photo[]; open: number | null; setOpen: (index: number | null) => void }) {
  const { t } = useTranslation('laundry');
  if (open === null) return null;
  return (
    <PhotoViewer
      photos={photos}
      index={open}
      onIndexChange={setOpen}
      onClose={() => setOpen(null)}
      describe={(p) => ({ alt: t('condition.photoAlt', { item: p.itemLabel }), title: <span>{p.itemLabel}</span> })}
    />
  );
}

/** The note and photo form of one item (staff and workers at the counter). */
function ConditionForm({ orderId, item }: { orderId: number; item: LaundryItemDto }) {
  const { t } = useTranslation('laundry');
  const add = useAddCondition(orderId);
  const upload = useUploadConditionPhoto(orderId);
  const [kind, setKind] = useState<ConditionKindValue>('stain');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<'note' | 'photo' | null>(null);

  const submit = () => {
    setDone(null);
    if (kind === 'other' && !note.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    add.mutate(
      { itemId: item.id, body: { kind, note: note.trim() || null } },
      {
        onSuccess: () => {
          setNote('');
          setDone('note');
        },
      },
    );
  };
  const onPhoto = (file: File | null) => {
    setDone(null);
    if (file) upload.mutate({ itemId: item.id, file }, { onSuccess: () => setDone('photo') });
  };

  return (
    <div className="stack gap-3 condition-form">
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <SelectField
          label={t('condition.kindLabel')}
          options={CONDITION_KINDS.map((k) => ({ id: k, label: t(`condition.kind.${k}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as ConditionKindValue)}
        />
        <TextInput
          label={t('condition.noteLabel')}
          value={note}
          onChange={setNote}
          maxLength={CONDITION_LIMITS.note}
          errorMessage={missing ? t('condition.noteRequired') : undefined}
        />
        <Button type="submit" variant="secondary" className="inline-form__submit" isPending={add.isPending} pendingLabel={t('condition.adding')}>
          <Icon name="check" size={18} />
          {t('condition.addNote')}
        </Button>
      </form>
      <FileInput
        label={t('condition.photoLabel')}
        accept="image/*"
        capture="environment"
        clearAfterPick
        isDisabled={upload.isPending}
        description={t('condition.photoHint')}
        onChange={onPhoto}
      />
      <div aria-live="polite" className="condition-form__status">
        {upload.isPending ? (
          <p className="cluster muted">
            <span className="spinner" aria-hidden="true" />
            {t('condition.uploading')}
          </p>
        ) : null}
        {done === 'note' ? <Notice tone="success">{t('condition.noteAdded')}</Notice> : null}
        {done === 'photo' ? <Notice tone="success">{t('condition.photoAdded')}</Notice> : null}
        {upload.error instanceof UnreadablePhoto ? <Notice tone="danger">{t('condition.unreadable')}</Notice> : null}
        <ErrorNotice error={add.error ?? (upload.error instanceof UnreadablePhoto ? null : upload.error)} />
      </div>
    </div>
  );
}

function Acknowledgement({ condition }: { condition: OrderConditionDto }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  if (condition.items.length === 0) return null;
  return condition.acknowledgement ? (
    <Notice tone="success">{t('condition.acknowledgedOn', { date: formatDateTime(condition.acknowledgement.at, locale) })}</Notice>
  ) : (
    <Notice tone="info">{t('condition.awaiting')}</Notice>
  );
}

/**
 * "Condition at intake" on the staff order page: each item with what was noted on it (notes, photos)
 * and, while the order is open, a form to note a stain, a tear… and to photograph it (the tablet's
 * camera opens directly). Whether the client has acknowledged it shows on top.
 */
export function StaffIntakeCondition({ orderId, items, isOpen }: { orderId: number; items: LaundryItemDto[]; isOpen: boolean }) {
  const { t } = useTranslation('laundry');
  const id = useId();
  const query = useOrderCondition(orderId);
  const [editing, setEditing] = useState<number | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const remove = useRemoveCondition(orderId);
  const label = (i: { tagCode: string; description: string }) => t('condition.itemLabel', { tag: i.tagCode, description: i.description });
  const photos = photosOf(query.data, label);
  const byItem = new Map((query.data?.items ?? []).map((i) => [i.itemId, i]));
  // A closed order can no longer change: only the items with something noted are worth listing.
  const shown = isOpen ? items : items.filter((i) => byItem.has(i.id));
  if (shown.length === 0) return null;

  return (
    <Card id={`${id}-title`} title={t('condition.title')} lead={t('condition.staffLead')} data-testid="intake-condition">
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <Acknowledgement condition={query.data} /> : null}
      <ul role="list" className="stack gap-3">
        {shown.map((item) => (
          <li key={item.id} className="panel stack gap-2" aria-label={label(item)} data-item-id={item.id}>
            <div className="cluster gap-2">
              <span className="amount" translate="no">{item.tagCode}</span>
              <span className="user-text condition-item__name" translate="no">{item.description}</span>
              {isOpen ? (
                <Button variant={editing === item.id ? 'ghost' : 'soft'} size="sm" onPress={() => setEditing(editing === item.id ? null : item.id)} aria-expanded={editing === item.id}>
                  <Icon name={editing === item.id ? 'close' : 'camera'} size={16} />
                  {editing === item.id ? t('condition.closeForm') : t('condition.record')}
                </Button>
              ) : null}
            </div>
            {query.data ? <ConditionDetails item={byItem.get(item.id)} photos={photos} onOpen={setOpen} onRemove={isOpen ? setRemoval : undefined} /> : null}
            {isOpen && editing === item.id ? <ConditionForm orderId={orderId} item={item} /> : null}
          </li>
        ))}
      </ul>
      <ConditionViewer photos={photos} open={open} setOpen={setOpen} />
      <ConfirmDialog
        isOpen={removal !== null}
        onOpenChange={(value) => {
          if (!value) {
            setRemoval(null);
            remove.reset();
          }
        }}
        title={t('condition.removeTitle')}
        confirmLabel={t('condition.removeConfirm')}
        pendingLabel={t('condition.removing')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => removal && remove.mutate({ what: removal.what, id: removal.id }, { onSuccess: () => setRemoval(null) })}
      >
        {removal?.what === 'note' ? t('condition.removeNoteText', { what: removal.text }) : t('condition.removePhotoText')}
      </ConfirmDialog>
    </Card>
  );
}

/**
 * The client's view of what was noted at intake, with the photos (thumbnails open full size), and the
 * "I have seen this" button; once acknowledged, when. Nothing noted: nothing shown.
 */
export function ClientIntakeCondition({ orderId }: { orderId: number }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const id = useId();
  const query = useOrderCondition(orderId);
  const acknowledge = useAcknowledgeCondition(orderId);
  const [open, setOpen] = useState<number | null>(null);
  const condition = query.data;
  if (!condition || condition.items.length === 0) return null;
  const label = (i: { tagCode: string; description: string }) => t('condition.itemLabel', { tag: i.tagCode, description: i.description });
  const photos = photosOf(condition, label);

  return (
    <Card id={`${id}-title`} title={t('condition.clientTitle')} lead={t('condition.clientLead')} data-testid="client-condition">
      <ul role="list" className="stack gap-3">
        {condition.items.map((item) => (
          <li key={item.itemId} className="panel stack gap-2" aria-label={label(item)}>
            <div className="cluster gap-2">
              <span className="amount" translate="no">{item.tagCode}</span>
              <span className="user-text condition-item__name" translate="no">{item.description}</span>
            </div>
            <ConditionDetails item={item} photos={photos} onOpen={setOpen} />
          </li>
        ))}
      </ul>
      <div className="stack gap-2 condition-ack" aria-live="polite">
        {condition.acknowledgement ? (
          <Notice tone="success">{t('condition.youAcknowledged', { date: formatDateTime(condition.acknowledgement.at, locale) })}</Notice>
        ) : (
          <Button variant="primary" size="lg" onPress={() => acknowledge.mutate()} isPending={acknowledge.isPending} pendingLabel={t('condition.acknowledging')}>
            <Icon name="checkCircle" size={20} />
            {t('condition.acknowledge')}
          </Button>
        )}
        <ErrorNotice error={acknowledge.error} />
      </div>
      <ConditionViewer photos={photos} open={open} setOpen={setOpen} />
    </Card>
  );
}
