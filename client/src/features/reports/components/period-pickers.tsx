import { useTranslation } from 'react-i18next';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { SelectInput } from '@/components/fields';
import { DateField } from '@/components/date-fields';
import { lisbonDate } from '@/lib/lisbon-time';
import { matchingPreset, presetRange, RANGE_PRESETS, rangeProblems, type DateRange, type RangePreset } from '@/features/reports/periods';
import '@/features/reports/reports-strings';

/** The years a report can be asked for from the pickers: this one and the nine before. */
export function yearChoices(today: string = lisbonDate()): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => year - i);
}

export function YearPicker({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation('reports');
  return (
    <SelectInput
      label={t('period.year')}
      value={String(year)}
      options={yearChoices().map((y) => ({ value: String(y), label: String(y) }))}
      onChange={(value) => onChange(Number(value))}
      className="report-period__year"
    />
  );
}

/** Q1 … Q4 as one radio group: arrow keys move between quarters. */
export function QuarterPicker({ quarter, onChange }: { quarter: number; onChange: (quarter: number) => void }) {
  const { t } = useTranslation('reports');
  return (
    <RadioGroup value={String(quarter)} onChange={(value) => onChange(Number(value))} orientation="horizontal" className="segmented report-segmented">
      <Label className="field__label">{t('period.quarter')}</Label>
      <div className="segmented__options">
        {[1, 2, 3, 4].map((q) => (
          <Radio key={q} value={String(q)} aria-label={t('period.quarterName', { quarter: q })} className="segmented__option">
            {t('period.quarterShort', { quarter: q })}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

/** From/to dates with quick presets; a range the server would refuse is explained on the field at once. */
export function RangePicker({ range, onChange }: { range: Partial<DateRange>; onChange: (range: Partial<DateRange>) => void }) {
  const { t } = useTranslation('reports');
  const problems = rangeProblems(range);
  const preset = matchingPreset(range);
  return (
    <div className="report-range cluster gap-4">
      <RadioGroup
        value={preset ?? null}
        onChange={(value) => onChange(presetRange(value as RangePreset))}
        orientation="horizontal"
        className="segmented report-segmented report-range__presets"
      >
        <Label className="field__label">{t('period.presets')}</Label>
        <div className="segmented__options">
          {RANGE_PRESETS.map((p) => (
            <Radio key={p} value={p} className="segmented__option">
              {t(`period.${p}`)}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <div className="report-range__dates form-grid">
        <DateField
          label={t('period.from')}
          value={range.from ?? ''}
          onChange={(from) => onChange({ ...range, from })}
          errorMessage={problems.from ? t(`period.${problems.from}`) : undefined}
        />
        <DateField
          label={t('period.to')}
          value={range.to ?? ''}
          min={range.from || undefined}
          onChange={(to) => onChange({ ...range, to })}
          errorMessage={problems.to ? t(`period.${problems.to}`) : undefined}
        />
      </div>
    </div>
  );
}
