import { useTranslation } from 'react-i18next';
import { Radio, RadioGroup } from 'react-aria-components';
import type { LocaleCode } from '@contracts/auth';
import { LOCALES, LOCALE_TAGS } from '@/lib/i18n';

/** PT | EN as a radio group: arrow keys move between the two, each option named in its own language. */
export function LanguageSwitcher({
  value,
  onChange,
  tone = 'light',
}: {
  value: LocaleCode;
  onChange: (locale: LocaleCode) => void;
  tone?: 'light' | 'dark';
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      value={value}
      onChange={(next) => onChange(next as LocaleCode)}
      orientation="horizontal"
      aria-label={t('language.label')}
      className={`segmented${tone === 'dark' ? ' segmented--on-dark' : ''}`}
    >
      <div className="segmented__options">
        {LOCALES.map((locale) => (
          <Radio key={locale} value={locale} aria-label={t(`language.${locale}`)} className="segmented__option">
            <span lang={LOCALE_TAGS[locale]}>{t(`language.${locale}Short`)}</span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
