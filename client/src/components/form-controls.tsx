import { type KeyboardEvent, type ReactNode, type Ref } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  Group,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  TextArea,
  TextField,
  type Key,
} from 'react-aria-components';
import { Icon } from '@/components/icon';
import { buttonClass } from '@/components/button-look';
import { FieldHelp } from '@/components/field-help';
import './kit.css';
import './form-controls.css';

/**
 * Form inputs beyond plain text, in the house style (see text-field.tsx): each has a visible label, an
 * optional description and an error message wired to it for assistive technology.
 */

export interface Option {
  id: string | number;
  label: string;
  /** A second line under the label in the list (e.g. an address). */
  detail?: string;
  isDisabled?: boolean;
  /** The label and detail are data (a property's name and address): marked translate="no". */
  isData?: boolean;
}

interface ChoiceProps {
  label: string;
  options: Option[];
  value: string | number | null | undefined;
  onChange: (value: string | number | null) => void;
  placeholder?: string;
  description?: ReactNode;
  errorMessage?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  name?: string;
  className?: string;
  inputRef?: Ref<HTMLButtonElement>;
}

function OptionItem({ option }: { option: Option }) {
  return (
    <ListBoxItem id={option.id} textValue={option.label} isDisabled={option.isDisabled} className="listbox__item">
      <span className="listbox__label" translate={option.isData ? 'no' : undefined}>
        {option.label}
      </span>
      {option.detail ? (
        <span className="listbox__detail" translate={option.isData ? 'no' : undefined}>
          {option.detail}
        </span>
      ) : null}
      <Icon name="check" size={18} className="listbox__check" />
    </ListBoxItem>
  );
}

/** A pick-one list (React Aria Select): keyboard, touch and screen readers alike. */
export function SelectField({ label, options, value, onChange, placeholder, description, errorMessage, isDisabled, isRequired, name, className, inputRef }: ChoiceProps) {
  return (
    <Select
      selectedKey={value ?? null}
      onSelectionChange={(key: Key | null) => onChange(key)}
      placeholder={placeholder}
      isInvalid={Boolean(errorMessage)}
      isDisabled={isDisabled}
      isRequired={isRequired}
      validationBehavior="aria"
      name={name}
      className={['field', className].filter(Boolean).join(' ')}
    >
      <Label className="field__label">{label}</Label>
      <AriaButton ref={inputRef} className="field__input select__button">
        <SelectValue className="select__value" />
        <Icon name="chevronDown" size={18} className="muted" />
      </AriaButton>
      <FieldHelp description={description} errorMessage={errorMessage} />
      <Popover className="popover" placement="bottom start">
        <ListBox className="listbox" items={options}>
          {(option) => <OptionItem option={option} />}
        </ListBox>
      </Popover>
    </Select>
  );
}

interface SearchProps extends ChoiceProps {
  inputValue: string;
  onInputChange: (value: string) => void;
  emptyLabel: string;
  isLoading?: boolean;
}

/** Type to search, then pick (React Aria ComboBox); the caller filters `options` (e.g. on the server). */
export function SearchSelectField({ label, options, value, onChange, inputValue, onInputChange, emptyLabel, isLoading, placeholder, description, errorMessage, isDisabled, name }: SearchProps) {
  return (
    <ComboBox
      selectedKey={value ?? null}
      onSelectionChange={(key: Key | null) => {
        // The chosen label is shown in the same render as the choice: a later change of the text would
        // look like typing to the combo box, which would open its whole list again.
        const chosen = options.find((option) => option.id === key);
        if (chosen) onInputChange(chosen.label);
        onChange(key);
      }}
      inputValue={inputValue}
      onInputChange={onInputChange}
      items={options}
      menuTrigger="focus"
      allowsEmptyCollection
      isInvalid={Boolean(errorMessage)}
      isDisabled={isDisabled}
      validationBehavior="aria"
      name={name}
      className="field"
    >
      <Label className="field__label">{label}</Label>
      <div className="field__control">
        <Input className="field__input field__input--with-action" placeholder={placeholder} />
        <AriaButton className="field__action">
          {isLoading ? <span className="spinner" aria-hidden="true" /> : <Icon name="chevronDown" size={18} />}
        </AriaButton>
      </div>
      <FieldHelp description={description} errorMessage={errorMessage} />
      <Popover className="popover" placement="bottom start">
        <ListBox className="listbox" renderEmptyState={() => <p className="listbox__empty muted text-sm">{emptyLabel}</p>}>
          {(option: Option) => <OptionItem option={option} />}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

export interface NumberInputProps {
  label: string;
  /** The label is still read by screen readers (e.g. when a visible name next to the field already says it). */
  hideLabel?: boolean;
  value: number | undefined;
  onChange: (value: number) => void;
  minValue?: number;
  maxValue?: number;
  step?: number;
  formatOptions?: Intl.NumberFormatOptions;
  description?: ReactNode;
  errorMessage?: string;
  isDisabled?: boolean;
  incrementLabel: string;
  decrementLabel: string;
  name?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A number with − and + steppers (React Aria NumberField: locale-aware decimals and currency). */
export function NumberInput({ label, hideLabel = false, value, onChange, description, errorMessage, incrementLabel, decrementLabel, inputRef, ...props }: NumberInputProps) {
  return (
    <NumberField
      {...props}
      value={value ?? NaN}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      incrementAriaLabel={incrementLabel}
      decrementAriaLabel={decrementLabel}
      className="field"
    >
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <Group className="stepper">
        <AriaButton slot="decrement" className={buttonClass({ iconOnly: true, className: 'stepper__button' })}>
          <Icon name="minus" size={18} />
        </AriaButton>
        <Input ref={inputRef} className="field__input stepper__input" />
        <AriaButton slot="increment" className={buttonClass({ iconOnly: true, className: 'stepper__button' })}>
          <Icon name="plus" size={18} />
        </AriaButton>
      </Group>
      <FieldHelp description={description} errorMessage={errorMessage} />
    </NumberField>
  );
}

export interface TextAreaInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  errorMessage?: string;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  isRequired?: boolean;
  name?: string;
  inputRef?: Ref<HTMLTextAreaElement>;
  /** Keys pressed in the box (a chat's Enter-to-send). */
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

export function TextAreaInput({ label, value, onChange, description, errorMessage, rows = 3, maxLength, placeholder, isRequired, name, inputRef, onKeyDown }: TextAreaInputProps) {
  return (
    <TextField
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      validationBehavior="aria"
      maxLength={maxLength}
      name={name}
      className="field"
    >
      <Label className="field__label">{label}</Label>
      <TextArea ref={inputRef} rows={rows} placeholder={placeholder} className="field__input field__textarea" onKeyDown={onKeyDown} />
      <FieldHelp description={description} errorMessage={errorMessage} />
    </TextField>
  );
}

export interface RadioOption {
  value: string;
  label: string;
  description?: string;
  isDisabled?: boolean;
}

/** Radio buttons drawn as cards: a big, clear target for each choice. */
export function RadioCards({ label, options, value, onChange, errorMessage, description, orientation = 'vertical', hideLabel = false }: {
  label: string;
  /** The label is still read by screen readers (e.g. when a visible heading already says it). */
  hideLabel?: boolean;
  options: RadioOption[];
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  description?: ReactNode;
  orientation?: 'vertical' | 'horizontal';
}) {
  return (
    <RadioGroup value={value} onChange={onChange} isInvalid={Boolean(errorMessage)} validationBehavior="aria" orientation={orientation} className="field">
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <div className={`radio-cards radio-cards--${orientation}`}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} isDisabled={option.isDisabled} className="radio-card">
            <span className="radio-card__dot" aria-hidden="true" />
            <span className="radio-card__text">
              <span className="radio-card__label">{option.label}</span>
              {option.description ? <span className="muted text-sm">{option.description}</span> : null}
            </span>
          </Radio>
        ))}
      </div>
      <FieldHelp description={description} errorMessage={errorMessage} />
    </RadioGroup>
  );
}
