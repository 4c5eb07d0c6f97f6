import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionExpired, signOut } from '../lib/auth/session';
import { useRoles, useSession } from '../lib/auth/use-session';
import { chooseLanguage } from '../lib/i18n/i18n';
import { SignInPage } from '../features/sign-in/sign-in-page';
import { LiveStatus } from '../components/live-status';
import { useLiveUpdates } from '../lib/live/use-live-updates';
import { PUBLIC_PATHS } from './public-paths';

/** Who may read the log (the API's log.read). */
const LOG_READERS = ['SECURITY_COORDINATOR', 'INVESTIGATOR'];
/** Who may import risks (risks.write) or units (reference.write). */
const IMPORTERS = ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER', 'ADMINISTRATOR'];

/**
 * The menu. An item with roles shows only to those who hold one of them (who may read what it
 * shows); the API still decides what each may really do.
 */
const NAV: { to: string; key: string; roles?: string[] }[] = [
  { to: '/', key: 'overview' },
  { to: '/mitt-arbete', key: 'myWork' },
  { to: '/risker', key: 'register' },
  { to: '/incidenter', key: 'incidents' },
  { to: '/rapportera', key: 'report' },
  { to: '/mal', key: 'goals' },
  { to: '/sakerhetsberattelse', key: 'annualReport' },
  { to: '/handelselogg', key: 'eventLog', roles: LOG_READERS },
  { to: '/registret-som-det-var', key: 'registerAsOf', roles: LOG_READERS },
  { to: '/integritet', key: 'integrity', roles: LOG_READERS },
  { to: '/importera', key: 'import', roles: IMPORTERS },
  { to: '/sakerhetsomraden', key: 'securityAreas', roles: ['ADMINISTRATOR'] },
  { to: '/organisationen', key: 'organisation', roles: ['ADMINISTRATOR'] },
  { to: '/riskmatriser', key: 'riskMatrices', roles: ['ADMINISTRATOR'] },
  { to: '/rapporteringsskyldigheter', key: 'reportingObligations', roles: ['ADMINISTRATOR'] },
  { to: '/avvisade-meddelanden', key: 'deadLetters', roles: ['ADMINISTRATOR'] },
];

export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const roles = useRoles();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [expired, setExpired] = useState(false);
  const live = useLiveUpdates(!!session);
  // On a phone the menu folds behind one button, so that the page starts on the first screen.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => onSessionExpired(() => setExpired(true)), []);
  useEffect(() => {
    if (session) setExpired(false);
  }, [session]);
  const isPublic = PUBLIC_PATHS.includes(pathname);
  const other = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            {t('common.appName')}
          </Link>
          <span className="brand-tagline">{t('common.tagline')}</span>
        </div>
        <div className="header-tools">
          <button
            type="button"
            className="link-button"
            lang={other}
            aria-label={t('common.language.switchToLabel')}
            onClick={() => void chooseLanguage(other)}
          >
            {t('common.language.switchTo')}
          </button>
          {session && (
            <div className="session">
              <span className="session-name">
                {t('common.session.signedInAs', { name: session.name })}
              </span>
              <span className="session-roles">
                {roles.map((role) => t(`common.roles.${role}`, { defaultValue: role })).join(', ')}
              </span>
              <button type="button" className="link-button" onClick={() => void signOut()}>
                {t('common.session.signOut')}
              </button>
            </div>
          )}
        </div>
        {session && (
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('common.nav.menu')}
          </button>
        )}
        {session && (
          <nav
            id="main-nav"
            aria-label={t('common.nav.label')}
            className={menuOpen ? 'main-nav open' : 'main-nav'}
          >
            <ul>
              {NAV.filter(
                (item) => !item.roles || item.roles.some((role) => roles.includes(role)),
              ).map((item) => (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    activeOptions={{ exact: item.to === '/' }}
                    activeProps={{ 'aria-current': 'page', className: 'active' }}
                  >
                    {t(`common.nav.${item.key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {session && <LiveStatus live={live} />}
        {session || isPublic ? <Outlet /> : <SignInPage expired={expired} />}
      </main>
      <footer className="site-footer">
        <Link to="/tillganglighet">{t('common.nav.accessibility')}</Link>
      </footer>
    </>
  );
}
