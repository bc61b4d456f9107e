import { useTranslation } from 'react-i18next';
import type { LaundryServiceDto } from '@contracts/laundry';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { formatMoney, formatPercent } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { packageParts, serviceName } from '@/features/laundry/laundry-format';
import './catalogue-strings';

/** One line of the price list: name, price per piece or kg, turnaround and express; never the internal code. */
export function ServiceRow({
  service,
  all,
  onEdit,
  onDeactivate,
  onReactivate,
  isReactivating,
}: {
  service: LaundryServiceDto;
  all: readonly LaundryServiceDto[];
  onEdit: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
  isReactivating: boolean;
}) {
  const { t } = useTranslation('catalogue');
  const locale = currentLocale();
  const name = serviceName(service, locale);
  const express = service.express;
  const partName = (code: string) => (t('parts', { returnObjects: true }) as Record<string, string>)[code];
  const facts = [
    service.turnaroundDays === 0 ? t('sameDay') : t('turnaround', { count: service.turnaroundDays }),
    service.minimumChargeCents === null ? null : t('minimum', { value: formatMoney(service.minimumChargeCents, locale) }),
    service.isPackage ? t('packageIncludes', { items: packageParts(service.packageIncludes, all, partName, locale) }) : null,
  ].filter(Boolean);

  return (
    <li className={service.isActive ? 'price-row' : 'price-row muted'} data-testid={`service-${service.id}`}>
      <div className="stack gap-0-5">
        <span className="cluster gap-2 strong user-text">
          {name}
          {service.isActive ? null : <span className="badge">{t('inactive')}</span>}
        </span>
        <span className="muted text-sm">{facts.join(' · ')}</span>
        {express ? (
          <span className="cluster gap-1 muted text-sm">
            <Icon name="clock" size={14} />
            {t('express')}{' '}
            {express.kind === 'percent'
              ? t('expressPercent', { value: formatPercent(express.value, locale) })
              : t('expressFixed', { value: formatMoney(express.value, locale) })}
            {' · '}
            {express.turnaroundDays === 0 ? t('expressSameDay') : t('expressTurnaround', { count: express.turnaroundDays })}
          </span>
        ) : null}
      </div>
      <p className="price-row__price">
        <span className="amount text-lg">{formatMoney(service.priceCents, locale)}</span>
        <span className="muted text-sm">{t(`unit.${service.pricingUnit}`)}</span>
      </p>
      <div className="cluster price-row__actions">
        <Button variant="soft" size="sm" onPress={onEdit} aria-label={`${t('edit')}: ${name}`}>
          <Icon name="pencil" size={16} />
          {t('edit')}
        </Button>
        {service.isActive ? (
          <Button variant="ghost" size="sm" onPress={onDeactivate} aria-label={`${t('deactivate')}: ${name}`}>
            {t('deactivate')}
          </Button>
        ) : (
          <Button variant="ghost" size="sm" onPress={onReactivate} isPending={isReactivating} aria-label={`${t('reactivate')}: ${name}`}>
            {t('reactivate')}
          </Button>
        )}
      </div>
    </li>
  );
}
