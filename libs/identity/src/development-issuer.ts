import type { Grant } from '@riskledger/domain';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { randomUUID, type webcrypto } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { grantClaim } from './grant-claims';
import { DEFAULT_CLAIM_NAMES } from './token-verifier';

export const DEVELOPMENT_ISSUER = 'urn:riskledger:development-issuer';
export const DEVELOPMENT_AUDIENCE = 'riskledger';
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

  async sign(user: DevelopmentUser): Promise<string> {
    return new SignJWT({
      name: user.name ?? user.subject,
      [DEFAULT_CLAIM_NAMES.roles]: user.grants.map(grantClaim),
      [DEFAULT_CLAIM_NAMES.clearance]: user.cleared ?? false,
    })
      .setProtectedHeader({ alg: 'ES256', kid: this.publicJwk.kid })
      .setSubject(user.subject)
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEVELOPMENT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${user.expiresIn ?? 8 * 3600}s`)
      .setJti(randomUUID())
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
