import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as AriaButton, ComboBox, Group, Input, Label, ListBox, ListBoxItem, Popover, type Key } from 'react-aria-components';
import { FieldHelp } from '@/components/field-help';
import { Icon } from '@/components/icon';
import '@/components/form-controls.css';
import '@/components/kit.css';
import { useClientSearch, type ClientOption } from '@/features/clients/api/client-options';
import { useDebounced } from '@/features/laundry/use-debounced';
import { formatPhone } from '@/lib/format';

/**
 * Pick a client by typing part of the name, phone or NIF: the server searches (debounced), the list
 * shows name and phone, arrows and Enter choose. `selected` is kept by the parent so a chosen client's
 * name stays shown even when it is not in the latest search.
 */
export function ClientPicker({
  label,
  selected,
  onSelect,
  errorMessage,
  description,
  placeholder,
}: {
  label: string;
  selected: ClientOption | null;
  onSelect: (client: ClientOption | null) => void;
  errorMessage?: string;
  description?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation('laundry');
  const [input, setInput] = useState(selected?.name ?? '');
  const search = useDebounced(input === selected?.name ? '' : input.trim(), 250);
  const results = useClientSearch(search);
  const items = results.data ?? [];
  const withSelected = selected && !items.some((c) => c.id === selected.id) ? [selected, ...items] : items;

  useEffect(() => {
    setInput(selected?.name ?? '');
  }, [selected]);

  return (
    <ComboBox
      className="field"
      items={withSelected}
      inputValue={input}
      onInputChange={(value) => {
        setInput(value);
        if (value === '' && selected) onSelect(null);
      }}
      selectedKey={selected?.id ?? null}
      onSelectionChange={(key: Key | null) => {
        const chosen = withSelected.find((c) => c.id === key) ?? null;
        // The input shows the chosen name in the same render as the choice: a later change of the text
        // would look like typing to the combo box, which then opens its whole list again.
        if (chosen) setInput(chosen.name);
        onSelect(chosen);
      }}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      menuTrigger="focus"
      allowsEmptyCollection
    >
      <Label className="field__label">{label}</Label>
      <Group className="field__control">
        <Icon name="user" size={18} className="search-field__icon" />
        <Input className="field__input field__input--with-action search-field__input" placeholder={placeholder} />
        <AriaButton className="field__action" aria-label={label}>
          <Icon name="chevronDown" size={18} />
        </AriaButton>
      </Group>
      <FieldHelp description={description} errorMessage={errorMessage} />
      <Popover className="popover" placement="bottom start">
        <ListBox<ClientOption>
          className="listbox"
          renderEmptyState={() => <p className="listbox__empty muted text-sm">{results.isFetching ? t('form.clientSearching') : t('form.clientNoResults')}</p>}
        >
          {(client) => (
            <ListBoxItem id={client.id} textValue={client.name} className="listbox__item">
              <span className="listbox__label">{client.name}</span>
              <span className="listbox__detail">{[client.companyName, formatPhone(client.phone)].filter(Boolean).join(' · ')}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
