import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { TextInput } from '@/components/text-field';
import { normaliseCode } from './qr-reader';
import './scan-strings';

/** A keyboard, a desk with a mouse: there the field takes the focus, ready for a USB scanner. A phone keeps its keyboard closed. */
const finePointer = () => typeof window.matchMedia === 'function' && window.matchMedia('(pointer: fine)').matches;

/**
 * The code field: a USB or Bluetooth scanner types the code and presses Enter, and so can a person.
 * The field empties after each code and keeps the focus, ready for the next label.
 */
export function ScanField({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation('scan');
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseCode(value);
    if (!code) {
      setError(t('field.tooShort'));
      return;
    }
    setError(undefined);
    setValue('');
    onCode(code);
    input.current?.focus();
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <TextInput
        label={t('field.label')}
        description={t('field.description')}
        errorMessage={error}
        placeholder={t('field.placeholder')}
        inputRef={input}
        value={value}
        onChange={(text) => {
          setValue(text);
          if (error) setError(undefined);
        }}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        maxLength={60}
        autoFocus={finePointer()}
      />
      <Button type="submit" variant="secondary" className="inline-form__submit">
        <Icon name="search" size={18} />
        {t('field.submit')}
      </Button>
    </form>
  );
}
