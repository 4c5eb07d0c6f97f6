import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
} from '@tanstack/react-router';
import { SignInPage } from '../features/sign-in/sign-in-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { searchParams } from '../lib/search-params';

/**
 * The console's pages. Paths are Swedish, the users' language, and never collide with the API's
 * own paths on the same origin (the API serves index.html for exactly these first segments:
 * apps/api/src/console/console-routes.ts).
 */
const root = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });

const dashboardPage = createRoute({
  getParentRoute: () => root,
  path: '/',
  component: lazyRouteComponent(
    () => import('../features/dashboard/dashboard-page'),
    'DashboardPage',
  ),
});
const myWorkPage = createRoute({
  getParentRoute: () => root,
  path: '/mitt-arbete',
  component: lazyRouteComponent(() => import('../features/my-work/my-work-page'), 'MyWorkPage'),
});
const riskRegisterPage = createRoute({
  getParentRoute: () => root,
  path: '/risker',
  validateSearch: searchParams,
  component: lazyRouteComponent(
    () => import('../features/risks/register/register-page'),
    'RiskRegisterPage',
  ),
});
const identifyRiskPage = createRoute({
  getParentRoute: () => root,
  path: '/risker/ny',
  component: lazyRouteComponent(
    () => import('../features/risks/identify/identify-risk-page'),
    'IdentifyRiskPage',
  ),
});
const riskPage = createRoute({
  getParentRoute: () => root,
  path: '/risker/$riskId',
  component: lazyRouteComponent(() => import('../features/risks/risk/risk-page'), 'RiskPage'),
});
const riskHistoryPage = createRoute({
  getParentRoute: () => root,
  path: '/risker/$riskId/historik',
  validateSearch: searchParams,
  component: lazyRouteComponent(
    () => import('../features/risks/history/risk-history-page'),
    'RiskHistoryPage',
  ),
});
const reportIncidentPage = createRoute({
  getParentRoute: () => root,
  path: '/rapportera',
  component: lazyRouteComponent(
    () => import('../features/report-incident/report-incident-page'),
    'ReportIncidentPage',
  ),
});
const incidentsPage = createRoute({
  getParentRoute: () => root,
  path: '/incidenter',
  validateSearch: searchParams,
  component: lazyRouteComponent(
    () => import('../features/incidents/list/incidents-page'),
    'IncidentsPage',
  ),
});
const incidentPage = createRoute({
  getParentRoute: () => root,
  path: '/incidenter/$incidentId',
  component: lazyRouteComponent(
    () => import('../features/incidents/incident/incident-page'),
    'IncidentPage',
  ),
});
const goalsPage = createRoute({
  getParentRoute: () => root,
  path: '/mal',
  validateSearch: searchParams,
  component: lazyRouteComponent(() => import('../features/goals/goals-page'), 'GoalsPage'),
});
const annualReportPage = createRoute({
  getParentRoute: () => root,
  path: '/sakerhetsberattelse',
  validateSearch: searchParams,
  component: lazyRouteComponent(
    () => import('../features/annual-report/annual-report-page'),
    'AnnualReportPage',
  ),
});
const eventLogPage = createRoute({
  getParentRoute: () => root,
  path: '/handelselogg',
  validateSearch: searchParams,
  component: lazyRouteComponent(
    () => import('../features/event-log/event-log-page'),
    'EventLogPage',
  ),
});
const loggedEventPage = createRoute({
  getParentRoute: () => root,
  path: '/handelselogg/$position',
  component: lazyRouteComponent(() => import('../features/event-log/event-page'), 'EventPage'),
});
const registerAsOfPage = createRoute({
  getParentRoute: () => root,
  path: '/registret-som-det-var',
  validateSearch: searchParams,
  component: lazyRouteComponent(
    () => import('../features/register-as-of/register-as-of-page'),
    'RegisterAsOfPage',
  ),
});
const deadLettersPage = createRoute({
  getParentRoute: () => root,
  path: '/avvisade-meddelanden',
  component: lazyRouteComponent(
    () => import('../features/dead-letters/dead-letters-page'),
    'DeadLettersPage',
  ),
});
const securityAreasPage = createRoute({
  getParentRoute: () => root,
  path: '/sakerhetsomraden',
  component: lazyRouteComponent(
    () => import('../features/security-areas/security-areas-page'),
    'SecurityAreasPage',
  ),
});
const reportingObligationsPage = createRoute({
  getParentRoute: () => root,
  path: '/rapporteringsskyldigheter',
  component: lazyRouteComponent(
    () => import('../features/reporting-obligations/reporting-obligations-page'),
    'ReportingObligationsPage',
  ),
});
const organisationPage = createRoute({
  getParentRoute: () => root,
  path: '/organisationen',
  component: lazyRouteComponent(
    () => import('../features/organisation/organisation-page'),
    'OrganisationPage',
  ),
});
const riskMatricesPage = createRoute({
  getParentRoute: () => root,
  path: '/riskmatriser',
  component: lazyRouteComponent(
    () => import('../features/risk-matrices/risk-matrices-page'),
    'RiskMatricesPage',
  ),
});
const integrityPage = createRoute({
  getParentRoute: () => root,
  path: '/integritet',
  component: lazyRouteComponent(
    () => import('../features/integrity/integrity-page'),
    'IntegrityPage',
  ),
});
const importPage = createRoute({
  getParentRoute: () => root,
  path: '/importera',
  component: lazyRouteComponent(() => import('../features/import/import-page'), 'ImportPage'),
});
const accessibilityStatementPage = createRoute({
  getParentRoute: () => root,
  path: '/tillganglighet',
  component: lazyRouteComponent(
    () => import('../features/accessibility/accessibility-statement-page'),
    'AccessibilityStatementPage',
  ),
});
const signInPage = createRoute({
  getParentRoute: () => root,
  path: '/logga-in',
  validateSearch: searchParams,
  component: () => <SignInPage />,
});
const developmentSignInPage = createRoute({
  getParentRoute: () => root,
  path: '/utvecklingsinloggning',
  component: lazyRouteComponent(
    () => import('../features/sign-in/development-sign-in-page'),
    'DevelopmentSignInPage',
  ),
});

const routeTree = root.addChildren([
  dashboardPage,
  myWorkPage,
  riskRegisterPage,
  identifyRiskPage,
  riskPage,
  riskHistoryPage,
  reportIncidentPage,
  incidentsPage,
  incidentPage,
  goalsPage,
  annualReportPage,
  eventLogPage,
  loggedEventPage,
  registerAsOfPage,
  integrityPage,
  deadLettersPage,
  securityAreasPage,
  organisationPage,
  riskMatricesPage,
  reportingObligationsPage,
  importPage,
  accessibilityStatementPage,
  signInPage,
  developmentSignInPage,
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
