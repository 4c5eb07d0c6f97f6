import { type EventEnvelope, domainEventOf } from '@riskledger/contracts';

export interface NotificationRules {
  /** Areas whose reported incidents are notified; empty means every area. */
  incidentAreas: readonly string[];
}

export type NotificationKind = 'RISK_LEVEL_RAISED' | 'INCIDENT_REPORTED';

export interface Notification {
  kind: NotificationKind;
  /** The event that caused it: one notification per event and kind, however often it is redelivered. */
  eventId: string;
  subject: string;
  payload: Record<string, unknown>;
}

const HIGH_LEVELS = new Set(['HIGH', 'VERY_HIGH']);

/**
 * What deserves a call to the webhook: a risk that reaches high or very high (from a lower level
 * or from no assessment), and an incident reported in a chosen area. Pure: the caller keeps the
 * risk's previous level.
 */
export function notificationFor(
  envelope: EventEnvelope,
  previousLevel: string | null,
  rules: NotificationRules,
): Notification | null {
  const event = domainEventOf(envelope);
  const base = {
    eventId: envelope.eventId,
    subject: envelope.streamId,
  };
  const context = {
    eventId: envelope.eventId,
    recordedAt: envelope.recordedAt,
    actor: envelope.metadata.actor,
    correlationId: envelope.metadata.correlationId,
  };
  if (event?.type === 'RiskAssessed') {
    const { level, score, likelihood, consequence, riskId } = event.data;
    if (!HIGH_LEVELS.has(level) || (previousLevel !== null && HIGH_LEVELS.has(previousLevel))) {
      return null;
    }
    return {
      ...base,
      kind: 'RISK_LEVEL_RAISED',
      payload: {
        kind: 'RISK_LEVEL_RAISED',
        riskId,
        level,
        previousLevel,
        score,
        likelihood,
        consequence,
        ...context,
      },
    };
  }
  if (event?.type === 'IncidentReported') {
    const { area, incidentId, title, occurredAt, unit, riskIds } = event.data;
    if (rules.incidentAreas.length > 0 && !rules.incidentAreas.includes(area)) return null;
    return {
      ...base,
      kind: 'INCIDENT_REPORTED',
      payload: {
        kind: 'INCIDENT_REPORTED',
        incidentId,
        title,
        area,
        unit,
        occurredAt,
        riskIds,
        ...context,
      },
    };
  }
  return null;
}

/** The level a risk has after this event, for the next decision (null when unchanged). */
export function levelAfter(envelope: EventEnvelope): string | null {
  const event = domainEventOf(envelope);
  return event?.type === 'RiskAssessed' ? event.data.level : null;
}
