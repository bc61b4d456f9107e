import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LocaleCode } from '@contracts/auth';
import type { en } from '@/locales/en';
import { pt } from '@/locales/pt';
import type { homeEn } from '@/features/home/home-strings';
import type { accountEn } from '@/features/auth/account-strings';
import type { laundryEn } from '@/features/laundry/laundry-strings';
import type { ruleErrorsEn } from '@/locales/rule-errors';
import type { cleaningEn } from '@/features/cleaning/cleaning-strings';
import type { usersEn } from '@/features/users/users-strings';
import type { clientsEn } from '@/features/clients/clients-strings';
import type { settingsEn } from '@/features/settings/settings-strings';
import type { auditEn } from '@/features/audit/audit-strings';
import type { notificationsEn } from '@/features/notifications/notifications-strings';
import type { selfServiceEn } from '@/features/account/self-service-strings';
import type { uiEn } from '@/components/ui-strings';
import type { reportsEn } from '@/features/reports/reports-strings';
import type { ticketsEn } from '@/features/tickets/tickets-strings';
import type { requestsEn } from '@/features/requests/requests-strings';
import type { photosEn } from '@/features/photos/photos-strings';
import type { paymentsEn } from '@/features/payments/payments-strings';
import type { dashboardEn } from '@/features/dashboard/dashboard-strings';
import type { importsEn } from '@/features/imports/imports-strings';
import type { clientPricesEn } from '@/features/client-prices/client-prices-strings';
import type { turnoversEn } from '@/features/turnovers/turnovers-strings';
import type { hostReportEn } from '@/features/turnovers/report-strings';
import type { accountsEn } from '@/features/accounts/accounts-strings';
import type { navEn } from '@/app/shells/nav-strings';
import type { scanEn } from '@/features/laundry/scan/scan-strings';
import type { racksEn } from '@/features/laundry/racks/racks-strings';
import type { counterEn } from '@/features/laundry/counter/counter-strings';
import type { catalogueEn } from '@/features/laundry/catalogue/catalogue-strings';
import type { conversationsEn } from '@/features/conversations/conversations-strings';

// Type-only imports: every namespace's keys are checked, none of their strings enter this chunk.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    fallbackNS: 'translation';
    resources: { translation: typeof en; rules: typeof ruleErrorsEn; home: typeof homeEn; account: typeof accountEn; laundry: typeof laundryEn; cleaning: typeof cleaningEn;
      users: typeof usersEn; clients: typeof clientsEn; settings: typeof settingsEn; audit: typeof auditEn;
      notifications: typeof notificationsEn; selfService: typeof selfServiceEn; ui: typeof uiEn;
      reports: typeof reportsEn; tickets: typeof ticketsEn; photos: typeof photosEn;
      payments: typeof paymentsEn; dashboard: typeof dashboardEn; imports: typeof importsEn;
      clientPrices: typeof clientPricesEn; accounts: typeof accountsEn;
      turnovers: typeof turnoversEn; nav: typeof navEn; scan: typeof scanEn; racks: typeof racksEn; counter: typeof counterEn;
      catalogue: typeof catalogueEn; hostReport: typeof hostReportEn; conversations: typeof conversationsEn; requests: typeof requestsEn };
  }
}

export const LOCALES: readonly LocaleCode[] = ['pt', 'en'];
const STORAGE_KEY = 'lavandaria.locale';

/** BCP 47 tags for <html lang> and Intl: Portugal's Portuguese, and British English (day-month dates, 24 h). */
export const LOCALE_TAGS: Record<LocaleCode, string> = { pt: 'pt-PT', en: 'en-GB' };

export function isLocale(value: unknown): value is LocaleCode {
  return value === 'pt' || value === 'en';
}

/** The remembered choice, else the browser's first preference when it is English, else Portuguese. */
export function initialLocale(): LocaleCode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage disabled: fall through to the browser's preference.
  }
  const preferred = (navigator.languages?.[0] ?? navigator.language ?? '').toLowerCase();
  return preferred.startsWith('en') ? 'en' : 'pt';
}

export function currentLocale(): LocaleCode {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'pt';
}

/**
 * A page's own strings, in both languages, registered when its chunk loads (before it renders), so
 * the landing page's first load does not grow with every new screen.
 */
const pendingNamespaces: Array<[string, Record<LocaleCode, object>]> = [];

export function addNamespace(namespace: string, bundles: Record<LocaleCode, object>): void {
  // A module imported before initI18n (a test file, an early import) has its strings kept until then:
  // i18next has no resource store before init.
  if (!i18n.isInitialized) {
    pendingNamespaces.push([namespace, bundles]);
    return;
  }
  for (const locale of LOCALES) i18n.addResourceBundle(locale, namespace, bundles[locale], true, true);
}


/**
 * Portuguese, the default, is part of the first load; English is fetched the first time it is used,
 * so the landing page carries one language's strings, not two.
 */
async function ensureLoaded(locale: LocaleCode): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const { en: strings } = await import('@/locales/en');
  // Deep-merged: namespaces pages already registered for English stay.
  i18n.addResourceBundle(locale, 'translation', strings, true, false);
}

/** Switches the interface language and remembers it on this device. */
export async function setLocale(locale: LocaleCode): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered on this device; the account's locale still is when signed in.
  }
  await ensureLoaded(locale);
  if (i18n.resolvedLanguage !== locale) await i18n.changeLanguage(locale);
}

function applyDocumentLanguage(locale: string) {
  if (isLocale(locale)) document.documentElement.lang = LOCALE_TAGS[locale];
}

/**
 * Counts follow each language's regional rules: i18next asks Intl for plain `pt`, whose rules are
 * Brazil's (0 is singular, "0 serviço"); Portugal says "0 serviços".
 */
function usePortugalPlurals() {
  const resolver = i18n.services.pluralResolver as { getRule(code: string, options?: object): Intl.PluralRules | undefined };
  const getRule = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options) => getRule(isLocale(code) ? LOCALE_TAGS[code] : code, options);
}

/** Ready to render in the initial language (English is fetched first when that is the one). */
export async function initI18n(locale: LocaleCode = initialLocale()) {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyDocumentLanguage);
    await i18n.use(initReactI18next).init({
      resources: { pt: { translation: pt } },
      lng: 'pt',
      fallbackLng: 'pt',
      fallbackNS: 'translation',
      supportedLngs: LOCALES as LocaleCode[],
      interpolation: { escapeValue: false },
    });
    usePortugalPlurals();
    applyDocumentLanguage('pt');
    for (const [namespace, bundles] of pendingNamespaces.splice(0)) addNamespace(namespace, bundles);
  }
  if (locale !== 'pt') {
    await ensureLoaded(locale);
    await i18n.changeLanguage(locale);
  }
  return i18n;
}
