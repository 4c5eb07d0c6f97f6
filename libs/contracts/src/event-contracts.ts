import { EVENT_CATALOGUE, type StreamType } from '@riskledger/domain';
import IncidentReportedV1 from '../schemas/IncidentReported.v1.json';
import IndicatorMeasuredV1 from '../schemas/IndicatorMeasured.v1.json';
import SecurityGoalRevisedV1 from '../schemas/SecurityGoalRevised.v1.json';
import SecurityGoalSetV1 from '../schemas/SecurityGoalSet.v1.json';
import SecurityGoalWithdrawnV1 from '../schemas/SecurityGoalWithdrawn.v1.json';
import IncidentActionsDecidedV1 from '../schemas/IncidentActionsDecided.v1.json';
import IncidentClosedV1 from '../schemas/IncidentClosed.v1.json';
import IncidentDismissedV1 from '../schemas/IncidentDismissed.v1.json';
import IncidentInvestigatedV1 from '../schemas/IncidentInvestigated.v1.json';
import IncidentLinkedToRiskV1 from '../schemas/IncidentLinkedToRisk.v1.json';
import IncidentReportedV2 from '../schemas/IncidentReported.v2.json';
import IncidentReportedV3 from '../schemas/IncidentReported.v3.json';
import IncidentPersonalDataAssessedV1 from '../schemas/IncidentPersonalDataAssessed.v1.json';
import ReportingObligationRegisteredV1 from '../schemas/ReportingObligationRegistered.v1.json';
import ReportingObligationRevisedV1 from '../schemas/ReportingObligationRevised.v1.json';
import ReportingObligationRetiredV1 from '../schemas/ReportingObligationRetired.v1.json';
import IncidentReportedToAuthorityV1 from '../schemas/IncidentReportedToAuthority.v1.json';
import MitigationAppliedV1 from '../schemas/MitigationApplied.v1.json';
import MitigationPlannedV1 from '../schemas/MitigationPlanned.v1.json';
import RiskAssessedV1 from '../schemas/RiskAssessed.v1.json';
import RestrictedRiskReadV1 from '../schemas/RestrictedRiskRead.v1.json';
import RiskIdentifiedV1 from '../schemas/RiskIdentified.v1.json';
import RiskIdentifiedV2 from '../schemas/RiskIdentified.v2.json';
import RiskOwnerAssignedV1 from '../schemas/RiskOwnerAssigned.v1.json';
import RiskAssessedV2 from '../schemas/RiskAssessed.v2.json';
import MitigationPlannedV2 from '../schemas/MitigationPlanned.v2.json';
import MitigationStartedV1 from '../schemas/MitigationStarted.v1.json';
import MitigationVerifiedV1 from '../schemas/MitigationVerified.v1.json';
import MitigationCancelledV1 from '../schemas/MitigationCancelled.v1.json';
import RiskAcceptedV1 from '../schemas/RiskAccepted.v1.json';
import RiskAcceptanceRevokedV1 from '../schemas/RiskAcceptanceRevoked.v1.json';
import RiskAcceptanceLapsedV1 from '../schemas/RiskAcceptanceLapsed.v1.json';
import RiskReviewedV1 from '../schemas/RiskReviewed.v1.json';
import RiskReassessmentRequestedV1 from '../schemas/RiskReassessmentRequested.v1.json';
import RiskClosedV1 from '../schemas/RiskClosed.v1.json';
import RiskReopenedV1 from '../schemas/RiskReopened.v1.json';
import SecurityAreaRegisteredV1 from '../schemas/SecurityAreaRegistered.v1.json';
import SecurityAreaResponsibleAssignedV1 from '../schemas/SecurityAreaResponsibleAssigned.v1.json';
import SecurityAreaRetiredV1 from '../schemas/SecurityAreaRetired.v1.json';
import OrganisationalUnitRegisteredV1 from '../schemas/OrganisationalUnitRegistered.v1.json';
import OrganisationalUnitRenamedV1 from '../schemas/OrganisationalUnitRenamed.v1.json';
import OrganisationalUnitMovedV1 from '../schemas/OrganisationalUnitMoved.v1.json';
import OrganisationalUnitClosedV1 from '../schemas/OrganisationalUnitClosed.v1.json';
import RiskMatrixPublishedV1 from '../schemas/RiskMatrixPublished.v1.json';
import ReminderDigestPreparedV1 from '../schemas/ReminderDigestPrepared.v1.json';
import ReminderDigestSentV1 from '../schemas/ReminderDigestSent.v1.json';
import ReminderDigestSendFailedV1 from '../schemas/ReminderDigestSendFailed.v1.json';

export type JsonSchema = Record<string, unknown> & { title: string; description: string };

/** One version of one event type, as integrators see it. */
export interface EventContract {
  type: string;
  version: number;
  streamType: StreamType;
  schema: JsonSchema;
}

/**
 * Every published event version, from the schema files in libs/contracts/schemas. A published
 * version never changes (published-schemas.lock.json holds their fingerprints); a change that
 * would break consumers becomes a new version, and old stored events are upcast when read.
 */
const SCHEMAS: readonly {
  type: keyof typeof EVENT_CATALOGUE;
  version: number;
  schema: JsonSchema;
}[] = [
  { type: 'RiskIdentified', version: 1, schema: RiskIdentifiedV1 },
  { type: 'RestrictedRiskRead', version: 1, schema: RestrictedRiskReadV1 },
  { type: 'RiskAssessed', version: 1, schema: RiskAssessedV1 },
  { type: 'MitigationPlanned', version: 1, schema: MitigationPlannedV1 },
  { type: 'MitigationApplied', version: 1, schema: MitigationAppliedV1 },
  { type: 'RiskIdentified', version: 2, schema: RiskIdentifiedV2 },
  { type: 'RiskOwnerAssigned', version: 1, schema: RiskOwnerAssignedV1 },
  { type: 'RiskAssessed', version: 2, schema: RiskAssessedV2 },
  { type: 'MitigationPlanned', version: 2, schema: MitigationPlannedV2 },
  { type: 'MitigationStarted', version: 1, schema: MitigationStartedV1 },
  { type: 'MitigationVerified', version: 1, schema: MitigationVerifiedV1 },
  { type: 'MitigationCancelled', version: 1, schema: MitigationCancelledV1 },
  { type: 'RiskAccepted', version: 1, schema: RiskAcceptedV1 },
  { type: 'RiskAcceptanceRevoked', version: 1, schema: RiskAcceptanceRevokedV1 },
  { type: 'RiskAcceptanceLapsed', version: 1, schema: RiskAcceptanceLapsedV1 },
  { type: 'RiskReviewed', version: 1, schema: RiskReviewedV1 },
  { type: 'RiskReassessmentRequested', version: 1, schema: RiskReassessmentRequestedV1 },
  { type: 'RiskClosed', version: 1, schema: RiskClosedV1 },
  { type: 'RiskReopened', version: 1, schema: RiskReopenedV1 },
  { type: 'IncidentReported', version: 1, schema: IncidentReportedV1 },
  { type: 'IncidentReported', version: 2, schema: IncidentReportedV2 },
  { type: 'IncidentReported', version: 3, schema: IncidentReportedV3 },
  { type: 'IncidentPersonalDataAssessed', version: 1, schema: IncidentPersonalDataAssessedV1 },
  { type: 'IncidentLinkedToRisk', version: 1, schema: IncidentLinkedToRiskV1 },
  { type: 'IncidentInvestigated', version: 1, schema: IncidentInvestigatedV1 },
  { type: 'IncidentActionsDecided', version: 1, schema: IncidentActionsDecidedV1 },
  { type: 'IncidentReportedToAuthority', version: 1, schema: IncidentReportedToAuthorityV1 },
  { type: 'IncidentClosed', version: 1, schema: IncidentClosedV1 },
  { type: 'IncidentDismissed', version: 1, schema: IncidentDismissedV1 },
  { type: 'SecurityGoalSet', version: 1, schema: SecurityGoalSetV1 },
  { type: 'IndicatorMeasured', version: 1, schema: IndicatorMeasuredV1 },
  { type: 'SecurityGoalRevised', version: 1, schema: SecurityGoalRevisedV1 },
  { type: 'SecurityGoalWithdrawn', version: 1, schema: SecurityGoalWithdrawnV1 },
  { type: 'SecurityAreaRegistered', version: 1, schema: SecurityAreaRegisteredV1 },
  {
    type: 'SecurityAreaResponsibleAssigned',
    version: 1,
    schema: SecurityAreaResponsibleAssignedV1,
  },
  { type: 'SecurityAreaRetired', version: 1, schema: SecurityAreaRetiredV1 },
  { type: 'OrganisationalUnitRegistered', version: 1, schema: OrganisationalUnitRegisteredV1 },
  { type: 'OrganisationalUnitRenamed', version: 1, schema: OrganisationalUnitRenamedV1 },
  { type: 'OrganisationalUnitMoved', version: 1, schema: OrganisationalUnitMovedV1 },
  { type: 'OrganisationalUnitClosed', version: 1, schema: OrganisationalUnitClosedV1 },
  { type: 'RiskMatrixPublished', version: 1, schema: RiskMatrixPublishedV1 },
  { type: 'ReportingObligationRegistered', version: 1, schema: ReportingObligationRegisteredV1 },
  { type: 'ReportingObligationRevised', version: 1, schema: ReportingObligationRevisedV1 },
  { type: 'ReportingObligationRetired', version: 1, schema: ReportingObligationRetiredV1 },
  { type: 'ReminderDigestPrepared', version: 1, schema: ReminderDigestPreparedV1 },
  { type: 'ReminderDigestSent', version: 1, schema: ReminderDigestSentV1 },
  { type: 'ReminderDigestSendFailed', version: 1, schema: ReminderDigestSendFailedV1 },
];

export const EVENT_CONTRACTS: readonly EventContract[] = SCHEMAS.map((entry) => ({
  ...entry,
  streamType: EVENT_CATALOGUE[entry.type].streamType,
}));

export function contractFor(type: string, version: number): EventContract | undefined {
  return EVENT_CONTRACTS.find((c) => c.type === type && c.version === version);
}

/** The version producers write today, per event type. */
export function currentContracts(): EventContract[] {
  return Object.entries(EVENT_CATALOGUE).map(([type, { schemaVersion }]) => {
    const contract = contractFor(type, schemaVersion);
    if (!contract) throw new Error(`no schema for ${type} v${schemaVersion}`);
    return contract;
  });
}
