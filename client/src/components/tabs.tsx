import type { Key, ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs as AriaTabs } from 'react-aria-components';
import './tabs.css';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  /** The panel, rendered only while its tab is selected. */
  content: ReactNode;
}

/**
 * Views of one thing side by side (a report per tab, a client's orders, payments, statements): arrow
 * keys move between the tabs, the selected one is underlined, and on a phone the row scrolls sideways
 * instead of wrapping.
 */
export function Tabs<T extends string>({
  label,
  items,
  selected,
  onSelect,
  className,
}: {
  /** The accessible name of the tab row. */
  label: string;
  items: readonly TabItem<T>[];
  selected?: T;
  onSelect?: (id: T) => void;
  className?: string;
}) {
  return (
    <AriaTabs selectedKey={selected} onSelectionChange={onSelect ? (key: Key) => onSelect(key as T) : undefined} className={`tabs stack gap-5${className ? ` ${className}` : ''}`}>
      <TabList aria-label={label} className="tabs__list">
        {items.map((item) => (
          <Tab key={item.id} id={item.id} className="tabs__tab">
            {item.label}
          </Tab>
        ))}
      </TabList>
      {items.map((item) => (
        <TabPanel key={item.id} id={item.id} className="tabs__panel stack gap-4">
          {item.content}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}
