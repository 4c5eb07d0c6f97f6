import { useRoles } from '../../../lib/auth/use-session';

/**
 * Who may do what on a risk page: the API's permission table (apps/api/src/access/permissions.ts,
 * docs/access.md) for the permissions this page uses. The console only decides what to offer;
 * the API decides on every request.
 */
export const RISK_PERMISSIONS = {
  /** Assess, treat, review, assign the owner, close, reopen. */
  write: ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER'],
  /** Accept and revoke; the matrix band then narrows it per level. */
  accept: ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER'],
  /** The risk's history and as-of views. */
  history: ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER', 'INVESTIGATOR'],
} as const;

export type RiskPermission = keyof typeof RISK_PERMISSIONS;

export function useRiskPermissions(): Record<RiskPermission, boolean> & { roles: string[] } {
  const roles = useRoles();
  const holds = (permission: RiskPermission) =>
    RISK_PERMISSIONS[permission].some((role) => roles.includes(role));
  return { roles, write: holds('write'), accept: holds('accept'), history: holds('history') };
}
