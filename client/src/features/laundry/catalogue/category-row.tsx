import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaundryCategoryDto } from '@contracts/laundry-floor';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { ErrorNotice } from '@/components/notice';
import { TextInput } from '@/components/text-field';
import { isApiError } from '@/lib/api-error';
import { useDescribeError } from '@/lib/error-message';
import { validationMessage } from '@/lib/form-validation';
import { currentLocale } from '@/lib/i18n';
import { useUpdateLaundryCategory } from '@/features/laundry/api/laundry-catalogue';
import './catalogue-strings';

/** One category in the manager: its names (renamed in place), its place in the list, and whether it is used. */
export function CategoryRow({
  category,
  isFirst,
  isLast,
  onMove,
  isBusy,
}: {
  category: LaundryCategoryDto;
  isFirst: boolean;
  isLast: boolean;
  onMove: (direction: -1 | 1) => void;
  isBusy: boolean;
}) {
  const { t } = useTranslation('catalogue');
  const { t: tBase } = useTranslation();
  const describe = useDescribeError();
  const update = useUpdateLaundryCategory();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(category.name);
  const [nameEn, setNameEn] = useState(category.nameEn);
  const label = currentLocale() === 'en' ? category.nameEn : category.name;
  // A taken name belongs to the Portuguese field; anything else is said under the row.
  const nameError = isApiError(update.error, 'CATEGORY_EXISTS') ? describe(update.error).message : undefined;
  const rowError = nameError ? null : update.error;

  if (editing) {
    return (
      <li className="row-list__item category-list__item--editing">
        <form
          className="inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim() || !nameEn.trim()) return;
            update.mutate({ id: category.id, body: { version: category.version, name: name.trim(), nameEn: nameEn.trim() } }, { onSuccess: () => setEditing(false) });
          }}
        >
          <TextInput label={t('categories.name')} value={name} onChange={setName} autoComplete="off" maxLength={80} errorMessage={nameError ?? (name.trim() ? undefined : validationMessage('required', tBase))} />
          <TextInput label={t('categories.nameEn')} value={nameEn} onChange={setNameEn} autoComplete="off" maxLength={80} errorMessage={nameEn.trim() ? undefined : validationMessage('required', tBase)} />
          <div className="cluster inline-form__wide">
            <Button type="submit" variant="primary" size="sm" isPending={update.isPending}>
              {t('categories.save')}
            </Button>
            <Button variant="ghost" size="sm" onPress={() => setEditing(false)}>
              {t('categories.cancel')}
            </Button>
          </div>
        </form>
        <ErrorNotice error={rowError} />
      </li>
    );
  }

  return (
    <li className="row-list__item category-list__item">
      <span className={`cluster gap-2 strong user-text category-list__name${category.isActive ? '' : ' muted'}`}>
        {label}
        {category.isActive ? null : <span className="badge">{t('categories.inactive')}</span>}
      </span>
      <span className="cluster gap-1">
        <Button variant="ghost" size="sm" iconOnly aria-label={t('categories.up', { name: label })} isDisabled={isFirst || isBusy} onPress={() => onMove(-1)}>
          <Icon name="chevronUp" size={18} />
        </Button>
        <Button variant="ghost" size="sm" iconOnly aria-label={t('categories.down', { name: label })} isDisabled={isLast || isBusy} onPress={() => onMove(1)}>
          <Icon name="chevronDown" size={18} />
        </Button>
        <Button
          variant="ghost"
          size="sm"
          iconOnly
          aria-label={t('categories.rename', { name: label })}
          onPress={() => {
            update.reset();
            setName(category.name);
            setNameEn(category.nameEn);
            setEditing(true);
          }}
        >
          <Icon name="pencil" size={18} />
        </Button>
        <Button
          variant="secondary"
          size="sm"
          isPending={update.isPending}
          onPress={() => update.mutate({ id: category.id, body: { version: category.version, isActive: !category.isActive } })}
        >
          {category.isActive ? t('categories.deactivate', { name: label }) : t('categories.reactivate', { name: label })}
        </Button>
      </span>
      <ErrorNotice error={rowError} />
    </li>
  );
}
