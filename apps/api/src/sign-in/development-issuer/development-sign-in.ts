import { Injectable } from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { isRole, type Role } from '@riskledger/domain';
import {
  AuthorizationCodes,
  DevelopmentIssuer,
  TokenRequestError,
  type CodeExchange,
} from '@riskledger/identity';
import { CONSOLE_SCOPE } from './console-client';
import type { AuthorizationRequest, DevelopmentUserRequest } from './authorization.request.dto';
import type { TokenResponse } from './token.response';

const SUPPORTED_SCOPES = CONSOLE_SCOPE.split(' ');
const DEFAULT_SESSION_MINUTES = 480;

/** Who signed in at the development sign-in page, for as long as their session lasts. */
interface SignedInUser {
  subject: string;
  name: string;
  role: Role;
  units: string[] | null;
  areas: string[] | null;
  cleared: boolean;
}

interface CodeUser {
  user: SignedInUser;
  scope: string;
  /** Seconds since the epoch: tokens never outlive the session they came from. */
  sessionEndsAt: number;
}

/**
 * The development issuer as a tiny OpenID provider, so that the console signs in locally along
 * the same code path (authorization code + PKCE) as at the region's identity provider. The
 * "password" is the choice of user on the development sign-in page: for local use only, and
 * switched off with AUTH_MODE=oidc (the configuration refuses development mode in production).
 */
@Injectable()
export class DevelopmentSignIn {
  private loaded?: Promise<DevelopmentIssuer>;
  private readonly codes = new AuthorizationCodes<CodeUser>();

  constructor(private readonly config: AppConfig) {}

  /** Loaded on first use: in oidc mode the key file is never read or created. */
  issuer(): Promise<DevelopmentIssuer> {
    this.loaded ??= DevelopmentIssuer.load(this.config.DEV_ISSUER_KEY_FILE);
    return this.loaded;
  }

  /** Signs the user in: a code for the client, and the session statement for the cookie. */
  async signIn(
    request: AuthorizationRequest,
    person: DevelopmentUserRequest,
  ): Promise<{ location: string; session: string; sessionSeconds: number }> {
    const user: SignedInUser = {
      subject: person.subject,
      name: person.name,
      role: person.role as Role,
      units: person.units ?? null,
      areas: person.areas ?? null,
      cleared: person.cleared,
    };
    const sessionSeconds = Math.round((person.sessionMinutes ?? DEFAULT_SESSION_MINUTES) * 60);
    const session = await (
      await this.issuer()
    ).signSession(user.subject, { ...user }, sessionSeconds);
    const location = this.redirectWithCode(request, user, nowSeconds() + sessionSeconds);
    return { location, session, sessionSeconds };
  }

  /** prompt=none: a code for whoever the session cookie names, or login_required. */
  async signInSilently(
    request: AuthorizationRequest,
    session: string | undefined,
  ): Promise<string> {
    const verified = session ? await (await this.issuer()).verifySession(session) : null;
    const user = verified ? signedInUserOf(verified.statement) : null;
    if (!verified || !user) {
      return redirectTo(request.redirect_uri, { error: 'login_required', state: request.state });
    }
    return this.redirectWithCode(request, user, verified.endsAt);
  }

  async exchange(code: string, exchange: CodeExchange): Promise<TokenResponse> {
    const { user: signedIn, nonce } = this.codes.redeem(code, exchange);
    const { user, scope, sessionEndsAt } = signedIn;
    const expiresIn = sessionEndsAt - nowSeconds();
    if (expiresIn <= 0) throw new TokenRequestError('invalid_grant', 'the session has ended');
    const issuer = await this.issuer();
    const grants = [{ role: user.role, units: user.units, areas: user.areas }];
    return {
      access_token: await issuer.sign({ ...user, grants, expiresIn }),
      id_token: await issuer.signIdToken({
        subject: user.subject,
        name: user.name,
        clientId: exchange.clientId,
        nonce,
        expiresIn,
      }),
      token_type: 'Bearer',
      expires_in: expiresIn,
      scope,
    };
  }

  private redirectWithCode(
    request: AuthorizationRequest,
    user: SignedInUser,
    sessionEndsAt: number,
  ): string {
    const code = this.codes.issue({
      user: { user, scope: grantedScope(request.scope), sessionEndsAt },
      clientId: request.client_id,
      redirectUri: request.redirect_uri,
      codeChallenge: request.code_challenge,
      nonce: request.nonce,
    });
    return redirectTo(request.redirect_uri, { code, state: request.state });
  }
}

/** `uri` with these parameters added to its query (those without a value left out). */
export function redirectTo(uri: string, parameters: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

/** The scopes asked for that the issuer knows; openid is always granted. */
function grantedScope(requested: string | undefined): string {
  const asked = (requested ?? CONSOLE_SCOPE).split(' ').filter((s) => SUPPORTED_SCOPES.includes(s));
  return [...new Set(['openid', ...asked])].join(' ');
}

/** The issuer signed the statement itself; it is still read as untrusted shape. */
function signedInUserOf(statement: unknown): SignedInUser | null {
  if (typeof statement !== 'object' || statement === null) return null;
  const { subject, name, role, units, areas, cleared } = statement as Record<string, unknown>;
  const list = (value: unknown) =>
    value === null || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
  if (typeof subject !== 'string' || typeof name !== 'string') return null;
  if (typeof role !== 'string' || !isRole(role) || typeof cleared !== 'boolean') return null;
  if (!list(units) || !list(areas)) return null;
  return {
    subject,
    name,
    role,
    units: units as string[] | null,
    areas: areas as string[] | null,
    cleared,
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
