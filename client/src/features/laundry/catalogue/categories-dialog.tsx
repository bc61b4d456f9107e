import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaundryCategoryDto } from '@contracts/laundry-floor';
import { Button } from '@/components/button';
import { DialogActions, ModalDialog } from '@/components/dialog';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { TextInput } from '@/components/text-field';
import { isApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';
import { validationMessage } from '@/lib/form-validation';
import { useCreateLaundryCategory, useUpdateLaundryCategory } from '@/features/laundry/api/laundry-catalogue';
import { CategoryRow } from './category-row';
import './catalogue-strings';

/**
 * The price list's headings: add one, rename it, move it up or down (its `position`), deactivate it.
 * Categories are never deleted. `categories` includes the deactivated ones, in the server's order.
 */
export function CategoriesDialog({ categories, onClose }: { categories: readonly LaundryCategoryDto[]; onClose: () => void }) {
  const { t } = useTranslation('catalogue');
  const { t: tBase } = useTranslation();
  const describe = useDescribeError();
  const create = useCreateLaundryCategory();
  const reorder = useUpdateLaundryCategory();
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [missing, setMissing] = useState<{ name?: boolean; nameEn?: boolean }>({});
  const [moving, setMoving] = useState(false);
  const nameTaken = isApiError(create.error, 'CATEGORY_EXISTS') ? describe(create.error).message : undefined;
  const failure = (create.error && !nameTaken ? create.error : null) ?? reorder.error;
  const active = categories.filter((c) => c.isActive);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const found = { name: !name.trim(), nameEn: !nameEn.trim() };
    setMissing(found);
    if (found.name || found.nameEn) return;
    const position = categories.reduce((max, c) => Math.max(max, c.position), 0) + 1;
    create.mutate(
      { name: name.trim(), nameEn: nameEn.trim(), position },
      {
        onSuccess: () => {
          setName('');
          setNameEn('');
        },
      },
    );
  };

  // Positions may repeat: number the new order 1, 2, 3… and save only those that changed.
  const move = async (index: number, direction: -1 | 1) => {
    const order = [...active];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + direction, 0, moved);
    setMoving(true);
    try {
      for (const [i, category] of order.entries()) {
        if (category.position !== i + 1) await reorder.mutateAsync({ id: category.id, body: { version: category.version, position: i + 1 } });
      }
    } catch {
      // The failure is shown from the mutation's state.
    } finally {
      setMoving(false);
    }
  };

  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={t('categories.title')} description={t('categories.description')} size="md">
      <div className="stack">
        <form className="inline-form" onSubmit={add} noValidate>
          <TextInput
            label={t('categories.newName')}
            value={name}
            onChange={(value) => {
              setName(value);
              create.reset();
            }}
            autoComplete="off"
            maxLength={80}
            errorMessage={nameTaken ?? (missing.name ? validationMessage('required', tBase) : undefined)}
          />
          <TextInput
            label={t('categories.newNameEn')}
            value={nameEn}
            onChange={setNameEn}
            autoComplete="off"
            maxLength={80}
            errorMessage={missing.nameEn ? validationMessage('required', tBase) : undefined}
          />
          <Button type="submit" variant="primary" className="inline-form__submit" isPending={create.isPending}>
            <Icon name="plus" size={18} />
            {t('categories.add')}
          </Button>
        </form>
        <ErrorNotice error={failure} />
        <ul role="list" className="row-list" aria-label={t('categories.listLabel')}>
          {categories.map((category) => {
            const index = active.indexOf(category);
            return (
              <CategoryRow
                key={category.id}
                category={category}
                isFirst={index <= 0}
                isLast={index < 0 || index === active.length - 1}
                isBusy={moving}
                onMove={(direction) => void move(index, direction)}
              />
            );
          })}
        </ul>
        <DialogActions>
          <Button variant="primary" onPress={onClose}>
            {t('categories.done')}
          </Button>
        </DialogActions>
      </div>
    </ModalDialog>
  );
}
