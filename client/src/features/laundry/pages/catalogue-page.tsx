import { useState } from 'react';
import { Card } from '@/components/card';
import { useTranslation } from 'react-i18next';
import type { LaundryServiceDto } from '@contracts/laundry';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/dialog';
import { CheckboxField } from '@/components/fields';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { SearchInput } from '@/components/search-input';
import { EmptyState, ErrorState, PageLoader } from '@/components/states';
import { currentLocale } from '@/lib/i18n';
import { useLaundryCategories } from '@/features/laundry/api/laundry-catalogue';
import { useLaundryServices } from '@/features/laundry/api/list-laundry-services';
import { useUpdateLaundryService } from '@/features/laundry/api/update-laundry-service';
import { CategoriesDialog } from '@/features/laundry/catalogue/categories-dialog';
import { priceGroups } from '@/features/laundry/catalogue/price-groups';
import { ServiceFormDialog } from '@/features/laundry/catalogue/service-form-dialog';
import { ServiceRow } from '@/features/laundry/catalogue/service-row';
import '@/features/laundry/catalogue/catalogue-strings';
import { serviceName } from '@/features/laundry/laundry-format';
import '@/features/laundry/catalogue/catalogue.css';

/**
 * Master and admin: the laundry price list by category. Services and categories are added, edited and
 * deactivated here, never deleted; existing orders keep the prices they were taken with.
 */
export default function CataloguePage() {
  const { t } = useTranslation('catalogue');
  const locale = currentLocale();
  const services = useLaundryServices(true);
  const categories = useLaundryCategories(true);
  const toggle = useUpdateLaundryService();
  const [showInactive, setShowInactive] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<LaundryServiceDto | 'new' | null>(null);
  const [managing, setManaging] = useState(false);
  const [deactivating, setDeactivating] = useState<LaundryServiceDto | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const allCategories = categories.data ?? [];
  const all = (services.data ?? []) as LaundryServiceDto[];

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

  const loading = services.isPending || categories.isPending;
  const failed = services.isError ? services : categories.isError ? categories : null;
  const groups = priceGroups(all, allCategories, search, showInactive);
  const shownCount = groups.reduce((sum, g) => sum + g.services.length, 0);

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          <>
            <Button variant="secondary" onPress={() => setManaging(true)} isDisabled={loading}>
              <Icon name="sliders" size={18} />
              {t('manageCategories')}
            </Button>
            <Button
              variant="primary"
              isDisabled={loading}
              onPress={() => {
                setSaved(null);
                setEditing('new');
              }}
            >
              <Icon name="plus" size={18} />
              {t('addService')}
            </Button>
          </>
        }
      />
      <div className="stack">
        {saved ? <Notice tone="success">{t('saved', { name: saved })}</Notice> : null}
        <ErrorNotice error={toggle.error && !deactivating ? toggle.error : null} />
        <div className="toolbar">
          <SearchInput label={t('search.label')} placeholder={t('search.placeholder')} value={search} onChange={setSearch} delayMs={150} />
          <CheckboxField isSelected={showInactive} onChange={setShowInactive}>
            {t('showInactive')}
          </CheckboxField>
        </div>
        {loading ? (
          <PageLoader />
        ) : failed ? (
          <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
        ) : shownCount === 0 && search ? (
          <EmptyState icon="search" title={t('noMatchTitle')}>
            {t('noMatchText', { q: search })}
          </EmptyState>
        ) : all.length === 0 ? (
          <EmptyState icon="basket" title={t('emptyTitle')}>
            {t('emptyText')}
          </EmptyState>
        ) : (
          <div className="stack gap-5" aria-label={t('listLabel')} role="region">
            {groups.map(({ category, services: rows }) => {
              const heading = category ? (locale === 'en' ? category.nameEn : category.name) : t('noCategory');
              const id = `price-group-${category?.id ?? 'none'}`;
              return (
                <Card
                  key={id}
                  id={id}
                  title={
                    <>
                      {heading}
                      <span className="muted text-sm price-group__count">{t('countServices', { count: rows.length })}</span>
                    </>
                  }
                  className="stack gap-2"
                >
                  <ul role="list" aria-label={heading}>
                    {rows.map((service) => (
                      <ServiceRow
                        key={service.id}
                        service={service}
                        all={all}
                        onEdit={() => {
                          setSaved(null);
                          setEditing(service);
                        }}
                        onDeactivate={() => setDeactivating(service)}
                        onReactivate={() => setActive(service, true)}
                        isReactivating={toggle.isPending && toggle.variables?.id === service.id}
                      />
                    ))}
                  </ul>
                </Card>
              );
            })}
          </div>
        )}
      </div>
      {editing ? (
        <ServiceFormDialog
          service={editing === 'new' ? null : editing}
          categories={allCategories}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setSaved(name);
          }}
        />
      ) : null}
      {managing ? <CategoriesDialog categories={allCategories} onClose={() => setManaging(false)} /> : null}
      <ConfirmDialog
        isOpen={deactivating !== null}
        onOpenChange={(open) => {
          if (!open) {
            setDeactivating(null);
            toggle.reset();
          }
        }}
        title={deactivating ? t('deactivateTitle', { name: serviceName(deactivating, locale) }) : ''}
        confirmLabel={t('deactivate')}
        pendingLabel={t('form.saving')}
        isPending={toggle.isPending}
        error={deactivating ? toggle.error : null}
        onConfirm={() => deactivating && setActive(deactivating, false)}
      >
        {t('deactivateText')}
      </ConfirmDialog>
    </>
  );
}
