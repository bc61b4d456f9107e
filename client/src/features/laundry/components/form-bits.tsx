import { useId, type ReactNode } from 'react';
import { Checkbox, Label, TextArea, TextField } from 'react-aria-components';
import { Card } from '@/components/card';
import { FieldHelp } from '@/components/field-help';
import { Icon } from '@/components/icon';
import { NativeFieldHelp, nativeDescribedBy } from '@/components/native-field-help';
import '@/components/kit.css';

/** A labelled multi-line text field in the house style (the text-field.tsx look). */
export function TextAreaInput({
  label,
  value,
  onChange,
  description,
  errorMessage,
  rows = 3,
  name,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
  rows?: number;
  name?: string;
  autoFocus?: boolean;
}) {
  return (
    <TextField value={value} onChange={onChange} name={name} isInvalid={Boolean(errorMessage)} validationBehavior="aria" className="field" autoFocus={autoFocus}>
      <Label className="field__label">{label}</Label>
      <TextArea rows={rows} className="field__input field__textarea" />
      <FieldHelp description={description} errorMessage={errorMessage} />
    </TextField>
  );
}

export interface NativeOption {
  value: string;
  label: string;
}

/** A labelled native select: the phone's own picker, large and familiar. */
export function NativeSelect({
  label,
  value,
  onChange,
  options,
  placeholder,
  errorMessage,
  description,
  hideLabel,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: NativeOption[];
  /** A first, empty choice ("Choose…", "Anyone"). */
  placeholder?: string;
  errorMessage?: string;
  description?: string;
  hideLabel?: boolean;
  className?: string;
}) {
  const id = useId();
  const described = nativeDescribedBy(id, description, errorMessage);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      <div className="field__control select-control">
        <select
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={described}
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

/** A checkbox with a visible box, big enough to tap. */
export function CheckboxInput({ isSelected, onChange, children, description }: { isSelected: boolean; onChange: (value: boolean) => void; children: ReactNode; description?: string }) {
  return (
    <Checkbox isSelected={isSelected} onChange={onChange} className="checkbox">
      <span className="checkbox__box" aria-hidden="true">
        <Icon name="check" size={16} />
      </span>
      <span className="stack gap-0-5">
        <span className="checkbox__label">{children}</span>
        {description ? <span className="muted text-sm">{description}</span> : null}
      </span>
    </Checkbox>
  );
}

/** A titled group of fields inside a form card. */
export function FormSection({ title, lead, children, id }: { title: string; lead?: string; children: ReactNode; id: string }) {
  return (
    <Card id={id} title={title} lead={lead} className="laundry-form__section">
      <div className="stack stack--sm">{children}</div>
    </Card>
  );
}
