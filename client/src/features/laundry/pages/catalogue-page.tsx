import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAUNDRY_LIMITS, UpdateLaundryServiceBody, type LaundryServiceDto } from '@contracts/laundry';
import '@/features/laundry/laundry-strings';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState, PageLoader } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { useDescribeError } from '@/lib/error-message';
import { formatMoney } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useLaundryServices } from '@/features/laundry/api/list-laundry-services';
import { useUpdateLaundryService } from '@/features/laundry/api/update-laundry-service';
import { fieldMessage } from '@/features/laundry/field-message';
import { CheckboxInput, TextAreaInput } from '@/features/laundry/components/form-bits';
import { LaundryModal, ModalActions } from '@/features/laundry/components/laundry-modal';
import { ConfirmDialog } from '@/features/laundry/components/reason-dialog';
import { centsForInput, packageParts, parseDecimal, serviceName } from '@/features/laundry/laundry-format';
import '@/features/laundry/laundry.css';

function priceToken(text: string, required: boolean): number | null | string {
  if (!text.trim()) return required ? 'required' : null;
  const parsed = parseDecimal(text, 2);
  if (parsed === 'decimals') return 'decimals:2';
  if (parsed === null) return 'number';
  if (required && parsed <= 0) return 'positive';
  if (parsed > LAUNDRY_LIMITS.priceCents) return `max:${formatMoney(LAUNDRY_LIMITS.priceCents, currentLocale())}`;
  return parsed;
}

function EditServiceDialog({ service, onClose, onSaved }: { service: LaundryServiceDto | null; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const describe = useDescribeError();
  const save = useUpdateLaundryService();
  const [price, setPrice] = useState('');
  const [minimum, setMinimum] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (service) {
      setPrice(centsForInput(service.priceCents, locale));
      setMinimum(service.minimumChargeCents === null ? '' : centsForInput(service.minimumChargeCents, locale));
      setDescription(service.description ?? '');
      setErrors({});
      save.reset();
    }
    // Start from the service as it is whenever the dialog opens for one.
  }, [service]);

  if (!service) return null;
  const name = serviceName(service, locale);
  const submit = () => {
    const priceCents = priceToken(price, true);
    const minimumChargeCents = priceToken(minimum, false);
    const found: Record<string, string> = {};
    if (typeof priceCents === 'string') found.price = priceCents;
    if (typeof minimumChargeCents === 'string') found.minimum = minimumChargeCents;
    const body = UpdateLaundryServiceBody.safeParse({
      version: service.version,
      priceCents: typeof priceCents === 'number' ? priceCents : undefined,
      minimumChargeCents: typeof minimumChargeCents === 'string' ? undefined : minimumChargeCents,
      description: description.trim() || null,
    });
    if (!body.success) found.description ??= 'tooLong:1000';
    setErrors(found);
    if (Object.keys(found).length || !body.success || save.isPending) return;
    save.mutate({ id: service.id, body: body.data }, { onSuccess: () => onSaved(name) });
  };
  const failure = save.error ? describe(save.error) : null;

  return (
    <LaundryModal isOpen onOpenChange={(open) => !open && onClose()} title={t('catalogue.editTitle', { name })}>
      <form
        noValidate
        className="stack stack--sm"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="form-grid">
          <TextInput
            label={t('catalogue.priceLabel', { unit: t(`unit.${service.pricingUnit}`) })}
            value={price}
            onChange={setPrice}
            inputMode="decimal"
            autoComplete="off"
            errorMessage={fieldMessage(errors.price, t)}
          />
          <TextInput
            label={t('catalogue.minimumLabel')}
            value={minimum}
            onChange={setMinimum}
            inputMode="decimal"
            autoComplete="off"
            description={t('catalogue.minimumHint')}
            errorMessage={fieldMessage(errors.minimum, t)}
          />
        </div>
        <TextAreaInput label={t('catalogue.description')} value={description} onChange={setDescription} errorMessage={fieldMessage(errors.description, t)} />
        {failure ? (
          <Notice tone="danger" reference={failure.reference}>
            {failure.message}
          </Notice>
        ) : null}
        <ModalActions>
          <Button variant="secondary" onPress={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={save.isPending} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
        </ModalActions>
      </form>
    </LaundryModal>
  );
}

/** Master and admin: the laundry price list. Prices, minimums and descriptions; services are deactivated, never deleted. */
export default function CataloguePage() {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  const [showInactive, setShowInactive] = useState(false);
  const services = useLaundryServices(true);
  const toggle = useUpdateLaundryService();
  const [editing, setEditing] = useState<LaundryServiceDto | null>(null);
  const [deactivating, setDeactivating] = useState<LaundryServiceDto | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const toggleFailure = toggle.error && !deactivating ? toggle.error : null;
  const describe = useDescribeError();

  const setActive = (service: LaundryServiceDto, isActive: boolean) =>
    toggle.mutate(
      { id: service.id, body: { version: service.version, isActive } },
      {
        onSuccess: () => {
          setDeactivating(null);
          setSaved(serviceName(service, locale));
        },
      },
    );

  const visible = (services.data ?? []).filter((s) => showInactive || s.isActive);
  const partName = (code: string) => (t('catalogue.parts', { returnObjects: true }) as Record<string, string>)[code];

  return (
    <>
      <PageHeader title={t('catalogue.title')} lead={t('catalogue.lead')} />
      <div className="stack">
        {saved ? <Notice tone="success">{t('catalogue.saved', { name: saved })}</Notice> : null}
        {toggleFailure ? (
          <Notice tone="danger" reference={describe(toggleFailure).reference}>
            {describe(toggleFailure).message}
          </Notice>
        ) : null}
        <CheckboxInput isSelected={showInactive} onChange={setShowInactive}>
          {t('catalogue.showInactive')}
        </CheckboxInput>
        {services.isPending ? (
          <PageLoader />
        ) : services.isError ? (
          <ErrorState error={services.error} onRetry={() => void services.refetch()} />
        ) : visible.length === 0 ? (
          <EmptyState icon="basket" title={t('catalogue.emptyTitle')}>
            {t('catalogue.emptyText')}
          </EmptyState>
        ) : (
          <ul role="list" className="service-grid" aria-label={t('catalogue.tableLabel')}>
            {visible.map((service) => (
              <li key={service.id} className={service.isActive ? 'card service-card' : 'card service-card service-card--inactive'}>
                <div className="service-card__head">
                  <span className="service-card__icon">
                    <Icon name={service.pricingUnit === 'per_kg' ? 'washer' : 'shirt'} size={22} />
                  </span>
                  <div className="service-card__titles">
                    <h2 className="service-card__name">{serviceName(service, locale)}</h2>
                  </div>
                  <span className={service.isActive ? 'badge badge--primary' : 'badge'}>{service.isActive ? t('catalogue.active') : t('catalogue.inactive')}</span>
                </div>
                <p className="service-card__price">
                  <span className="service-card__amount">{formatMoney(service.priceCents, locale)}</span> {t(`unit.${service.pricingUnit}`)}
                </p>
                <dl className="facts facts--compact">
                  <div>
                    <dt>{t('catalogue.minimum')}</dt>
                    <dd>{service.minimumChargeCents === null ? t('catalogue.noMinimum') : formatMoney(service.minimumChargeCents, locale)}</dd>
                  </div>
                  {service.isPackage ? (
                    <div>
                      <dt>{t('catalogue.package')}</dt>
                      <dd>{t('catalogue.packageIncludes', { items: packageParts(service.packageIncludes, services.data ?? [], partName, locale) })}</dd>
                    </div>
                  ) : null}
                  <div className="facts__wide">
                    <dt>{t('catalogue.description')}</dt>
                    <dd className={service.description ? 'pre-line' : 'muted-text'}>{service.description ?? t('catalogue.noDescription')}</dd>
                  </div>
                </dl>
                <div className="cluster service-card__actions">
                  <Button
                    variant="soft"
                    size="sm"
                    onPress={() => {
                      setSaved(null);
                      setEditing(service);
                    }}
                    aria-label={`${t('catalogue.edit')}: ${serviceName(service, locale)}`}
                  >
                    <Icon name="sliders" size={16} />
                    {t('catalogue.edit')}
                  </Button>
                  {service.isActive ? (
                    <Button variant="ghost" size="sm" onPress={() => setDeactivating(service)}>
                      {t('catalogue.deactivate')}
                    </Button>
                  ) : (
                    <Button variant="ghost" size="sm" onPress={() => setActive(service, true)} isPending={toggle.isPending && toggle.variables?.id === service.id}>
                      {t('catalogue.reactivate')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <EditServiceDialog
        service={editing}
        onClose={() => setEditing(null)}
        onSaved={(name) => {
          setEditing(null);
          setSaved(name);
        }}
      />
      <ConfirmDialog
        isOpen={deactivating !== null}
        onOpenChange={(open) => {
          if (!open) {
            setDeactivating(null);
            toggle.reset();
          }
        }}
        title={deactivating ? t('catalogue.deactivateTitle', { name: serviceName(deactivating, locale) }) : ''}
        text={t('catalogue.deactivateText')}
        confirmLabel={t('catalogue.deactivate')}
        pendingLabel={t('common.saving')}
        isPending={toggle.isPending}
        error={deactivating ? toggle.error : null}
        onConfirm={() => deactivating && setActive(deactivating, false)}
      />
    </>
  );
}
