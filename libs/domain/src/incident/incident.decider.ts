import type { Decider } from '../shared/decider';
import { InvalidValueError, RuleViolatedError } from '../shared/errors';
import { optionalText, requireText } from '../shared/text';
import { checkScale } from '../risk/risk-assessment';
import type { IncidentCommand, ReportIncident } from './incident.commands';
import { INCIDENT_KINDS, type IncidentEvent, type IncidentKind } from './incident.events';
import {
  assessPersonalData,
  closeIncident,
  decideActions,
  dismissIncident,
  investigateIncident,
  linkToRisk,
  reportToAuthority,
} from './incident-handling';
import { ALLOWED_CLOCK_SKEW_MS } from './incident-time';
import type { IncidentState, KnownIncident } from './incident.state';

export const incidentDecider: Decider<IncidentState, IncidentCommand, IncidentEvent> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'ReportIncident':
        return report(command, state);
      case 'AssessIncidentPersonalData':
        return assessPersonalData(command, state);
      case 'LinkIncidentToRisk':
        return linkToRisk(command, state);
      case 'InvestigateIncident':
        return investigateIncident(command, state);
      case 'DecideIncidentActions':
        return decideActions(command, state);
      case 'ReportIncidentToAuthority':
        return reportToAuthority(command, state);
      case 'CloseIncident':
        return closeIncident(command, state);
      case 'DismissIncident':
        return dismissIncident(command, state);
    }
  },

  evolve(state, event) {
    if (event.type === 'IncidentReported') {
      const d = event.data;
      return {
        status: 'REPORTED',
        incidentId: d.incidentId,
        kind: d.kind,
        occurredAt: d.occurredAt,
        personalDataAffected: d.personalDataAffected,
        linkedRisks: Object.fromEntries(d.riskIds.map((riskId) => [riskId, null])),
        investigated: false,
        outwardReports: [],
      };
    }
    if (state.status === 'UNKNOWN') return state;
    return evolveKnown(state, event);
  },
};

function evolveKnown(state: KnownIncident, event: IncidentEvent): KnownIncident {
  switch (event.type) {
    case 'IncidentPersonalDataAssessed':
      return { ...state, personalDataAffected: event.data.personalDataAffected };
    case 'IncidentLinkedToRisk':
      return {
        ...state,
        linkedRisks: { ...state.linkedRisks, [event.data.riskId]: event.data.relation },
      };
    case 'IncidentInvestigated':
      return {
        ...state,
        investigated: true,
        status: state.status === 'REPORTED' ? 'INVESTIGATED' : state.status,
      };
    case 'IncidentActionsDecided':
      return { ...state, status: 'ACTIONS_DECIDED' };
    case 'IncidentReportedToAuthority': {
      const { authority, reference } = event.data;
      return { ...state, outwardReports: [...state.outwardReports, { authority, reference }] };
    }
    case 'IncidentClosed':
      return { ...state, status: 'CLOSED' };
    case 'IncidentDismissed':
      return { ...state, status: 'DISMISSED' };
    default:
      return state;
  }
}

function report(command: ReportIncident, state: IncidentState): IncidentEvent[] {
  if (state.status !== 'UNKNOWN') {
    throw new RuleViolatedError(
      'incident-already-reported',
      `incident ${command.incidentId} is already reported`,
    );
  }
  const { activeAreas, unitKnown } = command.reference;
  if (!activeAreas.includes(command.area)) {
    throw new InvalidValueError('area', `must be one of ${activeAreas.join(', ')}`);
  }
  const unit = requireText('unit', command.unit, 200);
  if (!unitKnown) {
    throw new InvalidValueError('unit', `${unit} is not a known organisational unit`);
  }
  if (!(INCIDENT_KINDS as readonly string[]).includes(command.kind)) {
    throw new InvalidValueError('kind', `must be one of ${INCIDENT_KINDS.join(', ')}`);
  }
  const severity =
    command.severity === undefined || command.severity === null
      ? null
      : checkScale('severity', command.severity);
  if (Number.isNaN(command.occurredAt.getTime())) {
    throw new InvalidValueError('occurredAt', 'must be a valid ISO 8601 time');
  }
  if (command.occurredAt.getTime() > command.now.getTime() + ALLOWED_CLOCK_SKEW_MS) {
    throw new InvalidValueError('occurredAt', 'must not be in the future');
  }
  const discoveredAt = discovery(command);
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId: command.incidentId,
        title: requireText('title', command.title, 200),
        description: requireText('description', command.description, 5000),
        area: command.area,
        unit,
        occurredAt: command.occurredAt.toISOString(),
        riskIds: [...new Set(command.riskIds)],
        kind: command.kind as IncidentKind,
        severity,
        immediateActions: optionalText('immediateActions', command.immediateActions, 5000),
        discoveredAt: discoveredAt.toISOString(),
        personalDataAffected: command.personalDataAffected ?? null,
      },
    },
  ];
}

/**
 * Discovered when it occurred or later, and not after it is reported. Left out: now, as whoever
 * reports it has just found it (or when it occurred, where a reporter's clock drifted ahead).
 */
function discovery(command: ReportIncident): Date {
  const discoveredAt =
    command.discoveredAt ?? new Date(Math.max(command.now.getTime(), command.occurredAt.getTime()));
  if (Number.isNaN(discoveredAt.getTime())) {
    throw new InvalidValueError('discoveredAt', 'must be a valid ISO 8601 time');
  }
  if (discoveredAt.getTime() > command.now.getTime() + ALLOWED_CLOCK_SKEW_MS) {
    throw new InvalidValueError('discoveredAt', 'must not be in the future');
  }
  if (discoveredAt.getTime() < command.occurredAt.getTime()) {
    throw new InvalidValueError('discoveredAt', 'must not be before the incident occurred');
  }
  return discoveredAt;
}
