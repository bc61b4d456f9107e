import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ActionMenu, RowAction } from '@/components/action-menu';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { QueryView } from '@/components/states';
import { useProperties, type Property } from '@/features/clients/api/list-properties';
import { usePropertyAction } from '@/features/clients/api/property-actions';
import { PropertyFormDialog } from '@/features/clients/components/property-form-dialog';
import { DISTRICT_NAMES } from '@/features/clients/districts';

type Dialog = { kind: 'form'; property: Property | null } | { kind: 'delete'; property: Property } | null;

/** A client's properties: add, edit, make main, deactivate/reactivate, delete (when it has no jobs). */
export function PropertiesCard({ clientId, readOnly, autoAdd = false }: { clientId: number; readOnly: boolean; autoAdd?: boolean }) {
  const { t } = useTranslation('clients');
  const properties = useProperties(clientId);
  const action = usePropertyAction(clientId);
  const [dialog, setDialog] = useState<Dialog>(autoAdd && !readOnly ? { kind: 'form', property: null } : null);
  const hasPrimary = (properties.data ?? []).some((p) => p.isPrimary);
  const close = () => {
    setDialog(null);
    action.reset();
  };

  const onAction = (property: Property, id: string) => {
    action.reset();
    if (id === 'edit') setDialog({ kind: 'form', property });
    else if (id === 'delete') setDialog({ kind: 'delete', property });
    else action.mutate({ id: property.id, action: id as 'make-primary' | 'deactivate' | 'reactivate' });
  };

  return (
    <Card
      id="properties-title"
      title={t('properties')}
      lead={t('propertiesLead')}
      actions={
        readOnly ? null : (
          <Button variant="soft" onPress={() => setDialog({ kind: 'form', property: null })}>
            <Icon name="plus" size={18} />
            {t('addProperty')}
          </Button>
        )
      }
    >
      <ErrorNotice error={action.error && dialog?.kind !== 'delete' ? action.error : null} />
      <QueryView query={properties} empty={{ icon: 'mapPin', title: t('noProperties'), text: t('noPropertiesText') }}>
        {(data) => (
          <ul role="list" className="stack gap-3">
            {data.map((property) => (
              <li key={property.id} className={`panel property${property.isActive ? '' : ' property--inactive'}`}>
                <span className="icon-tile property__icon" aria-hidden="true">
                  <Icon name={property.propertyType === 'escritorio' || property.propertyType === 'loja' ? 'building' : 'home'} size={20} />
                </span>
                <div className="property__body">
                  <p className="cluster gap-2 strong property__title">
                    <Link to={`/admin/properties/${property.id}`} translate="no">
                      {property.name}
                    </Link>
                    {property.isPrimary ? (
                      <span className="badge badge--primary">
                        <Icon name="star" size={12} />
                        {t('primary')}
                      </span>
                    ) : null}
                    {property.isActive ? null : <span className="badge badge--danger">{t('inactive')}</span>}
                    <span className="badge">{t(`propertyTypes.${property.propertyType}`)}</span>
                  </p>
                  <p className="muted text-sm property__address" translate="no">
                    {property.addressLine1}
                    {property.addressLine2 ? `, ${property.addressLine2}` : ''}
                    <br />
                    {property.postalCode} {property.city} · {DISTRICT_NAMES[property.district]}
                  </p>
                  <p className="notice notice--warning user-text property__access">
                    <Icon name="key" size={16} />
                    <span>
                      <span className="visually-hidden">{t('accessInstructions')}: </span>
                      {property.accessInstructions ? <span translate="no">{property.accessInstructions}</span> : <span className="muted">{t('noAccess')}</span>}
                    </span>
                  </p>
                </div>
                {readOnly ? null : (
                  <div className="cluster gap-1 property__actions">
                    <RowAction icon="pencil" text={t('edit')} label={t('editPropertyOf', { name: property.name })} onPress={() => onAction(property, 'edit')} />
                    <ActionMenu
                      label={t('propertyActionsOf', { name: property.name })}
                      onAction={(id) => onAction(property, id)}
                      actions={[
                        { id: 'make-primary', label: t('makePrimary'), icon: 'star', isHidden: property.isPrimary || !property.isActive },
                        { id: 'deactivate', label: t('deactivateProperty'), icon: 'power', isHidden: !property.isActive },
                        { id: 'reactivate', label: t('reactivateProperty'), icon: 'refresh', isHidden: property.isActive },
                        { id: 'delete', label: t('deleteProperty'), icon: 'trash', tone: 'danger' },
                      ]}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>

      {dialog?.kind === 'form' ? <PropertyFormDialog clientId={clientId} property={dialog.property} hasPrimary={hasPrimary} onClose={close} /> : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={t('deletePropertyTitle', { name: dialog.property.name })}
          confirmLabel={t('deleteProperty')}
          pendingLabel={t('deleting')}
          isPending={action.isPending}
          error={action.error}
          onConfirm={() => action.mutate({ id: dialog.property.id, action: 'delete' }, { onSuccess: close })}
        >
          <p>{t('deletePropertyText')}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
