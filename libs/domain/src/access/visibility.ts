import type { Role } from '../shared/roles';
import type { Principal } from './principal';

/**
 * One part of the organisation a caller sees, from one grant: unit subtrees × security areas
 * (null: no limit on that axis), and for a reporter only what they reported themselves.
 */
export interface VisibilityWindow {
  readonly units: readonly string[] | null;
  readonly areas: readonly string[] | null;
  /** Only records this subject reported (a reporter sees their own reports). */
  readonly reportedBy: string | null;
}

/**
 * What of the registers a caller may see: a record is visible when it lies in any window (null:
 * everything), and a restricted (säkerhetsskydd) risk only to a cleared caller. Whatever is not
 * visible does not exist for the caller: 404, never 403, and absent from lists, counts and exports.
 */
export interface Visibility {
  readonly windows: readonly VisibilityWindow[] | null;
  readonly cleared: boolean;
}

export const EVERYTHING: Visibility = { windows: null, cleared: true };

/** The visibility a permission held through `roles` gives this caller. */
export function visibilityFor(principal: Principal, roles: readonly Role[]): Visibility {
  const windows: VisibilityWindow[] = principal.grants
    .filter((grant) => roles.includes(grant.role))
    .map((grant) => ({
      units: grant.units,
      areas: grant.areas,
      reportedBy: grant.role === 'REPORTER' ? principal.subject : null,
    }));
  const unlimited = windows.some((w) => !w.units && !w.areas && !w.reportedBy);
  return { windows: unlimited ? null : windows, cleared: principal.cleared };
}
