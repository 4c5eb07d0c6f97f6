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

/**
 * Checks a bearer token's signature against the issuer's keys, its issuer, audience and expiry,
 * and reads who it speaks for.
 */
export class TokenVerifier {
  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly claims: ClaimNames = DEFAULT_CLAIM_NAMES,
  ) {}

  async verify(token: string): Promise<Principal> {
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
    return {
      subject,
      name: typeof name === 'string' && name.trim() ? name.trim() : subject,
      grants: grantsOf(payload[this.claims.roles]),
      cleared: payload[this.claims.clearance] === true,
    };
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
