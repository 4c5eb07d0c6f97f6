import { isRole, type Grant } from '@riskledger/domain';
import { DEFAULT_DEVELOPMENT_KEY_FILE, DevelopmentIssuer, grantOf } from '@riskledger/identity';

let issuer: Promise<DevelopmentIssuer> | undefined;
const tokens = new Map<string, Promise<string>>();

/** What a test user holds when the test names no role: everything a coordinator and an admin do. */
const DEFAULT_GRANTS: Grant[] = [
  { role: 'SECURITY_COORDINATOR', units: null, areas: null },
  { role: 'ADMINISTRATOR', units: null, areas: null },
];

/**
 * Tests name their caller the way people think of them ("X-Actor: anna", "X-Actor-Role:
 * RISK_OWNER"); this turns that into what the API trusts: a token from the development issuer.
 * A grant may carry a scope: "RISK_OWNER:unit=SU-ONK". Test users are cleared for restricted
 * risks unless a test says "X-Actor-Cleared: no".
 */
export function bearerFor(actor: string, roles?: string, cleared = true): Promise<string> {
  const key = `${actor}|${roles ?? ''}|${cleared}`;
  let token = tokens.get(key);
  if (!token) {
    token = sign(actor, roles, cleared);
    tokens.set(key, token);
  }
  return token;
}

async function sign(actor: string, roles: string | undefined, cleared: boolean): Promise<string> {
  issuer ??= DevelopmentIssuer.load(
    process.env.DEV_ISSUER_KEY_FILE ?? DEFAULT_DEVELOPMENT_KEY_FILE,
  );
  const grants = roles
    ? roles.split(/\s+/).map((claim) => {
        const grant = grantOf(claim);
        if (!grant || !isRole(grant.role)) throw new Error(`test names an unknown role: ${claim}`);
        return grant;
      })
    : DEFAULT_GRANTS;
  return (await issuer).sign({ subject: actor, name: actor, grants, cleared });
}

/** A token for a user described in full (display name, scoped grants, clearance). */
export async function signedIn(user: {
  subject: string;
  name?: string;
  grants?: Grant[];
  cleared?: boolean;
  expiresIn?: number;
}): Promise<string> {
  issuer ??= DevelopmentIssuer.load(
    process.env.DEV_ISSUER_KEY_FILE ?? DEFAULT_DEVELOPMENT_KEY_FILE,
  );
  return (await issuer).sign({ grants: DEFAULT_GRANTS, ...user });
}
