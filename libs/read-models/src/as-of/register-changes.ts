import type { RiskLevel } from '@riskledger/domain';
import type { RiskRegisterLine } from '../risk-register/risk-register.queries';

/** A risk as it stood at each of two moments (null: not in the register yet). */
export interface RegisterChange {
  riskId: string;
  title: string;
  area: string;
  unit: string;
  before: { status: string; level: RiskLevel | null } | null;
  after: { status: string; level: RiskLevel | null };
}

export interface RegisterChanges {
  /** Identified between the two moments. */
  appeared: RegisterChange[];
  /** Open at the first moment and closed at the second. */
  closed: RegisterChange[];
  /** Closed at the first moment and open again at the second. */
  reopened: RegisterChange[];
  /** Open at both moments, at another headline level. */
  levelChanged: RegisterChange[];
}

/** What changed in the register between two moments, each risk in one list at most. */
export function registerChanges(
  before: readonly RiskRegisterLine[],
  after: readonly RiskRegisterLine[],
): RegisterChanges {
  const then = new Map(before.map((view) => [view.riskId, view]));
  const changes: RegisterChanges = { appeared: [], closed: [], reopened: [], levelChanged: [] };
  for (const now of after) {
    const was = then.get(now.riskId);
    const change: RegisterChange = {
      riskId: now.riskId,
      title: now.title,
      area: now.area,
      unit: now.unit,
      before: was ? { status: was.status, level: was.level } : null,
      after: { status: now.status, level: now.level },
    };
    if (!was) changes.appeared.push(change);
    else if (was.status === 'OPEN' && now.status === 'CLOSED') changes.closed.push(change);
    else if (was.status === 'CLOSED' && now.status === 'OPEN') changes.reopened.push(change);
    else if (now.status === 'OPEN' && was.level !== now.level) changes.levelChanged.push(change);
  }
  return changes;
}
