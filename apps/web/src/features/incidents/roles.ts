/** Who may do what on incidents, as docs/access.md and apps/api/src/access/permissions.ts say. */
export const MANAGING_ROLES = ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE'];
export const HISTORY_ROLES = [
  'SECURITY_COORDINATOR',
  'AREA_RESPONSIBLE',
  'RISK_OWNER',
  'INVESTIGATOR',
];
export const RISK_READING_ROLES = [
  'ADMINISTRATOR',
  'SECURITY_COORDINATOR',
  'AREA_RESPONSIBLE',
  'RISK_OWNER',
  'INVESTIGATOR',
];

export function holdsAny(roles: string[], allowed: string[]): boolean {
  return roles.some((role) => allowed.includes(role));
}
