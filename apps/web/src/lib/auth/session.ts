import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/** Where the API says the console signs in (the region's identity provider, or the development one). */
export interface SignInConfiguration {
  authority: string;
  clientId: string;
  scope: string;
  developmentIssuer: boolean;
}

export interface Principal {
  subject: string;
  name: string;
  /** Grant strings as the token carries them: `ROLE`, `ROLE:unit=U1;area=A1`. */
  grants: string[];
}

export const SIGN_IN_PATH = '/logga-in';
export const CALLBACK_PATH = '/inloggning/klar';
/** Served by silent-sign-in.html, a page of its own (src/silent-sign-in.ts). */
export const SILENT_CALLBACK_PATH = '/inloggning/tyst';

let manager: UserManager | undefined;
let current: User | null = null;
let configuration: SignInConfiguration | undefined;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signInConfiguration(): SignInConfiguration | undefined {
  return configuration;
}

/**
 * Tokens stay in this page's memory only (never in localStorage): a reload signs in again
 * silently at the identity provider, whose own session remembers the user.
 */
export function configure(config: SignInConfiguration): UserManager {
  configuration = config;
  const origin = window.location.origin;
  manager = new UserManager({
    authority: new URL(config.authority, origin).toString(),
    client_id: config.clientId,
    scope: config.scope,
    response_type: 'code',
    redirect_uri: origin + CALLBACK_PATH,
    silent_redirect_uri: origin + SILENT_CALLBACK_PATH,
    post_logout_redirect_uri: origin + SIGN_IN_PATH + '?utloggad=1',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: true,
    silentRequestTimeoutInSeconds: 5,
    loadUserInfo: false,
    monitorSession: false,
  });
  manager.events.addUserLoaded((user) => setUser(user));
  manager.events.addUserUnloaded(() => setUser(null));
  // Silent renewal keeps a session going while the provider's session lasts; after that, sign-in.
  manager.events.addAccessTokenExpired(() => sessionExpired());
  return manager;
}

let currentPrincipal: Principal | null = null;

function setUser(user: User | null): void {
  current = user && !user.expired ? user : null;
  currentPrincipal = current ? principalOf(current) : null;
  notify();
}

function userManager(): UserManager {
  if (!manager) throw new Error('sign-in is not configured yet');
  return manager;
}

/** A page load: finish a sign-in that returns here, else try the provider's session silently. */
export async function restoreSession(): Promise<string | null> {
  const path = window.location.pathname;
  if (path === CALLBACK_PATH) {
    const user = await userManager().signinRedirectCallback();
    setUser(user);
    const state = user.state as { returnTo?: string } | undefined;
    return state?.returnTo ?? '/';
  }
  try {
    setUser(await userManager().signinSilent());
  } catch {
    setUser(null);
  }
  return null;
}

export function signIn(returnTo: string): Promise<void> {
  return userManager().signinRedirect({ state: { returnTo } });
}

export async function signOut(): Promise<void> {
  const user = current;
  setUser(null);
  await userManager().signoutRedirect({ id_token_hint: user?.id_token });
}

export function accessToken(): string | undefined {
  return current?.access_token;
}

/** Who is signed in (the same object until that changes, as React's external stores need). */
export function principal(): Principal | null {
  return currentPrincipal;
}

function principalOf(user: User): Principal {
  const claims = decodeClaims(user.access_token);
  const roles = claims.roles;
  return {
    subject: String(claims.sub ?? user.profile.sub),
    name: String(claims.name ?? user.profile.name ?? user.profile.sub),
    grants: Array.isArray(roles)
      ? roles.map(String)
      : typeof roles === 'string'
        ? roles.split(' ')
        : [],
  };
}

/** The API refused the token (expired or revoked): back to sign-in, keeping where the user was. */
export function sessionExpired(): void {
  if (!current) return;
  setUser(null);
  expiredListeners.forEach((listener) => listener());
}

const expiredListeners = new Set<() => void>();
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** The token's claims, for display only: the API verifies the token on every request. */
function decodeClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
