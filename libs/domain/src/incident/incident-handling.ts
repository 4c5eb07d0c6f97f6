import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { optionalText, requireText } from '../shared/text';
import type {
  AssessIncidentPersonalData,
  CloseIncident,
  DecideIncidentActions,
  DismissIncident,
  InvestigateIncident,
  LinkIncidentToRisk,
  ReportIncidentToAuthority,
} from './incident.commands';
import {
  OUTWARD_AUTHORITIES,
  RISK_LINK_RELATIONS,
  type IncidentAction,
  type IncidentEvent,
  type OutwardAuthority,
  type RiskLinkRelation,
} from './incident.events';
import type { IncidentState, KnownIncident } from './incident.state';
import { ALLOWED_CLOCK_SKEW_MS } from './incident-time';
import { mustBeInvestigated, outwardReportsMissing } from './outward-reports';

/** More actions than this in one decision is a sign of a wrong request, not of a thorough one. */
const MAX_ACTIONS_PER_DECISION = 50;

export function assessPersonalData(
  command: AssessIncidentPersonalData,
  state: IncidentState,
): IncidentEvent[] {
  const incident = requireOpen(command.incidentId, state, 'assessed again');
  if (typeof command.personalDataAffected !== 'boolean') {
    throw new InvalidValueError('personalDataAffected', 'must be true or false');
  }
  if (incident.personalDataAffected === command.personalDataAffected) {
    throw new RuleViolatedError(
      'personal-data-assessment-unchanged',
      `incident ${command.incidentId} already says personal data was ` +
        (command.personalDataAffected ? 'affected' : 'not affected'),
    );
  }
  const { incidentId, personalDataAffected } = command;
  return [{ type: 'IncidentPersonalDataAssessed', data: { incidentId, personalDataAffected } }];
}

export function linkToRisk(command: LinkIncidentToRisk, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(command.incidentId, state, 'linked to a risk');
  if (!(RISK_LINK_RELATIONS as readonly string[]).includes(command.relation)) {
    throw new InvalidValueError('relation', `must be one of ${RISK_LINK_RELATIONS.join(', ')}`);
  }
  const existing = incident.linkedRisks[command.riskId];
  // A risk named at report carries no relation yet (null); stating it is not a duplicate link.
  if (existing) {
    throw new RuleViolatedError(
      'risk-already-linked',
      `risk ${command.riskId} is already linked to incident ${command.incidentId} as ${existing}`,
    );
  }
  return [
    {
      type: 'IncidentLinkedToRisk',
      data: {
        incidentId: command.incidentId,
        riskId: command.riskId,
        relation: command.relation as RiskLinkRelation,
      },
    },
  ];
}

export function investigateIncident(
  command: InvestigateIncident,
  state: IncidentState,
): IncidentEvent[] {
  requireOpen(command.incidentId, state, 'investigated');
  return [
    {
      type: 'IncidentInvestigated',
      data: {
        incidentId: command.incidentId,
        findings: requireText('findings', command.findings, 5000),
        rootCause: requireText('rootCause', command.rootCause, 2000),
      },
    },
  ];
}

export function decideActions(
  command: DecideIncidentActions,
  state: IncidentState,
): IncidentEvent[] {
  const incident = requireOpen(command.incidentId, state, 'given new actions');
  if (command.actions.length === 0) {
    throw new InvalidValueError('actions', 'must name at least one action');
  }
  if (command.actions.length > MAX_ACTIONS_PER_DECISION) {
    throw new InvalidValueError('actions', `must name at most ${MAX_ACTIONS_PER_DECISION} actions`);
  }
  const actions: IncidentAction[] = command.actions.map((action, i) => ({
    riskId: action.riskId,
    description: requireText(`actions[${i}].description`, action.description, 2000),
    mitigationId: optionalText(`actions[${i}].mitigationId`, action.mitigationId, 100),
  }));
  if (!incident.investigated) {
    throw new RuleViolatedError(
      'investigation-before-actions',
      `incident ${command.incidentId} has not been investigated: actions are decided on the ` +
        'findings and root cause, so record the investigation first',
    );
  }
  for (const { riskId } of actions) {
    const linked =
      incident.linkedRisks[riskId] !== undefined ||
      command.risksIdentifiedFromIncident.includes(riskId);
    // The measures are planned on the risks; an action on a risk the incident does not bear on
    // could not be traced back to it.
    if (!linked) {
      throw new RuleViolatedError(
        'action-on-unlinked-risk',
        `risk ${riskId} is not linked to incident ${command.incidentId}: link the risk to the ` +
          'incident before deciding actions on it',
      );
    }
  }
  return [{ type: 'IncidentActionsDecided', data: { incidentId: command.incidentId, actions } }];
}

export function reportToAuthority(
  command: ReportIncidentToAuthority,
  state: IncidentState,
): IncidentEvent[] {
  const incident = requireOpen(command.incidentId, state, 'reported to an authority');
  if (!(OUTWARD_AUTHORITIES as readonly string[]).includes(command.authority)) {
    throw new InvalidValueError('authority', `must be one of ${OUTWARD_AUTHORITIES.join(', ')}`);
  }
  const authority = command.authority as OutwardAuthority;
  const reference = requireText('reference', command.reference, 200);
  const reportedAt = command.reportedAt.getTime();
  if (Number.isNaN(reportedAt)) {
    throw new InvalidValueError('reportedAt', 'must be a valid ISO 8601 time');
  }
  if (reportedAt > command.now.getTime() + ALLOWED_CLOCK_SKEW_MS) {
    throw new InvalidValueError('reportedAt', 'must not be in the future');
  }
  if (reportedAt < new Date(incident.occurredAt).getTime()) {
    throw new InvalidValueError(
      'reportedAt',
      `must not be before the incident occurred (${incident.occurredAt})`,
    );
  }
  if (incident.outwardReports.some((r) => r.authority === authority && r.reference === reference)) {
    throw new RuleViolatedError(
      'outward-report-already-recorded',
      `the report ${reference} to ${authority} is already recorded on incident ${command.incidentId}`,
    );
  }
  return [
    {
      type: 'IncidentReportedToAuthority',
      data: {
        incidentId: command.incidentId,
        authority,
        reference,
        reportedAt: command.reportedAt.toISOString(),
      },
    },
  ];
}

export function closeIncident(command: CloseIncident, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(command.incidentId, state, 'closed again');
  const summary = requireText('summary', command.summary, 5000);
  if (mustBeInvestigated(incident.kind) && !incident.investigated) {
    throw new RuleViolatedError(
      'investigation-required',
      `incident ${command.incidentId} is a ${incident.kind}, which must be investigated before ` +
        'it is closed: record the findings and root cause first',
    );
  }
  const missing = outwardReportsMissing(
    incident.kind,
    incident.outwardReports.map((r) => r.authority),
    incident.personalDataAffected,
  );
  if (missing.length > 0) {
    const what = incident.kind === null ? 'an incident' : `a ${incident.kind}`;
    throw new RuleViolatedError(
      'outward-report-required',
      `incident ${command.incidentId} is ${what}` +
        (incident.personalDataAffected ? ' where personal data was affected' : '') +
        `, which must be reported to ` +
        `${missing.join(' and ')} before it is closed: record the report first`,
    );
  }
  return [{ type: 'IncidentClosed', data: { incidentId: command.incidentId, summary } }];
}

export function dismissIncident(command: DismissIncident, state: IncidentState): IncidentEvent[] {
  requireOpen(command.incidentId, state, 'dismissed');
  return [
    {
      type: 'IncidentDismissed',
      data: { incidentId: command.incidentId, reason: requireText('reason', command.reason, 2000) },
    },
  ];
}

/** A closed or dismissed incident is a finished record: what was decided then stays as it was. */
function requireOpen(incidentId: string, state: IncidentState, change: string): KnownIncident {
  if (state.status === 'UNKNOWN') throw new NotFoundError('incident', incidentId);
  if (state.status === 'CLOSED' || state.status === 'DISMISSED') {
    const word = state.status === 'CLOSED' ? 'closed' : 'dismissed';
    throw new RuleViolatedError(
      `incident-${word}`,
      `incident ${incidentId} is ${word}, so it cannot be ${change}: the record of a handled ` +
        'incident stays as it was handled; report a new incident if something new happened',
    );
  }
  return state;
}
