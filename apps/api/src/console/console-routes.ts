/**
 * The first path segments of the web console's pages (apps/web/src/app/router.tsx). They are
 * Swedish, so that they never collide with the API's own paths on the same origin; a browser
 * test opens every page by its address, so a page missing here fails it.
 */
export const CONSOLE_PAGES = [
  'mitt-arbete',
  'risker',
  'rapportera',
  'incidenter',
  'mal',
  'sakerhetsberattelse',
  'importera',
  'tillganglighet',
  'handelselogg',
  'integritet',
  'avvisade-meddelanden',
  'sakerhetsomraden',
  'organisationen',
  'riskmatriser',
  'rapporteringsskyldigheter',
  'registret-som-det-var',
  'logga-in',
  'inloggning',
  'utvecklingsinloggning',
];
