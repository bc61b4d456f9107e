import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from 'react-aria-components';
import { DateField, DateTimeField, TimeField } from '@/components/date-fields';

function Harness({ locale, kind, initial = '' }: { locale: string; kind: 'date' | 'time' | 'datetime'; initial?: string }) {
  const [value, setValue] = useState(initial);
  const Field = kind === 'date' ? DateField : kind === 'time' ? TimeField : DateTimeField;
  return (
    <I18nProvider locale={locale}>
      <Field label="Quando" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </I18nProvider>
  );
}

/** The field's segments (a picker's group holds its date input). */
function fieldGroup(): HTMLElement {
  const [group] = screen.getAllByRole('group', { name: /Quando/ });
  if (!group) throw new Error('no date field');
  return group;
}

/** The segments as shown, placeholders included (e.g. "dd/mm/aaaa"). */
function shownText() {
  return Array.from(fieldGroup().querySelectorAll('[data-type]'))
    .map((segment) => segment.textContent)
    .join('')
    .replace(/[\u2066-\u2069\u200e\u200f]/g, '');
}

describe('the date and time fields follow the language of the app, not of the browser', () => {
  it('shows an empty date as dd/mm/aaaa in Portuguese', () => {
    render(<Harness locale="pt-PT" kind="date" />);
    expect(shownText()).toBe('dd/mm/aaaa');
  });

  it('shows an empty date in the English order and placeholders', () => {
    render(<Harness locale="en-GB" kind="date" />);
    expect(shownText()).toBe('dd/mm/yyyy');
  });

  it('shows an empty date in month-first order for American English', () => {
    render(<Harness locale="en-US" kind="date" />);
    expect(shownText()).toBe('mm/dd/yyyy');
  });

  it('shows a stored YYYY-MM-DD value day first in Portuguese', () => {
    render(<Harness locale="pt-PT" kind="date" initial="2026-03-09" />);
    expect(shownText()).toBe('09/03/2026');
  });

  it('turns what is typed segment by segment into YYYY-MM-DD', async () => {
    const user = userEvent.setup();
    render(<Harness locale="pt-PT" kind="date" />);
    const [day] = within(fieldGroup()).getAllByRole('spinbutton');
    await user.click(day as HTMLElement);
    await user.keyboard('07');
    await user.keyboard('11');
    await user.keyboard('2026');
    expect(screen.getByTestId('value').textContent).toBe('2026-11-07');
  });

  it('tells the page of a date only once its year has four digits', async () => {
    const user = userEvent.setup();
    const heard: string[] = [];
    render(
      <I18nProvider locale="pt-PT">
        <DateField label="Quando" value="" onChange={(value) => heard.push(value)} />
      </I18nProvider>,
    );
    const [day] = within(fieldGroup()).getAllByRole('spinbutton');
    await user.click(day as HTMLElement);
    await user.keyboard('09032026');
    expect(heard).toEqual(['2026-03-09']);
    expect(shownText()).toBe('09/03/2026');
  });

  it('gives a time as HH:MM on a 24-hour clock in both languages', async () => {
    const user = userEvent.setup();
    for (const locale of ['pt-PT', 'en-GB']) {
      const { unmount } = render(<Harness locale={locale} kind="time" />);
      const [hour] = within(fieldGroup()).getAllByRole('spinbutton');
      await user.click(hour as HTMLElement);
      await user.keyboard('14');
      await user.keyboard('05');
      expect(screen.getByTestId('value').textContent).toBe('14:05');
      unmount();
    }
  });

  it('keeps a date and time as YYYY-MM-DDTHH:MM', () => {
    render(<Harness locale="pt-PT" kind="datetime" initial="2026-03-09T08:30" />);
    expect(shownText()).toMatch(/^09\/03\/2026,? 08:30$/);
  });
});
