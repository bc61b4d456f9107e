import { useTranslation } from 'react-i18next';
import type { LocaleCode } from '@contracts/auth';
import { Segmented } from '@/components/segmented';
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
    <Segmented
      label={t('language.label')}
      value={value}
      onChange={onChange}
      look="segmented"
      className={tone === 'dark' ? 'segmented--on-dark' : undefined}
      options={LOCALES.map((locale) => ({
        value: locale,
        label: t(`language.${locale}`),
        content: <span lang={LOCALE_TAGS[locale]}>{t(`language.${locale}Short`)}</span>,
      }))}
    />
  );
}
