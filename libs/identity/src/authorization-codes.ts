import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Why a code could not be exchanged, in the form of RFC 6749 §5.2. */
export class TokenRequestError extends Error {
  constructor(
    readonly error: 'invalid_grant' | 'invalid_request',
    description: string,
  ) {
    super(description);
    this.name = 'TokenRequestError';
  }
}

/** What an authorization code stands for until the client exchanges it. */
export interface CodeGrant<User> {
  user: User;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
}

export interface CodeExchange {
  clientId: string;
  redirectUri: string;
  codeVerifier: string;
}

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const LIFETIME_MS = 60_000;
/** A bound on memory: more outstanding codes than a developer's browser tabs ever need. */
const MOST_OUTSTANDING = 10_000;

/**
 * The development issuer's authorization codes: random, single use, valid 60 seconds, kept in
 * memory (a restart signs nobody out: the browser's session cookie signs them in again).
 */
export class AuthorizationCodes<User> {
  private readonly codes = new Map<string, CodeGrant<User> & { expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: CodeGrant<User>): string {
    this.forgetExpired();
    if (this.codes.size >= MOST_OUTSTANDING) {
      const oldest = this.codes.keys().next().value as string;
      this.codes.delete(oldest);
    }
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: this.now() + LIFETIME_MS });
    return code;
  }

  /**
   * The grant behind a code, once: any attempt uses the code up, so that a stolen code cannot be
   * tried against many verifiers (RFC 6749 §10.5).
   */
  redeem(code: string, exchange: CodeExchange): CodeGrant<User> {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.expiresAt <= this.now()) {
      throw new TokenRequestError('invalid_grant', 'the code is unknown, used or expired');
    }
    if (grant.clientId !== exchange.clientId) {
      throw new TokenRequestError('invalid_grant', 'the code was issued to another client_id');
    }
    if (grant.redirectUri !== exchange.redirectUri) {
      throw new TokenRequestError('invalid_grant', 'redirect_uri differs from the authorization');
    }
    if (!CODE_VERIFIER.test(exchange.codeVerifier)) {
      throw new TokenRequestError(
        'invalid_request',
        'code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~',
      );
    }
    if (!matches(s256(exchange.codeVerifier), grant.codeChallenge)) {
      throw new TokenRequestError('invalid_grant', 'code_verifier does not match code_challenge');
    }
    const { expiresAt: _expiresAt, ...issued } = grant;
    return issued;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [code, grant] of this.codes) {
      if (grant.expiresAt <= now) this.codes.delete(code);
    }
  }
}

/** The S256 code challenge of a verifier (RFC 7636 §4.2). */
export function s256(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier).digest('base64url');
}

function matches(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
