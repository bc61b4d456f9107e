import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Radio, RadioGroup, Label } from 'react-aria-components';
import { DateField } from '@/components/date-fields';
import { TextInput } from '@/components/text-field';
import { fieldMessage } from '@/features/laundry/field-message';
import { propertyAddress, useClientProperties } from '@/features/laundry/api/list-client-properties';
import { CheckboxField, SelectInput } from '@/components/fields';

export interface DeliveryValue {
  deliveryRequested: boolean;
  deliveryMode: 'property' | 'other';
  deliveryPropertyId: string;
  deliveryAddress: string;
  deliveryDate: string;
}

/**
 * Delivery: asked for or not, to one of the client's addresses or to one typed here, and when. The
 * client's main address is chosen first; a client without saved addresses types one.
 */
export function DeliveryFields({
  clientId,
  value,
  onChange,
  errors,
}: {
  clientId: number | null;
  value: DeliveryValue;
  onChange: (patch: Partial<DeliveryValue>) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('laundry');
  const properties = useClientProperties(clientId);
  const list = properties.data ?? [];
  const noProperties = properties.isSuccess && list.length === 0;

  // Default to the client's main address once their addresses are known.
  useEffect(() => {
    if (!value.deliveryRequested || value.deliveryMode !== 'property' || !properties.isSuccess) return;
    if (list.length === 0) onChange({ deliveryMode: 'other', deliveryPropertyId: '' });
    else if (!list.some((p) => String(p.id) === value.deliveryPropertyId)) {
      onChange({ deliveryPropertyId: String((list.find((p) => p.isPrimary) ?? list[0])!.id) });
    }
  }, [value.deliveryRequested, value.deliveryMode, value.deliveryPropertyId, properties.isSuccess, list, onChange]);

  return (
    <div className="stack stack--sm">
      <CheckboxField isSelected={value.deliveryRequested} onChange={(deliveryRequested) => onChange({ deliveryRequested })} description={t('form.deliveryRequestedHint')}>
        {t('form.deliveryRequested')}
      </CheckboxField>
      {value.deliveryRequested ? (
        <div className="panel stack gap-4">
          {noProperties ? null : (
            <RadioGroup
              value={value.deliveryMode}
              onChange={(mode) => onChange({ deliveryMode: mode as DeliveryValue['deliveryMode'] })}
              orientation="horizontal"
              className="stack gap-2"
            >
              <Label className="field__label">{t('form.deliveryPlace')}</Label>
              <div className="cluster gap-2">
                <Radio value="property" className="chip">
                  {t('form.deliveryProperty')}
                </Radio>
                <Radio value="other" className="chip">
                  {t('form.deliveryOther')}
                </Radio>
              </div>
            </RadioGroup>
          )}
          {value.deliveryMode === 'property' && !noProperties ? (
            <SelectInput
              label={t('form.deliveryProperty')}
              value={value.deliveryPropertyId}
              onChange={(deliveryPropertyId) => onChange({ deliveryPropertyId })}
              options={list.map((p) => ({ value: String(p.id), label: `${p.name} — ${propertyAddress(p)}` }))}
              placeholder={clientId === null ? t('form.clientPlaceholder') : undefined}
              errorMessage={fieldMessage(errors.deliveryPropertyId, t)}
            />
          ) : (
            <TextInput
              label={t('form.deliveryAddress')}
              value={value.deliveryAddress}
              onChange={(deliveryAddress) => onChange({ deliveryAddress })}
              placeholder={t('form.deliveryAddressPlaceholder')}
              autoComplete="off"
              description={noProperties ? t('form.noProperties') : undefined}
              errorMessage={fieldMessage(errors.deliveryAddress, t)}
            />
          )}
          <DateField
            label={t('form.deliveryDate')}
           
            value={value.deliveryDate}
            onChange={(deliveryDate) => onChange({ deliveryDate })}
            errorMessage={fieldMessage(errors.deliveryDate, t)}
          />
        </div>
      ) : null}
    </div>
  );
}
