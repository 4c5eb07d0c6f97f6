import type { Provider } from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import {
  DEVELOPMENT_AUDIENCE,
  DEVELOPMENT_ISSUER,
  DevelopmentIssuer,
  TokenVerifier,
} from '@riskledger/identity';
import { createRemoteJWKSet } from 'jose';

/** The verifier for the configured identity provider: the region's OIDC issuer, or the built-in one. */
export const tokenVerifierProvider: Provider = {
  provide: TokenVerifier,
  inject: [AppConfig],
  useFactory: async (config: AppConfig) => {
    const claims = {
      roles: config.OIDC_ROLES_CLAIM,
      name: config.OIDC_NAME_CLAIM,
      clearance: config.OIDC_CLEARANCE_CLAIM,
    };
    if (config.AUTH_MODE === 'oidc') {
      const keys = createRemoteJWKSet(new URL(config.OIDC_JWKS_URL as string), {
        timeoutDuration: 5000,
        cooldownDuration: 30000,
      });
      return new TokenVerifier(
        keys,
        config.OIDC_ISSUER as string,
        config.OIDC_AUDIENCE as string,
        claims,
      );
    }
    const issuer = await DevelopmentIssuer.load(config.DEV_ISSUER_KEY_FILE);
    return new TokenVerifier(issuer.keys(), DEVELOPMENT_ISSUER, DEVELOPMENT_AUDIENCE, claims);
  },
};
