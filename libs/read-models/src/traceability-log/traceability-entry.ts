import type { EventEnvelope } from '@riskledger/messaging';
import { domainEventOf } from '@riskledger/messaging';

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
  reason: string | null;
  correlationId: string;
  causationId: string | null;
  /** The security area of the risk or incident, as it stood at this event. */
  area: string | null;
  summary: string;
  data: Record<string, unknown>;
}

/**
 * The entry for an event. `streamArea` is the area of the event's stream so far (from its earlier
 * entries): an event that names an area itself (RiskIdentified, IncidentReported) sets it.
 */
export function traceabilityEntryOf(
  envelope: EventEnvelope,
  streamArea: string | null = null,
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
    reason: envelope.metadata.reason,
    correlationId: envelope.metadata.correlationId,
    causationId: envelope.metadata.causationId,
    area: typeof envelope.data.area === 'string' ? envelope.data.area : streamArea,
    summary: summarise(envelope),
    data: envelope.data,
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
      return `Risk assessed: likelihood ${d.likelihood} × consequence ${d.consequence} = ${d.score} (${d.level}, matrix v${d.matrixVersion})`;
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
    case 'IncidentReported':
      return (
        `Incident reported: "${event.data.title}" in ${event.data.area}, occurred ${event.data.occurredAt}` +
        (event.data.riskIds.length > 0 ? `, linked to ${event.data.riskIds.length} risk(s)` : '')
      );
  }
}
