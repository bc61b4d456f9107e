import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonClass, type ButtonSize, type ButtonVariant } from '@/components/button-look';
import { Icon, type IconName } from '@/components/icon';
import { NativeFieldHelp, nativeDescribedBy } from '@/components/native-field-help';
import '@/components/ui-strings';
import './form-controls.css';

export interface FilePickerProps {
  /** The words on the button, in the app's language (the browser's "Choose File" is never shown). */
  label: string;
  accept: string;
  onChange: (files: File[]) => void;
  description?: ReactNode;
  errorMessage?: string;
  /** What is chosen so far, said under the button; omit when the caller lists the files itself. */
  chosen?: ReactNode;
  name?: string;
  /** Opens a phone's or tablet's camera directly. */
  capture?: 'environment' | 'user';
  multiple?: boolean;
  isDisabled?: boolean;
  /** Shown as busy (e.g. while a photo is prepared): not pressable. */
  isBusy?: boolean;
  icon?: IconName;
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
  className?: string;
}

/**
 * Files from the device behind a kit button: the native input stays in the page (keyboard, screen
 * readers, the phone's camera and gallery) but hidden, so the button and what was chosen read in the
 * app's language. Each pick is a change, even of the same file again.
 */
export function FilePicker({
  label,
  accept,
  onChange,
  description,
  errorMessage,
  chosen,
  name,
  capture,
  multiple,
  isDisabled,
  isBusy,
  icon = 'upload',
  variant = 'secondary',
  size,
  block,
  className,
}: FilePickerProps) {
  const id = useId();
  const describedBy = [chosen !== undefined ? `${id}-chosen` : null, nativeDescribedBy(id, description, errorMessage)].filter(Boolean).join(' ') || undefined;
  const disabled = isDisabled || isBusy;
  return (
    <div className={className ? `field file-picker ${className}` : 'field file-picker'}>
      <label className={buttonClass({ variant, size, block, className: 'file-picker__button focus-ring-within' })} data-disabled={disabled ? '' : undefined} data-busy={isBusy ? '' : undefined}>
        <Icon name={icon} size={size === 'lg' ? 22 : 18} />
        <span>{label}</span>
        <input
          type="file"
          className="visually-hidden"
          name={name}
          accept={accept}
          capture={capture}
          multiple={multiple}
          disabled={disabled}
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            onChange(Array.from(event.target.files ?? []));
            event.target.value = '';
          }}
        />
      </label>
      {chosen !== undefined ? (
        <span id={`${id}-chosen`} className="file-picker__chosen muted text-sm">
          {chosen}
        </span>
      ) : null}
      <NativeFieldHelp id={id} description={description} errorMessage={errorMessage} />
    </div>
  );
}

/**
 * One file (a spreadsheet to import, a logo, a photo) with the kit's picker; says which file is chosen,
 * or that none is, in the app's language. `clearAfterPick` hands the file over and forgets it, so the
 * field says nothing is chosen again (the caller shows what it did with it).
 */
export function FileInput({ clearAfterPick, onChange, ...props }: Omit<FilePickerProps, 'onChange' | 'chosen' | 'multiple'> & { onChange: (file: File | null) => void; clearAfterPick?: boolean }) {
  const { t } = useTranslation('ui');
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <FilePicker
      {...props}
      chosen={clearAfterPick ? undefined : picked ? t('file.chosen', { name: picked }) : t('file.none')}
      onChange={(files) => {
        const file = files[0] ?? null;
        if (!clearAfterPick) setPicked(file?.name ?? null);
        onChange(file);
      }}
    />
  );
}
