import type { Grant } from '@riskledger/domain';
import { DEFAULT_DEVELOPMENT_KEY_FILE, DevelopmentIssuer, grantOf } from '@riskledger/identity';
import type { CliIo } from '../cli-io';

export interface TokenOptions {
  user: string;
  name?: string;
  role: string[];
  cleared?: boolean;
  hours: number;
}

/**
 * Prints a bearer token from the development issuer, for trying the API locally. Refused in
 * production: there tokens come from the region's identity provider only.
 */
export async function tokenCommand(io: CliIo, options: TokenOptions): Promise<number> {
  if (process.env.NODE_ENV === 'production' || process.env.AUTH_MODE === 'oidc') {
    io.err('error: the development issuer is off here (NODE_ENV=production or AUTH_MODE=oidc)');
    return 2;
  }
  if (options.role.length === 0) {
    io.err('error: name at least one --role, e.g. --role SECURITY_COORDINATOR');
    return 2;
  }
  const grants: Grant[] = [];
  for (const claim of options.role) {
    const grant = grantOf(claim);
    if (!grant) {
      io.err(`error: --role ${claim}: not a role (or scope) riskledger knows`);
      return 2;
    }
    grants.push(grant);
  }
  const issuer = await DevelopmentIssuer.load(
    process.env.DEV_ISSUER_KEY_FILE ?? DEFAULT_DEVELOPMENT_KEY_FILE,
  );
  io.out(
    await issuer.sign({
      subject: options.user,
      name: options.name,
      grants,
      cleared: options.cleared ?? false,
      expiresIn: Math.round(options.hours * 3600),
    }),
  );
  return 0;
}
