import { useTranslation } from 'react-i18next';
import '@/features/home/home-strings';
import { PageHeader } from '@/components/page-header';
import { dayPart, formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import type { Principal } from '@/features/auth/api/get-session';

const GREETING = { morning: 'greetingMorning', afternoon: 'greetingAfternoon', evening: 'greetingEvening' } as const;

/** "Good morning, Helena" with today's Lisbon date above it. */
export function GreetingHeader({ principal, lead }: { principal: Principal; lead?: string }) {
  const { t } = useTranslation('home');
  const now = Date.now();
  const firstName = principal.name.trim().split(/\s+/)[0] ?? principal.name;
  return (
    <PageHeader
      eyebrow={<span className="capitalize-first">{formatDate(now, currentLocale(), 'full')}</span>}
      title={t(GREETING[dayPart(now)], { name: firstName })}
      lead={lead}
    />
  );
}
