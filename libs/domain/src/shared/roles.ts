/**
 * The roles of the security organisation. Responsibility follows the line: a role holds for an
 * organisational unit subtree and/or a set of security areas (scopes come with authentication).
 */
export const ROLES = [
  'ADMINISTRATOR',
  'SECURITY_COORDINATOR',
  'AREA_RESPONSIBLE',
  'RISK_OWNER',
  'REPORTER',
  'INVESTIGATOR',
  'INTEGRATION',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
