import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PasswordInput, TextInput, type TextInputProps } from '@/components/text-field';
import { validationMessage } from '@/lib/form-validation';

interface FormFieldProps<T extends FieldValues> extends Omit<TextInputProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'errorMessage'> {
  control: Control<T>;
  name: FieldPath<T>;
  password?: boolean;
}

/** A text or password input bound to react-hook-form; validation tokens become translated messages. */
export function FormTextField<T extends FieldValues>({ control, name, password, ...props }: FormFieldProps<T>) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const common = {
    ...props,
    name: field.name,
    value: (field.value as string | undefined) ?? '',
    onChange: field.onChange,
    onBlur: field.onBlur,
    inputRef: field.ref,
    isDisabled: props.isDisabled ?? field.disabled,
    errorMessage: validationMessage(fieldState.error?.message, t),
  };
  return password ? <PasswordInput {...common} /> : <TextInput {...common} />;
}
