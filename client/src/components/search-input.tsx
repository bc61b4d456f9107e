import { useEffect, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { Icon } from '@/components/icon';
import './kit.css';

/**
 * A search box that reports what was typed after a short pause (one request per pause, not per key).
 * Escape clears it.
 */
export function SearchInput({ label, value, onChange, placeholder, delayMs = 300 }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string; delayMs?: number }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, onChange, delayMs]);
  return (
    <SearchField value={text} onChange={setText} onSubmit={() => onChange(text.trim())} className="field search-field">
      <Label className="field__label">{label}</Label>
      <div className="field__control">
        <Icon name="search" size={18} className="search-field__icon" />
        <Input placeholder={placeholder} className="field__input search-field__input" />
      </div>
    </SearchField>
  );
}
