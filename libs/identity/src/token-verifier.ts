import type { Principal } from '@riskledger/domain';
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { grantsOf } from './grant-claims';

export interface ClaimNames {
  /** The claim holding grant strings (see grant-claims.ts). */
  roles: string;
  name: string;
  /** A claim that is true for users cleared for protective-security information. */
  clearance: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = {
  roles: 'roles',
  name: 'name',
  clearance: 'riskledger_cleared',
};

/** Why a bearer token was not accepted; the message is safe to show the caller. */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Only asymmetric algorithms: a shared secret would let every API holder mint tokens. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/** How long a verified token is taken on trust again (never past its expiry). */
const REMEMBER_MS = 60_000;
/** Verified tokens remembered at most; the oldest is forgotten first. */
const MAX_REMEMBERED = 5_000;

/**
 * Checks a bearer token's signature against the issuer's keys, its issuer, audience and expiry,
 * and reads who it speaks for. A token that verified is remembered for a minute (at most until it
 * expires): a client sends the same token with every request, and checking its signature again
 * each time was a large share of the API's CPU. A signature that verified once stays valid; the
 * keys themselves are cached longer than that by jose's key set.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly claims: ClaimNames = DEFAULT_CLAIM_NAMES,
  ) {}

  async verify(token: string): Promise<Principal> {
    const remembered = this.verified.get(token);
    // Principals are read-only, so requests can share one.
    if (remembered && Date.now() < remembered.until) return remembered.principal;
    this.verified.delete(token);
    return this.check(token);
  }

  private async check(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 30,
      }));
    } catch (error) {
      throw new AuthenticationError(reasonFor(error));
    }
    const subject = payload.sub as string;
    const name = payload[this.claims.name];
    const principal: Principal = {
      subject,
      name: typeof name === 'string' && name.trim() ? name.trim() : subject,
      grants: grantsOf(payload[this.claims.roles]),
      cleared: payload[this.claims.clearance] === true,
      validUntil: (payload.exp as number) * 1000,
    };
    if (this.verified.size >= MAX_REMEMBERED) {
      this.verified.delete(this.verified.keys().next().value!);
    }
    const until = Math.min((payload.exp as number) * 1000, Date.now() + REMEMBER_MS);
    this.verified.set(token, { principal, until });
    return principal;
  }
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token was issued by an issuer this API does not trust';
    if (error.claim === 'aud') return 'the token is meant for another audience';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token's ${error.claim} claim is missing or invalid`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'the token signature does not verify';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was signed with an unknown key';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'the token is signed with a refused algorithm';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) {
    if (error instanceof errors.JWKSTimeout)
      return "the identity provider's keys could not be fetched";
    return 'the token is malformed';
  }
  return 'the token is malformed';
}
