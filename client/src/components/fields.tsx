import { useId, type ReactNode } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Checkbox, Label, TextArea, TextField } from 'react-aria-components';
import { FieldHelp } from '@/components/field-help';
import { Icon } from '@/components/icon';
import { NativeFieldHelp, nativeDescribedBy } from '@/components/native-field-help';
import { validationMessage } from '@/lib/form-validation';
// Field errors can be `format:` tokens, whose messages live there.
import '@/components/ui-strings';
import './kit.css';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: SelectOption[];
  description?: string;
  errorMessage?: string;
  name?: string;
  isDisabled?: boolean;
  /** A first option with an empty value ("All", "Choose…"). */
  placeholder?: string;
  onBlur?: () => void;
  selectRef?: (element: HTMLSelectElement | null) => void;
  className?: string;
}

/**
 * A labelled native select: on phones it opens the system picker (large, familiar, accessible); the
 * label, description and error are tied to it for assistive technology.
 */
export function SelectInput({ label, value, onChange, options, description, errorMessage, name, isDisabled, placeholder, onBlur, selectRef, className }: SelectInputProps) {
  const id = useId();
  const describedBy = nativeDescribedBy(id, description, errorMessage);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="field__control select-control">
        <select
          id={id}
          ref={selectRef}
          name={name}
          value={value}
          disabled={isDisabled}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={describedBy}
          className="field__input field__select"
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <Icon name="chevronRight" size={18} className="select-control__chevron" />
      </div>
      <NativeFieldHelp id={id} description={description} errorMessage={errorMessage} />
    </div>
  );
}

/** The "status" filter of a list of accounts: all, active ('true') or inactive ('false'). */
export function ActiveSelect({ label, value, onChange }: { label: string; value: '' | 'true' | 'false'; onChange: (value: '' | 'true' | 'false') => void }) {
  const { t } = useTranslation('ui');
  return (
    <SelectInput
      label={label}
      value={value}
      placeholder={t('all')}
      options={[
        { value: 'true', label: t('active') },
        { value: 'false', label: t('inactive') },
      ]}
      onChange={(next) => onChange(next === 'true' || next === 'false' ? next : '')}
    />
  );
}

/** A select bound to react-hook-form (the value is a string; the schema converts it). */
export function FormSelectField<T extends FieldValues>({
  control,
  name,
  ...props
}: Omit<SelectInputProps, 'value' | 'onChange' | 'errorMessage' | 'onBlur' | 'selectRef' | 'name'> & { control: Control<T>; name: FieldPath<T> }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  return (
    <SelectInput
      {...props}
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      selectRef={field.ref}
      errorMessage={validationMessage(fieldState.error?.message, t)}
    />
  );
}

/** A multi-line text field bound to react-hook-form. */
export function FormTextArea<T extends FieldValues>({
  control,
  name,
  label,
  description,
  rows = 3,
  autoComplete = 'off',
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  rows?: number;
  autoComplete?: string;
}) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const errorMessage = validationMessage(fieldState.error?.message, t);
  return (
    <TextField
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field__label">{label}</Label>
      <TextArea ref={field.ref} rows={rows} autoComplete={autoComplete} className="field__input field__textarea" />
      <FieldHelp description={description} errorMessage={errorMessage} />
    </TextField>
  );
}

/**
 * A checkbox with a visible box and label, large enough to tap. `size="lg"` draws it as a full-width
 * row with a bigger box, for lists ticked on a phone with wet or gloved hands (a job's checklist).
 */
export function CheckboxField({
  isSelected,
  onChange,
  children,
  description,
  isDisabled,
  size = 'md',
}: {
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  children: ReactNode;
  description?: ReactNode;
  isDisabled?: boolean;
  size?: 'md' | 'lg';
}) {
  return (
    <Checkbox isSelected={isSelected} onChange={onChange} isDisabled={isDisabled} className={size === 'lg' ? 'checkbox checkbox--lg' : 'checkbox'}>
      <span className="checkbox__box" aria-hidden="true">
        <Icon name="check" size={16} />
      </span>
      <span className="stack gap-0-5">
        <span className="checkbox__label strong text-sm">{children}</span>
        {description ? <span className="muted text-sm">{description}</span> : null}
      </span>
    </Checkbox>
  );
}

/** A checkbox bound to react-hook-form. */
export function FormCheckbox<T extends FieldValues>({ control, name, children, description }: { control: Control<T>; name: FieldPath<T>; children: ReactNode; description?: string }) {
  const { field } = useController({ control, name });
  return (
    <CheckboxField isSelected={Boolean(field.value)} onChange={field.onChange} description={description}>
      {children}
    </CheckboxField>
  );
}
