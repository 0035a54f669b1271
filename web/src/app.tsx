// The shell: header with the app name, the sections the user's role can use, the account menu and the
// language switch; the current page; a footer with the server's version. The chosen language is kept in
// localStorage.
//
// At start-up the app asks the server for the session (GET /auth/session). Without one, every address
// shows the login page and keeps its hash, so after logging in the user lands where they were — also when
// a session expires mid-work (any 401). Logging out returns to the start page, so the next person at a
// shared tablet does not open on the previous one's screen.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, onUnauthenticated, setCsrfToken, type ApiError, type SessionInfo, type SessionUser } from './api';
import {
  SessionContext, canAdminister, canManageBeds, canManageSites, canPlaceGroups, canSeeArrivals, canSeeDashboard, canUsePersons, forgetAccessReasons, useSession, type Session,
} from './auth';
import { enumLabel } from './format';
import { I18nContext, LOCALES, loadLocale, makeI18n, saveLocale, useI18n, type Locale } from './i18n';
import { toApiError } from './load';
import { href, navigate, useRoute, NO_AUDIT_FILTERS, type Route } from './router';
import { AccountPage } from './pages/account_page';
import { AuditPage } from './pages/audit_page';
import { BatchesPage } from './pages/batches_page';
import { BedBoardPage } from './pages/bed_board_page';
import { DashboardPage } from './pages/dashboard_page';
import { DirectoryPage } from './pages/directory_page';
import { ForbiddenPage } from './pages/forbidden_page';
import { IntakePage } from './pages/intake_page';
import { LoginPage, type LoginReason } from './pages/login_page';
import { NetworkPage } from './pages/network_page';
import { NotFoundPage } from './pages/not_found_page';
import { PersonPage } from './pages/person_page';
import { PersonsPage } from './pages/persons_page';
import { PlacementPage } from './pages/placement_page';
import { ReferralsInboxPage } from './pages/referrals_inbox_page';
import { SiteFormPage } from './pages/site_form_page';
import { SitePage } from './pages/site_page';
import { SitesPage } from './pages/sites_page';
import { TracingPage } from './pages/tracing_page';
import { UsersPage } from './pages/users_page';
import { LegalAgendaPage } from './pages/legal_appointments';
import { LegalCasePage } from './pages/legal_case_page';
import { LegalCasesPage } from './pages/legal_cases_page';
import { LegalOverduePage } from './pages/legal_overdue_page';
import { canAssignCases, canSeeCases } from './legal_api';
import { SimulationPage } from './pages/simulation_page';
import { canRunSimulations } from './simulation_api';
import { ErrorNotice, Loading } from './components/ui';

type Section = 'dashboard' | 'directory' | 'persons' | 'intake' | 'tracing' | 'sites' | 'beds' | 'placement' | 'legal' | 'legalOverdue' | 'simulation' | 'users' | 'audit' | 'account';

function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'persons':
    case 'person':
      return 'persons';
    case 'intake':
      return 'intake';
    case 'tracing':
      return 'tracing';
    case 'dashboard':
      return 'dashboard';
    case 'directory':
    case 'referralsInbox':
      return 'directory';
    case 'batches':
      return 'sites';
    case 'sites':
    case 'siteNew':
    case 'site':
    case 'siteEdit':
      return 'sites';
    case 'board':
    case 'network':
      return 'beds';
    case 'placement':
      return 'placement';
    case 'legalCases':
    case 'legalAgenda':
    case 'legalCase':
      return 'legal';
    case 'legalOverdue':
      return 'legalOverdue';
    case 'simulation':
      return 'simulation';
    case 'users':
      return 'users';
    case 'audit':
      return 'audit';
    case 'account':
      return 'account';
    case 'home':
    case 'notFound':
      return null;
  }
}

// The first page of each role: people for those who register and look after them, the audit trail for
// the administrator, the dashboard for analysts, their cases for lawyers, the site list for everyone else.
export function homeRoute(user: SessionUser): Route {
  if (canUsePersons(user)) return { name: 'persons', q: '', offset: 0 };
  if (canAdminister(user)) return { name: 'audit', filters: NO_AUDIT_FILTERS, offset: 0 };
  if (canSeeDashboard(user)) return { name: 'dashboard' };
  if (user.role === 'lawyer') return { name: 'legalCases' };
  return { name: 'sites' };
}

// Whether the user's role may open `route`; the server refuses the rest anyway.
function allowed(route: Route, user: SessionUser): boolean {
  switch (route.name) {
    case 'persons':
    case 'person':
    case 'intake':
    case 'tracing':
      return canUsePersons(user);
    case 'siteNew':
    case 'siteEdit':
      return canManageSites(user);
    case 'board':
      return canManageBeds(user, route.id);
    case 'batches':
      return canSeeArrivals(user, route.id);
    case 'dashboard':
      return canSeeDashboard(user);
    case 'placement':
      return canPlaceGroups(user);
    case 'legalCases':
    case 'legalAgenda':
    case 'legalCase':
      return canSeeCases(user);
    case 'legalOverdue':
      return canAssignCases(user);
    case 'simulation':
      return canRunSimulations(user);
    case 'users':
    case 'audit':
      return canAdminister(user);
    case 'home':
    case 'sites':
    case 'site':
    case 'network':
    case 'directory':
    case 'referralsInbox':
    case 'account':
    case 'notFound':
      return true;
  }
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return null; // resolved by the app before it gets here
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
    case 'board':
      return <BedBoardPage key={route.id} id={route.id} />;
    case 'network':
      return <NetworkPage />;
    case 'placement':
      return <PlacementPage />;
    case 'tracing':
      return <TracingPage />;
    case 'batches':
      return <BatchesPage key={route.id} id={route.id} date={route.date} batch={route.batch} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'directory':
      return <DirectoryPage />;
    case 'referralsInbox':
      return <ReferralsInboxPage />;
    case 'legalCases':
      return <LegalCasesPage />;
    case 'legalAgenda':
      return <LegalAgendaPage />;
    case 'legalCase':
      return <LegalCasePage key={route.id} id={route.id} />;
    case 'legalOverdue':
      return <LegalOverduePage />;
    case 'simulation':
      return <SimulationPage />;
    case 'account':
      return <AccountPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage filters={route.filters} offset={route.offset} />;
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

// The user's name and role; opens a small panel with the account page link and "log out".
function AccountMenu({ section }: { section: Section | null }) {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: Event) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    const onHash = () => setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', onHash);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
    };
  }, [open]);

  const onLogout = async () => {
    setLeaving(true);
    setFailure(null);
    try {
      await logout();
    } catch (cause) {
      setFailure(toApiError(cause));
      setLeaving(false);
    }
  };

  const name = user.display_name || user.username;
  return (
    <div class="account" ref={root}>
      <button
        ref={toggle}
        type="button"
        class="account__toggle"
        aria-expanded={open}
        aria-controls="account-panel"
        aria-current={section === 'account' ? 'page' : undefined}
        data-testid="account-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <span class="visually-hidden">{t('account.menu')}: </span>
        <span class="account__name" data-testid="account-name">{name}</span>
        <span class="account__role" data-testid="account-role">{enumLabel(t, 'role', user.role)}</span>
      </button>
      {open && (
        <div id="account-panel" class="account__panel" data-testid="account-panel">
          <p class="account__who">
            <strong>{name}</strong>
            <span class="account__meta">{user.username} · {enumLabel(t, 'role', user.role)}</span>
          </p>
          <a class="button button--secondary" href={href({ name: 'account' })} data-testid="account-open">
            {t('account.open')}
          </a>
          <button type="button" class="button" disabled={leaving} onClick={onLogout} data-testid="logout">
            {leaving ? t('account.loggingOut') : t('account.logout')}
          </button>
          {failure && <ErrorNotice error={failure} testId="logout-error" />}
        </div>
      )}
    </div>
  );
}

function Header({ section, user, home }: { section: Section | null; user: SessionUser | null; home: Route }) {
  const { t } = useI18n();
  const links: { section: Section; route: Route; label: string; shown: boolean }[] = user ? [
    { section: 'dashboard', route: { name: 'dashboard' }, label: t('nav.dashboard'), shown: canSeeDashboard(user) },
    { section: 'persons', route: { name: 'persons', q: '', offset: 0 }, label: t('nav.persons'), shown: canUsePersons(user) },
    { section: 'intake', route: { name: 'intake' }, label: t('nav.intake'), shown: canUsePersons(user) },
    { section: 'tracing', route: { name: 'tracing' }, label: t('nav.tracing'), shown: canUsePersons(user) },
    { section: 'sites', route: { name: 'sites' }, label: t('nav.sites'), shown: true },
    { section: 'beds', route: { name: 'network' }, label: t('nav.beds'), shown: true },
    { section: 'directory', route: { name: 'directory' }, label: t('nav.directory'), shown: true },
    { section: 'placement', route: { name: 'placement' }, label: t('nav.placement'), shown: canPlaceGroups(user) },
    { section: 'legal', route: { name: 'legalCases' }, label: t('nav.legal'), shown: canSeeCases(user) },
    { section: 'legalOverdue', route: { name: 'legalOverdue' }, label: t('nav.legalOverdue'), shown: canAssignCases(user) },
    { section: 'simulation', route: { name: 'simulation' }, label: t('nav.simulation'), shown: canRunSimulations(user) },
    { section: 'users', route: { name: 'users' }, label: t('nav.users'), shown: canAdminister(user) },
    { section: 'audit', route: { name: 'audit', filters: NO_AUDIT_FILTERS, offset: 0 }, label: t('nav.audit'), shown: canAdminister(user) },
  ] : [];
  return (
    <header class="header">
      <a class="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('a11y.skip')}
      </a>
      <div class="header__inner">
        <a class="brand" href={href(home)} data-testid="brand">
          <span class="brand__name">{t('app.name')}</span>
          <span class="brand__tagline">{t('app.tagline')}</span>
        </a>
        {user && (
          <nav class="nav" aria-label={t('nav.label')}>
            {links.filter((link) => link.shown).map((link) => (
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
        )}
        {user && <AccountMenu section={section} />}
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

type AuthState =
  | { status: 'checking' }
  | { status: 'error'; error: ApiError }
  | { status: 'anonymous'; reason: LoginReason }
  | { status: 'in'; user: SessionUser };

function useAuth() {
  const [auth, setAuth] = useState<AuthState>({ status: 'checking' });
  // The last user who was logged in on this page: break-glass reasons are theirs only.
  const lastUserId = useRef<number | null>(null);

  const enter = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrf_token);
    if (lastUserId.current !== info.user.id) forgetAccessReasons();
    lastUserId.current = info.user.id;
    setAuth({ status: 'in', user: info.user });
  }, []);

  const check = useCallback(() => {
    setAuth({ status: 'checking' });
    api.session().then(enter, (cause) => {
      const error = toApiError(cause);
      setAuth(error.status === 401 ? { status: 'anonymous', reason: 'start' } : { status: 'error', error });
    });
  }, [enter]);

  useEffect(() => {
    check();
    // A 401 from any call: the session expired or was ended elsewhere. The hash stays, so the user comes
    // back to the same page after logging in again.
    onUnauthenticated(() => {
      setCsrfToken(null);
      setAuth((previous) => (previous.status === 'in' ? { status: 'anonymous', reason: 'expired' } : previous));
    });
    return () => onUnauthenticated(null);
  }, [check]);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch (cause) {
      // Already expired is as good as logged out; anything else (no network) leaves the session alive,
      // and pretending otherwise would leave it open on a shared tablet.
      if (toApiError(cause).status !== 401) throw cause;
    }
    setCsrfToken(null);
    forgetAccessReasons();
    lastUserId.current = null;
    navigate({ name: 'home' }, { replace: true });
    setAuth({ status: 'anonymous', reason: 'loggedOut' });
  }, []);

  return { auth, enter, check, logout };
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(loadLocale);
  const route = useRoute();
  const { auth, enter, check, logout } = useAuth();
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

  const user = auth.status === 'in' ? auth.user : null;
  const session = useMemo<Session | null>(() => (user ? { user, logout } : null), [user, logout]);
  const effective = user && route.name === 'home' ? homeRoute(user) : route;

  let content;
  if (auth.status === 'checking') {
    content = <section class="page"><Loading /></section>;
  } else if (auth.status === 'error') {
    content = <section class="page"><ErrorNotice error={auth.error} onRetry={check} testId="session-error" /></section>;
  } else if (auth.status === 'anonymous') {
    content = <LoginPage reason={auth.reason} onLoggedIn={enter} />;
  } else if (user && !allowed(effective, user)) {
    content = <ForbiddenPage home={homeRoute(user)} />;
  } else {
    content = <Page route={effective} />;
  }

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <Header section={user ? sectionOf(effective) : null} user={user} home={user ? homeRoute(user) : { name: 'home' }} />
        <main id="main" class="main" tabIndex={-1}>
          {content}
        </main>
        <Footer />
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}
