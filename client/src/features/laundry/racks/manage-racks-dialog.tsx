import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { DialogActions, ModalDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { QueryView } from '@/components/states';
import { TextInput } from '@/components/text-field';
import { useCreateRack, useRacks, useUpdateRack } from '@/features/laundry/api/laundry-racks';
import './racks-strings';

/** The server's rule for a rack code (CreateLaundryRackBody): checked here first so a typo is named at once. */
const RACK_CODE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,19}$/u;

/**
 * Adding racks and taking them out of use (never deleting them). A rack holding an order cannot be
 * taken out of use: the server refuses with RACK_IN_USE, and the button says so before.
 */
export function ManageRacksDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('racks');
  const racks = useRacks({ includeInactive: true });
  const create = useCreateRack();
  const update = useUpdateRack();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const all = racks.data ?? [];
  const failure = create.error ?? update.error;

  const add = (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim();
    if (!RACK_CODE.test(value)) {
      setInvalid(true);
      return;
    }
    update.reset();
    const position = all.reduce((max, rack) => Math.max(max, rack.position), 0) + 1;
    create.mutate(
      { code: value, position },
      {
        onSuccess: (rack) => {
          setCode('');
          setDone(t('manage.added', { code: rack.code }));
        },
      },
    );
  };

  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={t('manage.title')} description={t('manage.description')} size="md">
      <div className="stack">
        <form className="inline-form" onSubmit={add} noValidate>
          <TextInput
            label={t('manage.code')}
            description={t('manage.codeHint')}
            errorMessage={invalid ? t('manage.codeHint') : undefined}
            value={code}
            onChange={(value) => {
              setCode(value);
              setInvalid(false);
            }}
            autoCapitalize="characters"
            autoComplete="off"
            maxLength={20}
          />
          <Button type="submit" variant="primary" className="inline-form__submit" isPending={create.isPending} pendingLabel={t('manage.adding')}>
            <Icon name="plus" size={18} />
            {t('manage.add')}
          </Button>
        </form>
        {done && !failure ? <Notice tone="success">{done}</Notice> : null}
        <ErrorNotice error={failure} />
        <QueryView query={racks} title={t('manage.listLabel')}>
          {() => (
            <ul role="list" className="row-list" aria-label={t('manage.listLabel')}>
              {all.map((rack) => (
                <li key={rack.id} className="row-list__item">
                  <span className={rack.isActive ? 'strong' : 'strong muted'}>{rack.code}</span>
                  <span className="rack-manage-list__state muted text-sm">
                    {rack.isActive ? t('manage.active') : t('manage.inactive')}
                    {rack.order ? ` · ${t('manage.holds', { order: rack.order.orderNumber })}` : ''}
                  </span>
                  <Button
                    variant="secondary"
                    size="sm"
                    isDisabled={(rack.isActive && rack.order !== null) || update.isPending}
                    onPress={() => {
                      create.reset();
                      update.mutate(
                        { id: rack.id, version: rack.version, isActive: !rack.isActive },
                        { onSuccess: (after) => setDone(t(after.isActive ? 'manage.reactivated' : 'manage.deactivated', { code: after.code })) },
                      );
                    }}
                  >
                    {rack.isActive ? t('manage.deactivate', { code: rack.code }) : t('manage.reactivate', { code: rack.code })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        <DialogActions>
          <Button variant="primary" onPress={() => onOpenChange(false)}>
            {t('manage.done')}
          </Button>
        </DialogActions>
      </div>
    </ModalDialog>
  );
}
