/** The web console as the development issuer's one client (a public client: PKCE, no secret). */
export const CONSOLE_CLIENT_ID = 'riskledger-console';
export const CONSOLE_SCOPE = 'openid profile';
