import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@riskledger/config';
import helmet from 'helmet';

/**
 * Browser-facing protections: security headers, and cross-origin calls only from the origins the
 * region lists (none by default; the API is called by servers and by the region's own front end).
 * Behind reverse proxies, the client address (which the rate limit counts by) is taken from
 * X-Forwarded-For, as many hops back as there are proxies, and never further.
 */
export function harden(app: INestApplication): void {
  const config = app.get(AppConfig);
  if (config.TRUST_PROXY_HOPS > 0) {
    (app as NestExpressApplication).set('trust proxy', config.TRUST_PROXY_HOPS);
  }
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(config) } }));
  app.enableCors(
    config.corsOrigins.length === 0
      ? { origin: false }
      : {
          origin: config.corsOrigins,
          methods: ['GET', 'POST', 'PUT', 'DELETE'],
          allowedHeaders: [
            'Authorization',
            'Content-Type',
            'If-Match',
            'X-Correlation-Id',
            'X-Causation-Id',
          ],
          exposedHeaders: [
            'ETag',
            'Link',
            'Location',
            'X-Request-Id',
            'X-Correlation-Id',
            'Retry-After',
          ],
          credentials: false,
          maxAge: 600,
        },
  );
}

/**
 * Helmet's defaults (scripts from this origin only: the console's bundle, Swagger UI's files; no
 * inline script, no plugins, no framing by others), plus the region's identity provider where the
 * console's sign-in needs it: discovery and token requests (connect-src), silent renewal in a
 * hidden iframe (frame-src) and sign-in forms that post there (form-action). In development mode
 * the issuer is this origin, which 'self' covers already; and the API is reached over plain http
 * there, where upgrading requests to https would break every page (Safari upgrades even
 * localhost), so that one default is left out.
 */
function contentSecurityPolicy(config: AppConfig): Record<string, string[] | null> {
  const provider =
    config.AUTH_MODE === 'oidc' ? [new URL(config.OIDC_ISSUER as string).origin] : [];
  return {
    'script-src': ["'self'"],
    'connect-src': ["'self'", ...provider],
    'frame-src': ["'self'", ...provider],
    'form-action': ["'self'", ...provider],
    'upgrade-insecure-requests': config.AUTH_MODE === 'oidc' ? [] : null,
  };
}
