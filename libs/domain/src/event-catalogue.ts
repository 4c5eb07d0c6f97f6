import type { AccessRecordEvent } from './access/access-record.events';
import type { GoalEvent } from './goal/goal.events';
import type { IncidentEvent } from './incident/incident.events';
import type { RiskMatrixEvent } from './matrix/risk-matrix.events';
import type { OrganisationalUnitEvent } from './reference/organisational-unit/organisational-unit.events';
import type { ReportingObligationEvent } from './reference/reporting-obligation/reporting-obligation.events';
import type { SecurityAreaEvent } from './reference/security-area/security-area.events';
import type { ReminderEvent } from './reminder/reminder.events';
import type { RiskEvent } from './risk/risk.events';

/** Every domain event, by its stable type name. */
export type DomainEvent =
  | RiskEvent
  | IncidentEvent
  | GoalEvent
  | SecurityAreaEvent
  | OrganisationalUnitEvent
  | RiskMatrixEvent
  | ReportingObligationEvent
  | AccessRecordEvent
  | ReminderEvent;
export type DomainEventType = DomainEvent['type'];

/** The kinds of stream; each is its own Kafka topic and its own column value in the store. */
export const STREAM_TYPES = [
  'risk',
  'incident',
  'goal',
  'security-area',
  'organisation',
  'risk-matrix',
  'reporting-obligation',
  'access-record',
  'reminder',
] as const;
export type StreamType = (typeof STREAM_TYPES)[number];

/**
 * The public catalogue: each event type's stream type and current schema version. This string
 * name, not a class name, is the store's type column and the Kafka header.
 */
export const EVENT_CATALOGUE: Readonly<
  Record<DomainEventType, { streamType: StreamType; schemaVersion: number }>
> = {
  RiskIdentified: { streamType: 'risk', schemaVersion: 2 },
  RiskOwnerAssigned: { streamType: 'risk', schemaVersion: 1 },
  RiskAssessed: { streamType: 'risk', schemaVersion: 2 },
  MitigationPlanned: { streamType: 'risk', schemaVersion: 2 },
  MitigationStarted: { streamType: 'risk', schemaVersion: 1 },
  MitigationApplied: { streamType: 'risk', schemaVersion: 1 },
  MitigationVerified: { streamType: 'risk', schemaVersion: 1 },
  MitigationCancelled: { streamType: 'risk', schemaVersion: 1 },
  RiskAccepted: { streamType: 'risk', schemaVersion: 1 },
  RiskAcceptanceRevoked: { streamType: 'risk', schemaVersion: 1 },
  RiskAcceptanceLapsed: { streamType: 'risk', schemaVersion: 1 },
  RiskReviewed: { streamType: 'risk', schemaVersion: 1 },
  RiskReassessmentRequested: { streamType: 'risk', schemaVersion: 1 },
  RiskClosed: { streamType: 'risk', schemaVersion: 1 },
  RiskReopened: { streamType: 'risk', schemaVersion: 1 },
  IncidentReported: { streamType: 'incident', schemaVersion: 3 },
  IncidentPersonalDataAssessed: { streamType: 'incident', schemaVersion: 1 },
  IncidentLinkedToRisk: { streamType: 'incident', schemaVersion: 1 },
  IncidentInvestigated: { streamType: 'incident', schemaVersion: 1 },
  IncidentActionsDecided: { streamType: 'incident', schemaVersion: 1 },
  IncidentReportedToAuthority: { streamType: 'incident', schemaVersion: 1 },
  IncidentClosed: { streamType: 'incident', schemaVersion: 1 },
  IncidentDismissed: { streamType: 'incident', schemaVersion: 1 },
  RestrictedRiskRead: { streamType: 'access-record', schemaVersion: 1 },
  SecurityGoalSet: { streamType: 'goal', schemaVersion: 1 },
  IndicatorMeasured: { streamType: 'goal', schemaVersion: 1 },
  SecurityGoalRevised: { streamType: 'goal', schemaVersion: 1 },
  SecurityGoalWithdrawn: { streamType: 'goal', schemaVersion: 1 },
  SecurityAreaRegistered: { streamType: 'security-area', schemaVersion: 1 },
  SecurityAreaResponsibleAssigned: { streamType: 'security-area', schemaVersion: 1 },
  SecurityAreaRetired: { streamType: 'security-area', schemaVersion: 1 },
  OrganisationalUnitRegistered: { streamType: 'organisation', schemaVersion: 1 },
  OrganisationalUnitRenamed: { streamType: 'organisation', schemaVersion: 1 },
  OrganisationalUnitMoved: { streamType: 'organisation', schemaVersion: 1 },
  OrganisationalUnitClosed: { streamType: 'organisation', schemaVersion: 1 },
  RiskMatrixPublished: { streamType: 'risk-matrix', schemaVersion: 1 },
  ReportingObligationRegistered: { streamType: 'reporting-obligation', schemaVersion: 1 },
  ReportingObligationRevised: { streamType: 'reporting-obligation', schemaVersion: 1 },
  ReportingObligationRetired: { streamType: 'reporting-obligation', schemaVersion: 1 },
  ReminderDigestPrepared: { streamType: 'reminder', schemaVersion: 1 },
  ReminderDigestSent: { streamType: 'reminder', schemaVersion: 1 },
  ReminderDigestSendFailed: { streamType: 'reminder', schemaVersion: 1 },
};

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

/** The event types of these stream types: what an index by event type finds them by. */
export function eventTypesOf(streamTypes: readonly string[]): DomainEventType[] {
  return (Object.keys(EVENT_CATALOGUE) as DomainEventType[]).filter((type) =>
    streamTypes.includes(EVENT_CATALOGUE[type].streamType),
  );
}
