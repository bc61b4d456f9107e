import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import type { CreateClientInput } from '@contracts/clients';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { TextInput } from '@/components/text-field';
import { api } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import type { ClientOption } from '@/features/clients/api/client-options';
import './counter-strings';

/**
 * A walk-in who is not a client yet: name and phone are enough (POST /api/clients); the rest of the
 * record can be completed on the client's page later.
 */
export function WalkInClient({ onCreated }: { onCreated: (client: ClientOption) => void }) {
  const { t } = useTranslation('counter');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const create = useMutation({
    mutationFn: (body: CreateClientInput) => api.create<{ client: ClientOption }>('/api/clients', body),
    onSuccess: ({ client }) => {
      setOpen(false);
      setName('');
      setPhone('');
      onCreated(client);
    },
  });
  const refused = (field: string) => isApiError(create.error) && create.error.fieldIssues.some((i) => i.path.endsWith(field));
  const fieldError = (field: 'name' | 'phone') =>
    field === 'phone' && isApiError(create.error, 'PHONE_TAKEN') ? t('client.phoneTaken') : refused(field) ? t(field === 'name' ? 'client.invalidName' : 'client.invalidPhone') : undefined;

  if (!open) {
    return (
      <Button variant="ghost" size="sm" onPress={() => setOpen(true)}>
        <Icon name="plus" size={16} />
        {t('client.walkIn')}
      </Button>
    );
  }
  return (
    <form
      className="form-grid"
      aria-label={t('client.walkInTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!create.isPending) create.mutate({ name: name.trim(), phone: phone.trim() });
      }}
    >
      <TextInput label={t('client.name')} value={name} onChange={setName} autoComplete="off" autoFocus errorMessage={fieldError('name')} />
      <TextInput label={t('client.phone')} value={phone} onChange={setPhone} type="tel" inputMode="tel" autoComplete="off" errorMessage={fieldError('phone')} />
      <ErrorNotice error={create.error && !fieldError('name') && !fieldError('phone') ? create.error : null} />
      <div className="cluster gap-2 form-grid__wide">
        <Button type="submit" variant="primary" size="sm" isPending={create.isPending} pendingLabel={t('client.creating')}>
          {t('client.create')}
        </Button>
        <Button variant="ghost" size="sm" onPress={() => setOpen(false)}>
          {t('client.cancel')}
        </Button>
      </div>
    </form>
  );
}
