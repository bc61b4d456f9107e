import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '@/components/icon';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Logo } from '@/components/logo';
import { useDocumentTitle } from '@/components/page-header';
import { SignInPanel, type SignInPanelProps } from '@/features/auth/components/sign-in-panel';
import { useBusiness } from '@/lib/business';
import { currentLocale, setLocale } from '@/lib/i18n';
import type { en } from '@/locales/en';
import './landing-page.css';
import { formatPhone } from '@/lib/format';

type LandingKey = `landing.${keyof typeof en.landing}`;

const SERVICES: { icon: IconName; title: LandingKey; text: LandingKey; points: LandingKey[] }[] = [
  {
    icon: 'washer',
    title: 'landing.laundryTitle',
    text: 'landing.laundryText',
    points: ['landing.laundryPoint1', 'landing.laundryPoint2', 'landing.laundryPoint3'],
  },
  {
    icon: 'sparkles',
    title: 'landing.cleaningTitle',
    text: 'landing.cleaningText',
    points: ['landing.cleaningPoint1', 'landing.cleaningPoint2', 'landing.cleaningPoint3'],
  },
];

const STEPS: { title: LandingKey; text: LandingKey }[] = [
  { title: 'landing.step1Title', text: 'landing.step1Text' },
  { title: 'landing.step2Title', text: 'landing.step2Text' },
  { title: 'landing.step3Title', text: 'landing.step3Text' },
];

/** A band of the landing page: its heading (and lead) over its content; "tinted" on the page's grey. */
function LandingSection({ id, title, lead, tinted = false, children }: { id: string; title?: string; lead?: string; tinted?: boolean; children: ReactNode }) {
  return (
    <section id={id} className={tinted ? 'landing-section landing-section--tinted' : 'landing-section'} aria-labelledby={`${id}-title`}>
      <div className="landing-container">
        {title ? (
          <div className="landing-section__header stack gap-3">
            <h2 id={`${id}-title`} className="page-header__title">
              {title}
            </h2>
            {lead ? <p className="landing-section__lead muted">{lead}</p> : null}
          </div>
        ) : null}
        {children}
      </div>
    </section>
  );
}

/**
 * The business's public page with the sign-in panel. It knows nothing of the router nor the query
 * cache: it is the whole of the first load for a visitor (see `main.tsx`), and inside the app the
 * landing route (`landing-route.tsx`) gives it the session handling.
 */
export function LandingPage({ onSignedIn, navigate }: SignInPanelProps) {
  const { t } = useTranslation();
  const business = useBusiness();
  useDocumentTitle(t('landing.title'));
  // The address, a line each.
  const address = (business?.address ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join('\n');

  return (
    <div className="landing">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="landing-header">
        <div className="landing-container landing-header__inner cluster gap-6">
          <a href="/" className="logo-link" aria-label={business?.name ?? t('app.name')}>
            <Logo inverted />
          </a>
          <nav className="landing-header__nav cluster gap-1" aria-label={t('landing.navLabel')}>
            <a href="#services">{t('landing.navServices')}</a>
            <a href="#how">{t('landing.navHow')}</a>
            <a href="#contact">{t('landing.navContact')}</a>
          </nav>
          <div className="landing-header__actions cluster">
            <LanguageSwitcher value={currentLocale()} onChange={(locale) => void setLocale(locale)} tone="dark" />
            <a href="#sign-in" className="btn btn--sm landing-header__sign-in">
              {t('landing.signIn')}
            </a>
          </div>
        </div>
      </header>

      <main id="main" tabIndex={-1}>
        <section className="hero" aria-labelledby="hero-title">
          <div className="landing-container hero__grid">
            <div className="hero__copy stack">
              <p className="hero__eyebrow">{t('landing.eyebrow')}</p>
              <h1 id="hero-title" className="hero__title">
                {t('landing.heading')}
              </h1>
              <p className="hero__lead">{t('landing.lead')}</p>
              <ul role="list" className="hero__points stack gap-3">
                {(['landing.pointTrack', 'landing.pointPhotos', 'landing.pointPay'] as const).map((key) => (
                  <li key={key}>
                    <span className="icon-tile hero__check">
                      <Icon name="check" size={16} />
                    </span>
                    {t(key)}
                  </li>
                ))}
              </ul>
            </div>
            <div id="sign-in" className="hero__panel">
              <SignInPanel onSignedIn={onSignedIn} navigate={navigate} />
            </div>
          </div>
        </section>

        <LandingSection id="services" title={t('landing.servicesTitle')} lead={t('landing.servicesLead')}>
          <div className="services">
            {SERVICES.map((service) => (
              <article key={service.title} className="service card stack gap-3">
                <div className="icon-tile service__icon">
                  <Icon name={service.icon} size={28} />
                </div>
                <h3 className="text-xl">{t(service.title)}</h3>
                <p className="muted">{t(service.text)}</p>
                <ul role="list" className="service__points stack gap-2">
                  {service.points.map((point) => (
                    <li key={point}>
                      <Icon name="check" size={18} />
                      {t(point)}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
        </LandingSection>

        <LandingSection id="how" title={t('landing.howTitle')} tinted>
          <ol role="list" className="steps">
            {STEPS.map((step, index) => (
              <li key={step.title} className="step card stack gap-2">
                <span className="icon-tile step__number" aria-hidden="true">
                  {index + 1}
                </span>
                <h3 className="card__title">{t(step.title)}</h3>
                <p className="muted">{t(step.text)}</p>
              </li>
            ))}
          </ol>
        </LandingSection>

        <LandingSection id="contact">
          <div className="contact card">
            <div className="contact__intro stack gap-4">
              <h2 id="contact-title" className="page-header__title">
                {t('landing.contactTitle')}
              </h2>
              <p className="landing-section__lead muted">{t('landing.contactLead')}</p>
              <div className="cluster">
                {business?.phone ? (
                  <a href={`tel:${business.phone}`} className="btn btn--primary">
                    <Icon name="phone" size={18} />
                    {formatPhone(business.phone)}
                  </a>
                ) : null}
                {business?.email ? (
                  <a href={`mailto:${business.email}`} className="btn btn--secondary">
                    <Icon name="mail" size={18} />
                    {business.email}
                  </a>
                ) : null}
              </div>
            </div>
            <dl className="contact__details stack">
              {address ? (
                <div className="stack gap-1">
                  <dt className="cluster gap-2 muted text-sm strong">
                    <Icon name="mapPin" size={18} />
                    {t('landing.address')}
                  </dt>
                  <dd className="strong user-text" data-testid="business-address" translate="no">
                    {address}
                  </dd>
                </div>
              ) : null}
              <div className="stack gap-1">
                <dt className="cluster gap-2 muted text-sm strong">
                  <Icon name="clock" size={18} />
                  {t('landing.hours')}
                </dt>
                <dd className="strong">{t('landing.hoursValue')}</dd>
              </div>
            </dl>
          </div>
        </LandingSection>
      </main>

      <footer className="landing-footer muted text-sm">
        <div className="landing-container cluster cluster--spread gap-4">
          <Logo size={28} />
          <p>{t('landing.footer', { year: new Date().getFullYear(), name: business?.name ?? t('app.name') })}</p>
        </div>
      </footer>
    </div>
  );
}
