import { isRole, type Grant } from '@riskledger/domain';

/**
 * Grants travel as plain strings, the form identity providers issue app roles and group claims in:
 * `ROLE`, `ROLE:unit=U1,U2`, `ROLE:area=A1`, `ROLE:unit=U1;area=A1,A2`. A string naming no known
 * role is not ours (providers send other applications' roles too) and is skipped.
 */
export function grantOf(claim: string): Grant | null {
  const [role, scope = ''] = claim.trim().split(':', 2);
  if (!isRole(role)) return null;
  let units: string[] | null = null;
  let areas: string[] | null = null;
  for (const part of scope.split(';').filter(Boolean)) {
    const [key, list = ''] = part.split('=', 2);
    const values = list
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (key.trim() === 'unit') units = values;
    else if (key.trim() === 'area') areas = values;
    else return null;
  }
  return { role, units, areas };
}

export function grantClaim(grant: Grant): string {
  const scope = [
    grant.units ? `unit=${grant.units.join(',')}` : null,
    grant.areas ? `area=${grant.areas.join(',')}` : null,
  ].filter(Boolean);
  return scope.length === 0 ? grant.role : `${grant.role}:${scope.join(';')}`;
}

export function grantsOf(claim: unknown): Grant[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
  return values
    .filter((v): v is string => typeof v === 'string')
    .map(grantOf)
    .filter((g): g is Grant => g !== null);
}
