import { useTranslation } from 'react-i18next';
import '@/features/notifications/notifications-strings';
import { Card } from '@/components/card';
import { CheckboxField } from '@/components/fields';
import { ErrorNotice, Notice } from '@/components/notice';
import { QueryView } from '@/components/states';
import { useNotificationPreferences, useSetNotificationPreferences } from '@/features/notifications/api/preferences';
import { PushDeviceSection } from '@/features/notifications/components/push-device';

/** i18next reads dots as nesting: `laundry.ready` is looked up as `laundry_ready`. */
const keyOf = (type: string) => type.replace(/\./g, '_');

/**
 * E-mail per notification type for the own account (staff, worker or client: the server lists only its
 * types). In-app notifications are always on. Each tick is saved at once.
 */
export function NotificationPreferencesSection() {
  const { t } = useTranslation('notifications');
  const list = useNotificationPreferences();
  const save = useSetNotificationPreferences();
  return (
    <>
    <Card id="own-notifications" title={t('preferences.title')} lead={t('preferences.lead')}>
      <QueryView query={list}>
        {(data) => (
          <div className="stack stack--sm">
            <ErrorNotice error={save.error} />
            {data.items.length === 0 ? <p className="muted">{t('preferences.none')}</p> : null}
            {data.items.map((item) => (
              <CheckboxField
                key={item.type}
                isSelected={item.email}
                isDisabled={save.isPending}
                onChange={(email) => save.mutate({ email: { [item.type]: email } })}
                description={t(`preferences.types.${keyOf(item.type)}.description`, { defaultValue: '' }) || undefined}
              >
                {t(`preferences.types.${keyOf(item.type)}.label`, { defaultValue: item.type })}
              </CheckboxField>
            ))}
            {save.isSuccess ? (
              <Notice tone="success">
                {t('preferences.saved')}
              </Notice>
            ) : null}
          </div>
        )}
      </QueryView>
    </Card>
    {list.data && list.data.push.length > 0 ? (
      <PushDeviceSection types={list.data.push} isSaving={save.isPending} onChoose={(type, push) => save.mutate({ push: { [type]: push } })} />
    ) : null}
    </>
  );
}
