import { useRoles } from '../../../lib/auth/use-session';

/** The roles that hold risks.write (docs/access.md, apps/api/src/access/permissions.ts). */
export const IDENTIFY_ROLES = ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER'] as const;

export function useMayIdentify(): boolean {
  const roles = useRoles();
  return IDENTIFY_ROLES.some((role) => roles.includes(role));
}

/**
 * Where the caller may identify risks: null when anywhere. A grant limited to units or areas
 * (`RISK_OWNER:unit=SU-ONK`) reaches those only, so the form offers no other.
 */
export function identifyScope(grants: string[]): {
  units: string[] | null;
  areas: string[] | null;
} {
  const writing = grants
    .map((grant) => grant.split(':'))
    .filter(([role]) => (IDENTIFY_ROLES as readonly string[]).includes(role));
  const limits = (kind: string) => {
    const lists = writing.map(([, scope = '']) => {
      const part = scope.split(';').find((piece) => piece.startsWith(`${kind}=`));
      return part ? part.slice(kind.length + 1).split(',') : null;
    });
    return lists.length === 0 || lists.includes(null) ? null : (lists.flat() as string[]);
  };
  return { units: limits('unit'), areas: limits('area') };
}
