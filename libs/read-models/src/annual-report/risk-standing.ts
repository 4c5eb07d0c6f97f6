import type { EventEnvelope } from '@riskledger/contracts';

export interface ReportedScore {
  likelihood: number;
  consequence: number;
  score: number;
  level: string;
}

/** A risk as it stood at one moment, as far as the annual report reads it. */
export interface RiskStanding {
  open: boolean;
  /** Its latest current assessment; inherent and target ones describe other states. */
  current: ReportedScore | null;
  /** Mitigations planned and neither applied nor cancelled yet, with their due dates. */
  pending: Map<string, string | null>;
}

export function newRiskStanding(): RiskStanding {
  return { open: true, current: null, pending: new Map() };
}

/**
 * Applies one risk event to a standing. Only the fields every schema version of an event has are
 * read, so that a past year's report stays the same while the event types grow.
 */
export function applyToStanding(standing: RiskStanding, event: EventEnvelope): void {
  const data = event.data;
  switch (event.type) {
    case 'RiskAssessed':
      if (data.basis === 'INHERENT' || data.basis === 'TARGET') return;
      standing.current = {
        likelihood: Number(data.likelihood),
        consequence: Number(data.consequence),
        score: Number(data.score),
        level: String(data.level),
      };
      return;
    case 'RiskClosed':
      standing.open = false;
      return;
    case 'RiskReopened':
      standing.open = true;
      return;
    case 'MitigationPlanned':
      standing.pending.set(
        String(data.mitigationId),
        typeof data.dueDate === 'string' ? data.dueDate : null,
      );
      return;
    case 'MitigationApplied':
    case 'MitigationVerified':
    case 'MitigationCancelled':
      standing.pending.delete(String(data.mitigationId));
      return;
  }
}

/** Mitigations of a standing whose due date is before `day` (YYYY-MM-DD). */
export function overdueOn(standing: RiskStanding, day: string): number {
  let overdue = 0;
  for (const dueDate of standing.pending.values()) if (dueDate !== null && dueDate < day) overdue++;
  return overdue;
}
