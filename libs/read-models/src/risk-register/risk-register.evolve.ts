import type { EventEnvelope } from '@riskledger/messaging';
import { domainEventOf } from '@riskledger/messaging';
import type { RiskRegisterEntry } from './risk-register-entry';

/**
 * Folds one risk event into its register entry. Pure: a rebuild from the log gives exactly the
 * entry the live projection holds.
 */
export function evolveRiskRegisterEntry(
  entry: RiskRegisterEntry | null,
  envelope: EventEnvelope,
): RiskRegisterEntry | null {
  const event = domainEventOf(envelope);
  if (!event) return entry;
  const at = envelope.recordedAt;
  const touched = {
    updatedAt: at,
    updatedBy: envelope.metadata.actor,
    version: envelope.streamVersion,
  };
  if (event.type === 'RiskIdentified') {
    const d = event.data;
    return {
      riskId: d.riskId,
      title: d.title,
      description: d.description,
      area: d.area,
      unit: d.unit,
      owner: d.owner,
      status: 'OPEN',
      likelihood: null,
      consequence: null,
      score: null,
      level: null,
      matrixVersion: null,
      assessedAt: null,
      mitigations: [],
      identifiedAt: at,
      identifiedBy: envelope.metadata.actor,
      ...touched,
    };
  }
  if (!entry) return null;
  switch (event.type) {
    case 'RiskAssessed': {
      const { likelihood, consequence, score, level, matrixVersion } = event.data;
      return {
        ...entry,
        likelihood,
        consequence,
        score,
        level,
        matrixVersion,
        assessedAt: at,
        ...touched,
      };
    }
    case 'MitigationPlanned': {
      const { mitigationId, title, kind, owner, dueDate } = event.data;
      const planned = {
        mitigationId,
        title,
        kind,
        owner,
        dueDate,
        status: 'PLANNED' as const,
        plannedAt: at,
        appliedAt: null,
        note: null,
      };
      return { ...entry, mitigations: [...entry.mitigations, planned], ...touched };
    }
    case 'MitigationApplied': {
      const { mitigationId, note } = event.data;
      const mitigations = entry.mitigations.map((m) =>
        m.mitigationId === mitigationId
          ? { ...m, status: 'APPLIED' as const, appliedAt: at, note }
          : m,
      );
      return { ...entry, mitigations, ...touched };
    }
    default:
      return entry;
  }
}
