import type { Request } from 'express';

/**
 * The origin the browser reached this server at. Behind a proxy, req.protocol honours
 * X-Forwarded-Proto only as far as TRUST_PROXY_HOPS trusts the proxies.
 */
export function originOf(request: Request): string {
  return `${request.protocol}://${request.get('host')}`;
}

/** Whether `uri` is an absolute URL on this server: the issuer redirects nowhere else. */
export function isSameOrigin(request: Request, uri: string): boolean {
  try {
    return new URL(uri).origin === originOf(request);
  } catch {
    return false;
  }
}
