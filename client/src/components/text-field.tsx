import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Input, Label, Text, TextField, ToggleButton, type TextFieldProps } from 'react-aria-components';
import { Icon } from '@/components/icon';

export interface TextInputProps extends Omit<TextFieldProps, 'children' | 'className' | 'isInvalid'> {
  label: string;
  description?: string;
  /** Shown under the field and marks it invalid (aria-invalid, described by the message). */
  errorMessage?: string;
  placeholder?: string;
  /** Phones capitalise the first letter by default; usernames must not be. */
  autoCapitalize?: 'none' | 'sentences' | 'words' | 'characters';
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input with optional description and error, wired for assistive technology. */
export function TextInput({ label, description, errorMessage, placeholder, autoCapitalize, inputRef, ...props }: TextInputProps) {
  return (
    <TextField {...props} isInvalid={Boolean(errorMessage)} validationBehavior="aria" className="field">
      <Label className="field__label">{label}</Label>
      <Input ref={inputRef} placeholder={placeholder} autoCapitalize={autoCapitalize} className="field__input" />
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        <Icon name="alertCircle" size={16} />
        <span>{errorMessage}</span>
      </FieldError>
    </TextField>
  );
}

/** A password input with a show/hide toggle (so a phone user can check what they typed). */
export function PasswordInput({ label, description, errorMessage, inputRef, ...props }: Omit<TextInputProps, 'type' | 'autoCapitalize'>) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextField {...props} type={visible ? 'text' : 'password'} isInvalid={Boolean(errorMessage)} validationBehavior="aria" className="field">
      <Label className="field__label">{label}</Label>
      <div className="field__control">
        <Input ref={inputRef} className="field__input field__input--with-action" spellCheck={false} autoCapitalize="none" />
        <ToggleButton isSelected={visible} onChange={setVisible} aria-label={t('password.show')} className="field__action">
          <Icon name={visible ? 'eyeOff' : 'eye'} size={20} />
        </ToggleButton>
      </div>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        <Icon name="alertCircle" size={16} />
        <span>{errorMessage}</span>
      </FieldError>
    </TextField>
  );
}
