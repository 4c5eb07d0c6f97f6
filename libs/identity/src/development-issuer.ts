import type { Grant } from '@riskledger/domain';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { randomUUID, type webcrypto } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { grantClaim } from './grant-claims';
import { DEFAULT_CLAIM_NAMES } from './token-verifier';

export const DEVELOPMENT_ISSUER = 'urn:riskledger:development-issuer';
export const DEVELOPMENT_AUDIENCE = 'riskledger';
/**
 * The audience of the sign-in session statements the issuer keeps in a cookie: distinct from the
 * API's, so that neither kind of token passes for the other.
 */
const SESSION_AUDIENCE = 'urn:riskledger:development-session';
/** Relative to the working directory: the repository root for `npm start`, the tests and `npm run token`. */
export const DEFAULT_DEVELOPMENT_KEY_FILE = '.data/dev-issuer/signing-key.json';

export interface DevelopmentUser {
  subject: string;
  name?: string;
  grants: readonly Grant[];
  cleared?: boolean;
  /** Seconds until the token expires. */
  expiresIn?: number;
}

/**
 * The identity provider `npm start` uses on a developer's machine: an ES256 key pair kept in a
 * file, so that the API and the token command (a separate process) agree on it. Never for
 * production: the configuration refuses development mode there.
 */
export class DevelopmentIssuer {
  private constructor(
    private readonly privateKey: webcrypto.CryptoKey,
    private readonly publicJwk: JWK,
  ) {}

  /** Loads the key pair from the file, creating it on first use. */
  static async load(keyFile: string): Promise<DevelopmentIssuer> {
    const stored = await readKeyFile(keyFile).catch(() => null);
    const jwk = stored ?? (await createKeyFile(keyFile));
    const { d: _private, ...publicJwk } = jwk;
    const privateKey = (await importJWK(jwk, 'ES256')) as webcrypto.CryptoKey;
    return new DevelopmentIssuer(privateKey, { ...publicJwk, alg: 'ES256', use: 'sig' });
  }

  keys(): JWTVerifyGetKey {
    return createLocalJWKSet({ keys: [this.publicJwk] });
  }

  /** The public key set, as an OpenID provider publishes it at its jwks_uri. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** An OpenID Connect id token for a client that signed the user in. */
  async signIdToken(idToken: {
    subject: string;
    name: string;
    clientId: string;
    nonce?: string;
    expiresIn: number;
  }): Promise<string> {
    return this.signed(
      { name: idToken.name, ...(idToken.nonce === undefined ? {} : { nonce: idToken.nonce }) },
      idToken.subject,
      idToken.clientId,
      idToken.expiresIn,
    );
  }

  /** A signed statement of who is signed in, for the issuer's own session cookie. */
  async signSession(
    subject: string,
    statement: Record<string, unknown>,
    expiresIn: number,
  ): Promise<string> {
    return this.signed({ user: statement }, subject, SESSION_AUDIENCE, expiresIn);
  }

  /**
   * The statement of a session this issuer signed and when the session ends (seconds since the
   * epoch), or null for anything else or an expired one.
   */
  async verifySession(session: string): Promise<{ statement: unknown; endsAt: number } | null> {
    try {
      const { payload } = await jwtVerify(session, this.keys(), {
        issuer: DEVELOPMENT_ISSUER,
        audience: SESSION_AUDIENCE,
        algorithms: ['ES256'],
        requiredClaims: ['exp'],
      });
      return { statement: payload.user, endsAt: payload.exp as number };
    } catch {
      return null;
    }
  }

  /** An access token the API accepts: the user's grants, name and clearance. */
  async sign(user: DevelopmentUser): Promise<string> {
    return this.signed(
      {
        name: user.name ?? user.subject,
        [DEFAULT_CLAIM_NAMES.roles]: user.grants.map(grantClaim),
        [DEFAULT_CLAIM_NAMES.clearance]: user.cleared ?? false,
        jti: randomUUID(),
      },
      user.subject,
      DEVELOPMENT_AUDIENCE,
      user.expiresIn ?? 8 * 3600,
    );
  }

  private signed(
    claims: JWTPayload,
    subject: string,
    audience: string,
    expiresIn: number,
  ): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: this.publicJwk.kid })
      .setSubject(subject)
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.privateKey);
  }
}

async function readKeyFile(keyFile: string): Promise<JWK> {
  return JSON.parse(await readFile(keyFile, 'utf8')) as JWK;
}

/** Several processes may start at once: the first link wins and the others read its key. */
async function createKeyFile(keyFile: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID() };
  await mkdir(dirname(keyFile), { recursive: true });
  const draft = `${keyFile}.${process.pid}.${randomUUID()}`;
  await writeFile(draft, JSON.stringify(jwk), { mode: 0o600 });
  try {
    await link(draft, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  return readKeyFile(keyFile);
}
