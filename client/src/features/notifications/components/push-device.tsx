import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@/features/notifications/notifications-strings';
import { Card } from '@/components/card';
import { CheckboxField } from '@/components/fields';
import { Notice } from '@/components/notice';
import { useDescribeError } from '@/lib/error-message';
import type { PushPreference } from '@/features/notifications/api/preferences';
import { deviceSubscription, disableDevicePush, enableDevicePush, pushSupported } from '@/features/notifications/push-device';

const keyOf = (type: string) => type.replace(/\./g, '_');

type DeviceState = 'checking' | 'on' | 'off' | 'unsupported';

/**
 * "Notifications on this device" (web push) for staff and workers, and which types are pushed to their
 * devices. The service worker is registered only when this is switched on.
 */
export function PushDeviceSection({ types, isSaving, onChoose }: { types: PushPreference[]; isSaving: boolean; onChoose: (type: string, push: boolean) => void }) {
  const { t } = useTranslation('notifications');
  const describe = useDescribeError();
  const [state, setState] = useState<DeviceState>(pushSupported() ? 'checking' : 'unsupported');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; reference?: string | undefined } | null>(null);

  useEffect(() => {
    if (!pushSupported()) return;
    let live = true;
    void deviceSubscription()
      .then((s) => live && setState(s ? 'on' : 'off'))
      .catch(() => live && setState('off'));
    return () => {
      live = false;
    };
  }, []);

  async function toggle(on: boolean) {
    setBusy(true);
    setProblem(null);
    try {
      if (on) {
        const outcome = await enableDevicePush();
        if (outcome === 'denied') setProblem({ message: t('push.denied') });
        setState(outcome === 'on' ? 'on' : 'off');
      } else {
        await disableDevicePush();
        setState('off');
      }
    } catch (err) {
      const apiProblem = (err as { code?: string }).code === 'PUSH_NOT_CONFIGURED' ? { message: t('push.notConfigured') } : null;
      const described = typeof (err as { status?: unknown }).status === 'number' ? describe(err) : null;
      setProblem(apiProblem ?? (described ? { message: described.message, reference: described.reference } : { message: t('push.failed') }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card id="own-push" title={t('push.title')}>
      <div className="stack stack--sm">
      {state === 'unsupported' ? (
        <p className="muted">{t('push.unsupported')}</p>
      ) : (
        <CheckboxField isSelected={state === 'on'} isDisabled={busy || state === 'checking'} onChange={(on) => void toggle(on)} description={t('push.lead')}>
          {t('push.toggle')}
        </CheckboxField>
      )}
      {problem ? (
        <Notice tone="danger" reference={problem.reference}>
          {problem.message}
        </Notice>
      ) : null}
      <p className="muted">{t('push.typesLead')}</p>
      {types.map((item) => (
        <CheckboxField key={item.type} isSelected={item.push} isDisabled={isSaving} onChange={(push) => onChoose(item.type, push)}>
          {t(`preferences.types.${keyOf(item.type)}.label`, { defaultValue: item.type })}
        </CheckboxField>
      ))}
      </div>
    </Card>
  );
}
