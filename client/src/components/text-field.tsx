import { useId, useState, type FocusEvent, type HTMLAttributes, type HTMLInputTypeAttribute, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/icon';
import { NativeFieldHelp, nativeDescribedBy } from '@/components/native-field-help';

/*
 * Native inputs, labelled and described by id: the browser gives them everything a text field needs
 * (focus, selection, autofill, the phone's keyboard for `inputMode`), and they are the sign-in form's
 * fields, part of the landing page's first load, which has no room for an accessibility library.
 */

export interface TextInputProps {
  label: string;
  /** The label is still read by screen readers (e.g. when a visible name next to the field already says it). */
  hideLabel?: boolean;
  description?: string;
  /** Shown under the field and marks it invalid (aria-invalid, described by the message). */
  errorMessage?: string;
  placeholder?: string;
  /** Phones capitalise the first letter by default; usernames must not be. */
  autoCapitalize?: 'none' | 'sentences' | 'words' | 'characters';
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  type?: HTMLInputTypeAttribute;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  spellCheck?: boolean | 'true' | 'false';
  maxLength?: number;
  isDisabled?: boolean;
  isRequired?: boolean;
  isReadOnly?: boolean;
  autoFocus?: boolean;
  'aria-label'?: string;
}

interface FieldFrameProps extends TextInputProps {
  /** Extra control after the input (the password's show/hide toggle). */
  action?: ReactNode;
}

function FieldFrame({ label, hideLabel = false, description, errorMessage, inputRef, onChange, isDisabled, isRequired, isReadOnly, action, 'aria-label': ariaLabel, ...input }: FieldFrameProps) {
  const id = useId();
  const describedBy = nativeDescribedBy(id, description, errorMessage);
  const field = (
    <input
      {...input}
      id={id}
      ref={inputRef}
      aria-label={ariaLabel}
      onChange={(event) => onChange?.(event.currentTarget.value)}
      disabled={isDisabled}
      readOnly={isReadOnly}
      aria-required={isRequired || undefined}
      aria-invalid={errorMessage ? true : undefined}
      aria-describedby={describedBy}
      data-invalid={errorMessage ? '' : undefined}
      data-disabled={isDisabled ? '' : undefined}
      className={`field__input field__input--native${action ? ' field__input--with-action' : ''}`}
    />
  );
  return (
    <div className="field" data-invalid={errorMessage ? '' : undefined}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {action ? (
        <div className="field__control">
          {field}
          {action}
        </div>
      ) : (
        field
      )}
      <NativeFieldHelp id={id} description={description} errorMessage={errorMessage} />
    </div>
  );
}

/** A labelled text input with optional description and error, wired for assistive technology. */
export function TextInput(props: TextInputProps) {
  return <FieldFrame {...props} />;
}

/** A password input with a show/hide toggle (so a phone user can check what they typed). */
export function PasswordInput(props: Omit<TextInputProps, 'type' | 'autoCapitalize'>) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <FieldFrame
      {...props}
      type={visible ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="none"
      action={
        <button type="button" aria-pressed={visible} onClick={() => setVisible(!visible)} aria-label={t('password.show')} className="field__action" disabled={props.isDisabled}>
          <Icon name={visible ? 'eyeOff' : 'eye'} size={20} />
        </button>
      }
    />
  );
}
