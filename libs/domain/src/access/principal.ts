import type { Role } from '../shared/roles';

/**
 * A role held for a part of the organisation: responsibility follows the line. `units` are
 * organisational unit codes whose subtrees the grant covers, `areas` security area codes; null
 * means no limit on that axis. A grant limited on both axes covers what lies in both.
 */
export interface Grant {
  readonly role: Role;
  readonly units: readonly string[] | null;
  readonly areas: readonly string[] | null;
}

/** Who is asking, as the identity provider vouched for them. */
export interface Principal {
  /** The token's subject: stable, recorded as the actor of every event the caller causes. */
  readonly subject: string;
  readonly name: string;
  readonly grants: readonly Grant[];
  /** Cleared for protective-security (säkerhetsskydd) information: may see restricted risks. */
  readonly cleared: boolean;
  /**
   * When the credential the caller presented expires (ms since the epoch): what it opened, such as
   * a stream of live changes, ends then. Absent for a credential without an end.
   */
  readonly validUntil?: number;
}

export function rolesOf(principal: Principal): Role[] {
  return [...new Set(principal.grants.map((g) => g.role))];
}
