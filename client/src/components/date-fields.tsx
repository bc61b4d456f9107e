import { useMemo, useState, type ReactNode } from 'react';
import {
  Button as AriaButton,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Label,
  Popover,
  TimeField as AriaTimeField,
  type DateValue,
} from 'react-aria-components';
import { parseDate, parseDateTime, parseTime, type CalendarDate, type CalendarDateTime, type Time } from '@internationalized/date';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldHelp } from '@/components/field-help';
import { Icon } from '@/components/icon';
import { validationMessage } from '@/lib/form-validation';
import './form-controls.css';
import './date-fields.css';

/*
 * Dates and times of the field family (see form-controls.tsx): typed segment by segment in the order and
 * with the placeholders of the app's language (the I18nProvider of the root layout), never the browser's.
 * Values stay the plain text the API takes for Lisbon dates and times: `YYYY-MM-DD`, `HH:MM` and
 * `YYYY-MM-DDTHH:MM`; an empty or half-typed field is `''`.
 */

/** A form library's ref (react-hook-form moves the focus to the first invalid field). */
type FocusRef = (instance: { focus: () => void } | null) => void;

interface BaseProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Earliest and latest allowed value, in the same text form as `value`. */
  min?: string;
  max?: string;
  description?: ReactNode;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  name?: string;
  inputRef?: FocusRef;
  className?: string;
}

function parseOr<T>(parse: (text: string) => T, text: string | undefined): T | null {
  if (!text) return null;
  try {
    return parse(text);
  } catch {
    return null;
  }
}

const toDate = (text: string | undefined) => parseOr<CalendarDate>((value) => parseDate(value.slice(0, 10)), text);
const toDateTime = (text: string | undefined) => parseOr<CalendarDateTime>((value) => parseDateTime(value.slice(0, 16)), text);
const toTime = (text: string | undefined) => parseOr<Time>((value) => parseTime(value.slice(0, 5)), text);

const pad = (n: number) => String(n).padStart(2, '0');
const timeText = (time: { hour: number; minute: number }) => `${pad(time.hour)}:${pad(time.minute)}`;

/** The first segment takes the focus, as an input would. */
function focusRef(inputRef: FocusRef | undefined) {
  if (!inputRef) return undefined;
  return (element: HTMLDivElement | null) =>
    inputRef(element ? { focus: () => element.querySelector<HTMLElement>('[role="spinbutton"]')?.focus() } : null);
}

function Segments({ inputRef, className = 'date-input' }: { inputRef?: FocusRef; className?: string }) {
  return (
    // The segments ("dd", "mm", "aaaa") come from the locale's own date format, not our words: marked so a
    // page translator leaves them alone (and the language check does not count "dd" as untranslated).
    <span translate="no" className="date-input__notation">
      <DateInput ref={focusRef(inputRef)} className={className}>
        {(segment) => <DateSegment segment={segment} className="date-input__segment" />}
      </DateInput>
    </span>
  );
}

function CalendarPopover() {
  return (
    <Popover className="popover calendar-popover" placement="bottom end">
      <Dialog>
        <Calendar className="calendar">
          <header className="calendar__header cluster cluster--spread gap-2">
            <AriaButton slot="previous" className="calendar__nav">
              <Icon name="chevronLeft" size={20} />
            </AriaButton>
            <Heading className="calendar__heading" />
            <AriaButton slot="next" className="calendar__nav">
              <Icon name="chevronRight" size={20} />
            </AriaButton>
          </header>
          <CalendarGrid className="calendar__grid">{(date) => <CalendarCell date={date} className="calendar__cell" />}</CalendarGrid>
        </Calendar>
      </Dialog>
    </Popover>
  );
}

/** What the day and the time fields share: a 24-hour clock with leading zeros, the field's state, its name and class. */
function fieldState({ errorMessage, isRequired, isDisabled, name, className }: BaseProps) {
  return {
    hourCycle: 24,
    shouldForceLeadingZeros: true,
    isInvalid: errorMessage ? true : undefined,
    isRequired,
    isDisabled,
    validationBehavior: 'aria',
    name,
    className: ['field', className].filter(Boolean).join(' '),
  } as const;
}

function PickerField<T extends CalendarDate | CalendarDateTime>({
  parse,
  format,
  granularity,
  ...props
}: BaseProps & { parse: (text: string | undefined) => T | null; format: (value: T) => string; granularity: 'day' | 'minute' }) {
  const { label, value, onChange, min, max, description, errorMessage, inputRef } = props;
  // What is on screen is held here, so typing never waits for the page (a value kept in the address
  // arrives later); the page hears of a date only once its year has four digits, not 0002, 0020, 0202.
  const [draft, setDraft] = useState<T | null>(() => parse(value));
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if ((draft ? format(draft) : '') !== value) setDraft(parse(value));
  }
  const minValue = useMemo(() => parse(min), [parse, min]);
  const maxValue = useMemo(() => parse(max), [parse, max]);
  return (
    <DatePicker<DateValue>
      value={draft}
      onChange={(next) => {
        setDraft(next as T | null);
        if (!next) onChange('');
        else if (next.year >= 1000) onChange(format(next as T));
      }}
      minValue={minValue}
      maxValue={maxValue}
      granularity={granularity}
      {...fieldState(props)}
    >
      <Label className="field__label">{label}</Label>
      <Group className="field__input date-field">
        <Segments inputRef={inputRef} />
        <AriaButton className="date-field__button">
          <Icon name="calendar" size={20} />
        </AriaButton>
      </Group>
      <FieldHelp description={description} errorMessage={errorMessage} />
      <CalendarPopover />
    </DatePicker>
  );
}

/** A day (`YYYY-MM-DD`): typed in the app's order (dd/mm/aaaa in Portuguese) or picked on a calendar. */
export function DateField(props: BaseProps) {
  return <PickerField {...props} parse={toDate} format={(date) => date.toString()} granularity="day" />;
}

/** A day and a time of day (`YYYY-MM-DDTHH:MM`, as a `datetime-local` input gave it). */
export function DateTimeField(props: BaseProps) {
  return <PickerField {...props} parse={toDateTime} format={(date) => `${date.toString().slice(0, 10)}T${timeText(date)}`} granularity="minute" />;
}

/** A time of day (`HH:MM`, 24-hour). */
export function TimeField(props: BaseProps) {
  const { label, value, onChange, min, max, description, errorMessage, inputRef } = props;
  const parsed = useMemo(() => toTime(value), [value]);
  const minValue = useMemo(() => toTime(min), [min]);
  const maxValue = useMemo(() => toTime(max), [max]);
  return (
    <AriaTimeField
      value={parsed}
      onChange={(next) => onChange(next ? timeText(next) : '')}
      minValue={minValue}
      maxValue={maxValue}
      {...fieldState(props)}
    >
      <Label className="field__label">{label}</Label>
      <Segments inputRef={inputRef} className="field__input date-field date-input" />
      <FieldHelp description={description} errorMessage={errorMessage} />
    </AriaTimeField>
  );
}

/** A day bound to react-hook-form (`YYYY-MM-DD` or `''`); validation tokens become translated messages. */
export function FormDateField<T extends FieldValues>({
  control,
  name,
  ...props
}: Omit<BaseProps, 'value' | 'onChange' | 'errorMessage' | 'inputRef' | 'name'> & { control: Control<T>; name: FieldPath<T> }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  return (
    <DateField
      {...props}
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onChange={field.onChange}
      inputRef={field.ref}
      isDisabled={props.isDisabled ?? field.disabled}
      errorMessage={validationMessage(fieldState.error?.message, t)}
    />
  );
}
