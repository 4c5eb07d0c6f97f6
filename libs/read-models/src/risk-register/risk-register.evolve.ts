import type { DomainEvent } from '@riskledger/domain';
import { type EventEnvelope, domainEventOf } from '@riskledger/contracts';
import type {
  RegisterAcceptance,
  RegisterAssessment,
  RegisterMitigation,
  RiskRegisterEntry,
} from './risk-register-entry';

/** The risks an event bears on: its own stream's, or those an incident names. */
export function riskIdsTouchedBy(envelope: EventEnvelope): string[] {
  if (envelope.streamType === 'risk') return [envelope.streamId];
  const event = domainEventOf(envelope);
  if (event?.type === 'IncidentReported') return event.data.riskIds;
  if (event?.type === 'IncidentLinkedToRisk') return [event.data.riskId];
  return [];
}

/**
 * Folds one event into a risk's register entry: the risk's own events, and the incident events
 * that link an incident to it. Pure: a rebuild from the log gives exactly the entry the live
 * projection holds.
 */
export function evolveRiskRegisterEntry(
  entry: RiskRegisterEntry | null,
  envelope: EventEnvelope,
): RiskRegisterEntry | null {
  const event = domainEventOf(envelope);
  if (!event) return entry;
  if (envelope.streamType === 'incident') return entry && linkIncident(entry, event, envelope);
  if (event.type === 'RiskIdentified') return identified(event.data, envelope);
  if (!entry) return null;
  const at = envelope.recordedAt;
  const actor = envelope.metadata.actor;
  const touched = { ...entry, updatedAt: at, updatedBy: actor, version: envelope.streamVersion };
  const mitigation = (mitigationId: string, change: Partial<RegisterMitigation>) => ({
    ...touched,
    mitigations: entry.mitigations.map((m) =>
      m.mitigationId === mitigationId ? { ...m, ...change } : m,
    ),
  });
  switch (event.type) {
    case 'RiskOwnerAssigned':
      return { ...touched, owner: event.data.owner };
    case 'RiskAssessed': {
      const { basis, likelihood, consequence, score, level, matrixVersion, warnings } = event.data;
      const assessment: RegisterAssessment = {
        likelihood,
        consequence,
        score,
        level,
        matrixVersion,
        assessedAt: at,
        assessedBy: actor,
        reason: envelope.metadata.reason,
        warnings,
      };
      const key = basis === 'INHERENT' ? 'inherent' : basis === 'CURRENT' ? 'current' : 'target';
      const assessments = { ...entry.assessments, [key]: assessment };
      const point = { at, basis, likelihood, consequence, score, level, matrixVersion };
      // A new assessment looks at the risk afresh, as a review does.
      return withReviewReasons(
        {
          ...touched,
          ...headline(assessments.current ?? assessments.inherent),
          assessments,
          scoreHistory: [...entry.scoreHistory, point],
          reviewedAtPosition: envelope.position,
        },
        { reviewed: true },
      );
    }
    case 'MitigationPlanned': {
      const d = event.data;
      const planned: RegisterMitigation = {
        mitigationId: d.mitigationId,
        title: d.title,
        kind: d.kind,
        owner: d.owner,
        dueDate: d.dueDate,
        expectedEffect: d.expectedEffect,
        supplier: d.supplier,
        status: 'PLANNED',
        plannedAt: at,
        startedAt: null,
        appliedAt: null,
        note: null,
        verifiedAt: null,
        effect: null,
        cancelledAt: null,
        cancellationReason: null,
      };
      return { ...touched, mitigations: [...entry.mitigations, planned] };
    }
    case 'MitigationStarted':
      return mitigation(event.data.mitigationId, { status: 'IN_PROGRESS', startedAt: at });
    case 'MitigationApplied':
      return mitigation(event.data.mitigationId, {
        status: 'APPLIED',
        appliedAt: at,
        note: event.data.note,
      });
    case 'MitigationVerified':
      return mitigation(event.data.mitigationId, {
        status: 'VERIFIED',
        verifiedAt: at,
        effect: event.data.effect,
      });
    case 'MitigationCancelled':
      return mitigation(event.data.mitigationId, {
        status: 'CANCELLED',
        cancelledAt: at,
        cancellationReason: event.data.reason,
      });
    case 'RiskAccepted': {
      const d = event.data;
      const acceptance: RegisterAcceptance = {
        acceptanceId: d.acceptanceId,
        justification: d.justification,
        acceptedBy: actor,
        acceptedByRole: d.acceptedByRole,
        acceptedAt: at,
        residual: d.residual,
        lapsesOn: d.lapsesOn,
        status: 'IN_FORCE',
        endedAt: null,
        revocationReason: null,
      };
      const replaced = entry.acceptance
        ? [{ ...entry.acceptance, status: 'REPLACED' as const, endedAt: at }]
        : [];
      return {
        ...touched,
        acceptance,
        pastAcceptances: [...entry.pastAcceptances, ...replaced],
      };
    }
    case 'RiskAcceptanceRevoked':
    case 'RiskAcceptanceLapsed': {
      if (entry.acceptance?.acceptanceId !== event.data.acceptanceId) return touched;
      const ended: RegisterAcceptance =
        event.type === 'RiskAcceptanceRevoked'
          ? {
              ...entry.acceptance,
              status: 'REVOKED',
              endedAt: at,
              revocationReason: event.data.reason,
            }
          : { ...entry.acceptance, status: 'LAPSED', endedAt: at };
      return { ...touched, acceptance: null, pastAcceptances: [...entry.pastAcceptances, ended] };
    }
    case 'RiskReviewed':
      return withReviewReasons(
        {
          ...touched,
          nextReviewDate: event.data.nextReviewDate,
          lastReviewedAt: at,
          reviewedAtPosition: envelope.position,
        },
        { reviewed: true },
      );
    case 'RiskReassessmentRequested': {
      const reason = `${YEARLY_REASSESSMENT}${event.data.year}`;
      const others = entry.reviewReasons.filter((r) => r !== reason);
      return { ...touched, reviewReasons: [...others, reason] };
    }
    case 'RiskClosed':
      return { ...touched, status: 'CLOSED', closedAt: at, closedReason: event.data.reason };
    case 'RiskReopened':
      return { ...touched, status: 'OPEN', closedAt: null, closedReason: null };
    default:
      return entry;
  }
}

function identified(
  d: Extract<DomainEvent, { type: 'RiskIdentified' }>['data'],
  envelope: EventEnvelope,
): RiskRegisterEntry {
  const at = envelope.recordedAt;
  return {
    riskId: d.riskId,
    title: d.title,
    description: d.description,
    scenario:
      d.cause !== null && d.event !== null && d.consequence !== null
        ? { cause: d.cause, event: d.event, consequence: d.consequence }
        : null,
    threat: d.threat,
    area: d.area,
    additionalAreas: d.additionalAreas,
    unit: d.unit,
    owner: d.owner,
    supplier: d.supplier,
    contract: d.contract,
    classification: d.classification,
    sourceIncidentId: d.sourceIncidentId,
    status: 'OPEN',
    closedAt: null,
    closedReason: null,
    ...headline(null),
    assessments: { inherent: null, current: null, target: null },
    scoreHistory: [],
    mitigations: [],
    acceptance: null,
    pastAcceptances: [],
    nextReviewDate: d.nextReviewDate,
    lastReviewedAt: null,
    reviewedAtPosition: null,
    linkedIncidents: [],
    reviewReasons: [],
    identifiedAt: at,
    identifiedBy: envelope.metadata.actor,
    updatedAt: at,
    updatedBy: envelope.metadata.actor,
    version: envelope.streamVersion,
  };
}

function headline(assessment: RegisterAssessment | null) {
  return {
    likelihood: assessment?.likelihood ?? null,
    consequence: assessment?.consequence ?? null,
    score: assessment?.score ?? null,
    level: assessment?.level ?? null,
    matrixVersion: assessment?.matrixVersion ?? null,
    assessedAt: assessment?.assessedAt ?? null,
  };
}

/**
 * An incident that realised or revealed the risk is a reason to look at the risk again (the
 * policies' continuous improvement). It changes the entry, not the risk: its version stays.
 */
function linkIncident(
  entry: RiskRegisterEntry,
  event: DomainEvent,
  envelope: EventEnvelope,
): RiskRegisterEntry {
  const link =
    event.type === 'IncidentReported' && event.data.riskIds.includes(entry.riskId)
      ? { incidentId: event.data.incidentId, relation: 'REALISED' as const }
      : event.type === 'IncidentLinkedToRisk' && event.data.riskId === entry.riskId
        ? { incidentId: event.data.incidentId, relation: event.data.relation }
        : null;
  if (!link) return entry;
  const linked = { ...link, linkedAt: envelope.recordedAt, position: envelope.position };
  // Incidents arrive on their own topic, in any order relative to the risk's events: the log
  // position decides which link of an incident counts (the first) and where it goes.
  const all = [...entry.linkedIncidents, linked].sort((a, b) => a.position - b.position);
  const linkedIncidents = all.filter(
    (l, i) => all.findIndex((other) => other.incidentId === l.incidentId) === i,
  );
  return withReviewReasons({ ...entry, linkedIncidents });
}

/** The reason a requested yearly re-assessment gives, followed by its year. */
const YEARLY_REASSESSMENT = 'yearly re-assessment ';

/**
 * The incidents linked after the last review or assessment, in words, and a yearly re-assessment
 * still waiting: a review or an assessment (`reviewed`) answers it, a linked incident does not.
 */
function withReviewReasons(
  entry: RiskRegisterEntry,
  { reviewed = false }: { reviewed?: boolean } = {},
): RiskRegisterEntry {
  const since = entry.reviewedAtPosition ?? 0;
  const incidents = entry.linkedIncidents
    .filter((l) => l.position > since)
    .map(
      (l) =>
        `incident ${l.incidentId} ${l.relation === 'REALISED' ? 'realised' : 'revealed'} the risk`,
    );
  const reassessments = reviewed
    ? []
    : entry.reviewReasons.filter((r) => r.startsWith(YEARLY_REASSESSMENT));
  return { ...entry, reviewReasons: [...incidents, ...reassessments] };
}
