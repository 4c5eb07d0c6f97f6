/** Pages anyone may open without signing in. */
export const PUBLIC_PATHS = [
  '/logga-in',
  '/utvecklingsinloggning',
  '/tillganglighet',
  '/inloggning/klar',
];
