// The shell: header with the app name, the three sections and the language switch; the current page; a
// footer with the server's version. The chosen language is kept in localStorage.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from './api';
import { I18nContext, LOCALES, loadLocale, makeI18n, saveLocale, useI18n, type Locale } from './i18n';
import { href, useRoute, type Route } from './router';
import { IntakePage } from './pages/intake_page';
import { NotFoundPage } from './pages/not_found_page';
import { PersonPage } from './pages/person_page';
import { PersonsPage } from './pages/persons_page';
import { SiteFormPage } from './pages/site_form_page';
import { SitePage } from './pages/site_page';
import { SitesPage } from './pages/sites_page';

type Section = 'persons' | 'intake' | 'sites';

function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'persons':
    case 'person':
      return 'persons';
    case 'intake':
      return 'intake';
    case 'sites':
    case 'siteNew':
    case 'site':
    case 'siteEdit':
      return 'sites';
    case 'notFound':
      return null;
  }
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'persons':
      return <PersonsPage q={route.q} offset={route.offset} />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'intake':
      return <IntakePage />;
    case 'sites':
      return <SitesPage />;
    case 'siteNew':
      return <SiteFormPage />;
    case 'site':
      return <SitePage key={route.id} id={route.id} />;
    case 'siteEdit':
      return <SiteFormPage key={route.id} id={route.id} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((entry) => (
        <button
          type="button"
          key={entry.code}
          lang={entry.code}
          class="lang-switch__option"
          aria-pressed={entry.code === locale}
          data-testid={`lang-${entry.code}`}
          onClick={() => setLocale(entry.code)}
        >
          {entry.autonym}
        </button>
      ))}
    </div>
  );
}

function Header({ section }: { section: Section | null }) {
  const { t } = useI18n();
  const links: { section: Section; route: Route; label: string }[] = [
    { section: 'persons', route: { name: 'persons', q: '', offset: 0 }, label: t('nav.persons') },
    { section: 'intake', route: { name: 'intake' }, label: t('nav.intake') },
    { section: 'sites', route: { name: 'sites' }, label: t('nav.sites') },
  ];
  return (
    <header class="header">
      <a class="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('a11y.skip')}
      </a>
      <div class="header__inner">
        <a class="brand" href={href({ name: 'persons', q: '', offset: 0 })} data-testid="brand">
          <span class="brand__name">{t('app.name')}</span>
          <span class="brand__tagline">{t('app.tagline')}</span>
        </a>
        <nav class="nav" aria-label={t('nav.label')}>
          {links.map((link) => (
            <a
              key={link.section}
              class="nav__link"
              href={href(link.route)}
              aria-current={link.section === section ? 'page' : undefined}
              data-testid={`nav-${link.section}`}
            >
              {link.label}
            </a>
          ))}
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}

function Footer() {
  const { t } = useI18n();
  const [version, setVersion] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    api.health().then((health) => setVersion(health.version), () => setVersion(null));
  }, []);
  if (version === undefined) return <footer class="footer" />;
  return (
    <footer class="footer" data-testid="footer">
      {version === null ? t('footer.offline') : `${t('app.name')} · ${t('footer.server', { version })}`}
    </footer>
  );
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(loadLocale);
  const route = useRoute();
  const i18n = useMemo(
    () => makeI18n(locale, (next) => {
      saveLocale(next);
      setLocaleState(next);
    }),
    [locale],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nContext.Provider value={i18n}>
      <Header section={sectionOf(route)} />
      <main id="main" class="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <Footer />
    </I18nContext.Provider>
  );
}
