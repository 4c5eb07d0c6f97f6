import { type EventEnvelope, domainEventOf } from '@riskledger/contracts';

/** One line of the traceability log: when, who, what, on which risk or incident, and why. */
export interface TraceabilityEntry {
  position: number;
  eventId: string;
  streamType: string;
  streamId: string;
  streamVersion: number;
  eventType: string;
  recordedAt: string;
  actor: string;
  /** The actor's display name when the event was recorded (null before sign-in existed). */
  actorName: string | null;
  reason: string | null;
  correlationId: string;
  causationId: string | null;
  /** The security area of the risk or incident, as it stood at this event. */
  area: string | null;
  /** The organisational unit of the risk or incident (goals and access records have none). */
  unit: string | null;
  summary: string;
  data: Record<string, unknown>;
  /** Of a restricted (säkerhetsskydd) stream: shown only to cleared callers. */
  restricted: boolean;
}

/** What a stream's earlier entries say of it: its area and its unit. */
export interface StreamContext {
  area: string | null;
  unit: string | null;
}

const NO_CONTEXT: StreamContext = { area: null, unit: null };

const textOr = (value: unknown, otherwise: string | null) =>
  typeof value === 'string' ? value : otherwise;

/**
 * The entry for an event. `stream` is what the event's stream said so far (from its earlier
 * entries): an event that names an area or a unit itself (RiskIdentified, IncidentReported) sets it.
 */
export function traceabilityEntryOf(
  envelope: EventEnvelope,
  stream: StreamContext = NO_CONTEXT,
): TraceabilityEntry {
  return {
    position: envelope.position,
    eventId: envelope.eventId,
    streamType: envelope.streamType,
    streamId: envelope.streamId,
    streamVersion: envelope.streamVersion,
    eventType: envelope.type,
    recordedAt: envelope.recordedAt,
    actor: envelope.metadata.actor,
    actorName: envelope.metadata.actorName ?? null,
    reason: envelope.metadata.reason,
    correlationId: envelope.metadata.correlationId,
    causationId: envelope.metadata.causationId,
    area: textOr(envelope.data.area, stream.area),
    unit: textOr(envelope.data.unit, stream.unit),
    summary: summarise(envelope),
    data: envelope.data,
    restricted: envelope.metadata.classification === 'RESTRICTED',
  };
}

/** A sentence an investigator can read without knowing the event schema. */
export function summarise(envelope: EventEnvelope): string {
  const event = domainEventOf(envelope);
  if (!event) return `${envelope.type} (schema version ${envelope.schemaVersion})`;
  switch (event.type) {
    case 'RiskIdentified':
      return `Risk identified: "${event.data.title}" in ${event.data.area}, unit ${event.data.unit}`;
    case 'RiskAssessed': {
      const d = event.data;
      return (
        `Risk assessed: likelihood ${d.likelihood} × consequence ${d.consequence} = ${d.score} (${d.level}, matrix v${d.matrixVersion})` +
        (d.basis === 'CURRENT' ? '' : `, ${d.basis.toLowerCase()} risk`)
      );
    }
    case 'MitigationPlanned':
      return (
        `Mitigation planned: "${event.data.title}" (${event.data.kind})` +
        (event.data.dueDate ? `, due ${event.data.dueDate}` : '')
      );
    case 'MitigationApplied':
      return (
        `Mitigation applied: ${event.data.mitigationId}` +
        (event.data.note ? ` (${event.data.note})` : '')
      );
    case 'RiskOwnerAssigned':
      return `Risk owner assigned: ${event.data.owner}`;
    case 'MitigationStarted':
      return `Mitigation started: ${event.data.mitigationId}`;
    case 'MitigationVerified':
      return `Mitigation verified: ${event.data.mitigationId} (${event.data.effect})`;
    case 'MitigationCancelled':
      return `Mitigation cancelled: ${event.data.mitigationId} (${event.data.reason})`;
    case 'RiskAccepted': {
      const { residual, acceptedByRole, lapsesOn } = event.data;
      return `Risk accepted by ${acceptedByRole} at ${residual.level} (score ${residual.score}) until ${lapsesOn}`;
    }
    case 'RiskAcceptanceRevoked':
      return `Risk acceptance revoked: ${event.data.reason}`;
    case 'RiskAcceptanceLapsed':
      return `Risk acceptance lapsed on ${event.data.lapsedOn}`;
    case 'RiskReviewed':
      return `Risk reviewed; next review ${event.data.nextReviewDate}`;
    case 'RiskReassessmentRequested':
      return `Yearly re-assessment ${event.data.year} requested`;
    case 'RiskClosed':
      return `Risk closed: ${event.data.reason}`;
    case 'RiskReopened':
      return `Risk reopened: ${event.data.reason}`;
    case 'IncidentReported':
      return (
        `Incident reported: "${event.data.title}" in ${event.data.area}, occurred ${event.data.occurredAt}` +
        (event.data.riskIds.length > 0 ? `, linked to ${event.data.riskIds.length} risk(s)` : '')
      );
    case 'IncidentPersonalDataAssessed':
      return `Incident assessed: personal data ${event.data.personalDataAffected ? 'was' : 'was not'} affected`;
    case 'IncidentLinkedToRisk':
      return `Incident linked to risk ${event.data.riskId} (${event.data.relation})`;
    case 'IncidentInvestigated':
      return `Incident investigated: root cause "${event.data.rootCause}"`;
    case 'IncidentActionsDecided':
      return `Incident actions decided: ${event.data.actions.length} action(s)`;
    case 'IncidentReportedToAuthority':
      return `Incident reported to ${event.data.authority} (reference ${event.data.reference}) at ${event.data.reportedAt}`;
    case 'IncidentClosed':
      return `Incident closed: ${event.data.summary}`;
    case 'IncidentDismissed':
      return `Incident dismissed: ${event.data.reason}`;
    case 'RestrictedRiskRead':
      return `Restricted risks shown (${event.data.what}): ${event.data.riskIds.join(', ')}`;
    case 'SecurityGoalSet': {
      const d = event.data;
      const target = `${d.direction === 'AT_LEAST' ? 'at least' : 'at most'} ${d.targetValue} ${d.measurementUnit}`;
      return `Security goal set for ${d.area} ${d.year}: "${d.text}", ${d.indicator} ${target}`;
    }
    case 'IndicatorMeasured':
      return `Indicator measured: ${event.data.value} on ${event.data.measuredOn}`;
    case 'SecurityGoalRevised':
      return `Security goal revised: target ${event.data.targetValue} (${event.data.reason})`;
    case 'SecurityGoalWithdrawn':
      return `Security goal withdrawn: ${event.data.reason}`;
    case 'SecurityAreaRegistered':
      return `Security area registered: ${event.data.code} (${event.data.sv} / ${event.data.en})`;
    case 'SecurityAreaResponsibleAssigned':
      return `Security area ${event.data.code}: ${event.data.responsible} is responsible`;
    case 'SecurityAreaRetired':
      return `Security area ${event.data.code} retired: ${event.data.reason}`;
    case 'OrganisationalUnitRegistered':
      return (
        `Organisational unit registered: ${event.data.code} "${event.data.name}" (${event.data.kind})` +
        (event.data.parentCode ? ` under ${event.data.parentCode}` : '')
      );
    case 'OrganisationalUnitRenamed':
      return `Organisational unit ${event.data.code} renamed from "${event.data.previousName}" to "${event.data.name}"`;
    case 'OrganisationalUnitMoved':
      return `Organisational unit ${event.data.code} moved from ${event.data.previousParentCode} to ${event.data.parentCode}`;
    case 'OrganisationalUnitClosed':
      return `Organisational unit ${event.data.code} closed: ${event.data.reason}`;
    case 'RiskMatrixPublished':
      return `Risk matrix version ${event.data.version} published`;
    case 'ReportingObligationRegistered':
      return `Reporting obligation registered: ${event.data.code}, to ${event.data.authority} (${event.data.stages.length} stage(s))`;
    case 'ReportingObligationRevised':
      return `Reporting obligation ${event.data.code} revised: to ${event.data.authority}, ${event.data.stages.length} stage(s)`;
    case 'ReportingObligationRetired':
      return `Reporting obligation ${event.data.code} retired: ${event.data.reason}`;
    case 'ReminderDigestPrepared':
      return `Reminder digest for ${event.data.recipient} on ${event.data.day}: ${event.data.reminders.length} reminder(s)`;
    case 'ReminderDigestSent':
      return `Reminder digest sent (attempt ${event.data.attempt})`;
    case 'ReminderDigestSendFailed':
      return (
        `Reminder digest not sent (attempt ${event.data.attempt}): ${event.data.error}; ` +
        (event.data.retryAt ? `retried at ${event.data.retryAt}` : 'given up')
      );
  }
}
