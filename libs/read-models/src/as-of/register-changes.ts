import type { RiskLevel } from '@riskledger/domain';
import type { RiskRegisterSummaryView } from '../risk-register/risk-register-entry';
import {
  emptyMatrixCounts,
  type MatrixCounts,
  type RiskMatrixCounts,
} from '../risk-register/risk-register.queries';

/** The 5×5 counts of risks held in memory (the register as of a moment), as the SQL counts them. */
export function matrixCountsOf(views: readonly RiskRegisterSummaryView[]): RiskMatrixCounts {
  const counts = {
    inherent: emptyMatrixCounts(),
    current: emptyMatrixCounts(),
    target: emptyMatrixCounts(),
    total: views.length,
  };
  const add = (
    matrix: MatrixCounts,
    l: number | null | undefined,
    c: number | null | undefined,
  ) => {
    if (l && c && l >= 1 && l <= 5 && c >= 1 && c <= 5) matrix[l - 1][c - 1]++;
  };
  for (const view of views) {
    const { inherent, target } = view.assessments;
    add(counts.inherent, inherent?.likelihood, inherent?.consequence);
    add(counts.current, view.likelihood, view.consequence);
    add(counts.target, target?.likelihood, target?.consequence);
  }
  return counts;
}

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
  before: readonly RiskRegisterSummaryView[],
  after: readonly RiskRegisterSummaryView[],
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
