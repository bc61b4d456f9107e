import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { ATTACHED_PHOTO_LIMITS } from '@contracts/attached-photos';
import type { CreateRequestInput, RequestKindValue } from '@contracts/requests';
import { Button, ButtonLink } from '@/components/button';
import { DateField, TimeField } from '@/components/date-fields';
import { RadioCards, SelectField, TextAreaInput } from '@/components/form-controls';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { TextInput } from '@/components/text-field';
import { SHELL_BASE } from '@/app/paths';
import { isApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';
import { newId } from '@/lib/ids';
import { addDays, lisbonDate } from '@/lib/lisbon-time';
import { usePrincipal } from '@/features/auth/api/get-session';
import { sendAttachedPhotos } from '@/features/photos/api/attached-photos';
import { PhotoPicker } from '@/features/photos/components/attached-photos';
import { useCreateRequest } from '@/features/requests/api/create-request';
import { requestsKeys, type ClientRequest } from '@/features/requests/api/keys';
import { useMyAddresses, useMyReadyOrders } from '@/features/requests/api/request-options';
import '@/features/requests/requests-strings';
import '@/features/requests/requests.css';

const base = `${SHELL_BASE.client}/requests`;
const KINDS: RequestKindValue[] = ['pickup', 'delivery', 'cleaning'];
const OTHER = 'other';

type Errors = Partial<Record<'property' | 'address' | 'order' | 'date' | 'from' | 'to', string>>;

/** A client asks for a pickup, a delivery or a cleaning: phone-first, one column, the device's own date and time pickers. */
export default function NewRequestPage() {
  const { t } = useTranslation('requests');
  const principal = usePrincipal();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const [params] = useSearchParams();
  const initialKind = KINDS.find((k) => k === params.get('kind')) ?? 'pickup';
  const [kind, setKind] = useState<RequestKindValue>(initialKind);
  const [place, setPlace] = useState<string>('');
  const [address, setAddress] = useState('');
  const [orderId, setOrderId] = useState<string>(params.get('orderId') ?? '');
  const [date, setDate] = useState(addDays(lisbonDate(), 1));
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('12:00');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [photos, setPhotos] = useState<File[]>([]);
  const [sendingPhotos, setSendingPhotos] = useState(false);
  const addresses = useMyAddresses(principal.id);
  const orders = useMyReadyOrders(kind === 'delivery');
  const create = useCreateRequest();
  const queryClient = useQueryClient();
  const attempt = useRef<{ json: string; key: string } | null>(null);

  // The first (primary) address is the likely one.
  useEffect(() => {
    if (!place && addresses.data?.length) setPlace(String(addresses.data[0]!.id));
  }, [addresses.data, place]);

  const options = [
    ...(addresses.data ?? []).map((p) => ({ id: String(p.id), label: p.name, detail: `${p.addressLine1}, ${p.city}`, isData: true })),
    ...(kind === 'cleaning' ? [] : [{ id: OTHER, label: t('form.otherAddress') }]),
  ];

  const submit = () => {
    if (create.isPending || sendingPhotos) return;
    const next: Errors = {};
    if (!date) next.date = t('form.required');
    if (!from) next.from = t('form.required');
    if (!to) next.to = t('form.required');
    else if (from && to <= from) next.to = t('form.windowOrder');
    if (!place || (kind === 'cleaning' && place === OTHER)) next.property = t('form.required');
    if (place === OTHER && address.trim().length < 3) next.address = t('form.required');
    if (kind === 'delivery' && !orderId) next.order = t('form.required');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const where = place === OTHER ? { address: address.trim() } : { propertyId: Number(place) };
    const when = { preferredDate: date, windowStart: from, windowEnd: to, ...(notes.trim() ? { notes: notes.trim() } : {}) };
    const body: CreateRequestInput =
      kind === 'cleaning'
        ? { kind, propertyId: Number(place), ...when }
        : kind === 'delivery'
          ? { kind, orderId: Number(orderId), ...where, ...when }
          : { kind, ...where, ...when };
    const json = JSON.stringify(body);
    if (attempt.current?.json !== json) attempt.current = { json, key: newId() };
    // A second tap replays the request's answer: the photos go under their own key, so they are kept once.
    const photosKey = `${attempt.current.key}:photos`;
    create.mutate(
      { body, idempotencyKey: attempt.current.key },
      {
        onSuccess: async (request) => {
          // The photos follow the request: if they cannot be sent, the request stands and its page says so.
          let photosFailed = false;
          if (photos.length > 0) {
            setSendingPhotos(true);
            try {
              const withPhotos = await sendAttachedPhotos<ClientRequest>(`/api/requests/${request.id}/photos`, photos, {}, photosKey);
              queryClient.setQueryData(requestsKeys.detail(request.id), withPhotos);
            } catch {
              photosFailed = true;
            }
          }
          void navigate(`${base}/${request.id}`, { state: { created: true, photosFailed } });
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          const byField: Errors = {};
          for (const issue of error.fieldIssues) {
            const message = describe(error).message;
            if (issue.path.endsWith('preferredDate')) byField.date = message;
            else if (issue.path.endsWith('windowEnd')) byField.to = message;
            else if (issue.path.endsWith('windowStart')) byField.from = message;
            else if (issue.path.endsWith('address')) byField.address = message;
            else if (issue.path.endsWith('propertyId')) byField.property = message;
          }
          setErrors(byField);
        },
      },
    );
  };


  return (
    <>
      <PageHeader
        eyebrow={
          <ButtonLink href={base} variant="ghost" size="sm" className="back-link">
            <Icon name="chevronLeft" size={16} />
            {t('detail.back')}
          </ButtonLink>
        }
        title={t('form.title')}
        lead={t('form.lead')}
      />
      <form
        className="request-form stack gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <RadioCards
          label={t('form.kind')}
          value={kind}
          onChange={(value) => {
            setKind(value as RequestKindValue);
            if (value === 'cleaning' && place === OTHER) setPlace('');
          }}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        {kind === 'delivery' ? (
          orders.data && orders.data.length === 0 ? (
            <Notice tone="info">{t('form.noReadyOrders')}</Notice>
          ) : (
            <SelectField
              label={t('form.order')}
              options={(orders.data ?? []).map((o) => ({ id: String(o.id), label: o.orderNumber, isData: true }))}
              value={orderId || null}
              onChange={(value) => setOrderId(value === null ? '' : String(value))}
              errorMessage={errors.order}
              isRequired
            />
          )
        ) : null}
        <SelectField label={t('form.property')} options={options} value={place || null} onChange={(value) => setPlace(value === null ? '' : String(value))} errorMessage={errors.property} isRequired />
        {place === OTHER ? <TextInput label={t('form.address')} value={address} onChange={setAddress} autoComplete="street-address" errorMessage={errors.address} isRequired /> : null}
        <DateField label={t('form.date')} value={date} min={lisbonDate()} onChange={setDate} errorMessage={errors.date} isRequired />
        <div className="form-grid">
          <TimeField label={t('form.from')} value={from} onChange={setFrom} errorMessage={errors.from} isRequired />
          <TimeField label={t('form.to')} value={to} onChange={setTo} errorMessage={errors.to} isRequired />
        </div>
        <TextAreaInput label={t('form.notes')} value={notes} onChange={setNotes} description={t('form.notesHint')} maxLength={2000} />
        <PhotoPicker files={photos} onChange={setPhotos} max={ATTACHED_PHOTO_LIMITS.perRequest} isDisabled={create.isPending || sendingPhotos} />
        <ErrorNotice error={create.error} />
        <Button type="submit" variant="primary" size="lg" block isPending={create.isPending || sendingPhotos} pendingLabel={t('form.submitting')}>
          <Icon name="check" size={20} />
          {t('form.submit')}
        </Button>
      </form>
    </>
  );
}
