import { isSecurityAreaCode, SECURITY_AREA_CODES } from '../areas/security-areas';
import type { Decider } from '../shared/decider';
import { InvalidValueError, RuleViolatedError } from '../shared/errors';
import { optionalText, requireText } from '../shared/text';
import { checkScale } from '../risk/risk-assessment';
import type { IncidentCommand, ReportIncident } from './incident.commands';
import { INCIDENT_KINDS, type IncidentEvent, type IncidentKind } from './incident.events';

/** Clocks of reporters' devices drift; a report a little ahead of ours is not refused for that. */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

export type IncidentState = { status: 'UNKNOWN' } | { status: 'REPORTED'; incidentId: string };

export const incidentDecider: Decider<IncidentState, IncidentCommand, IncidentEvent> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'ReportIncident':
        return report(command, state);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'IncidentReported':
        return { status: 'REPORTED', incidentId: event.data.incidentId };
    }
  },
};

function report(command: ReportIncident, state: IncidentState): IncidentEvent[] {
  if (state.status !== 'UNKNOWN') {
    throw new RuleViolatedError(
      'incident-already-reported',
      `incident ${command.incidentId} is already reported`,
    );
  }
  if (!isSecurityAreaCode(command.area)) {
    throw new InvalidValueError('area', `must be one of ${SECURITY_AREA_CODES.join(', ')}`);
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
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId: command.incidentId,
        title: requireText('title', command.title, 200),
        description: requireText('description', command.description, 5000),
        area: command.area,
        unit: requireText('unit', command.unit, 200),
        occurredAt: command.occurredAt.toISOString(),
        riskIds: [...new Set(command.riskIds)],
        kind: command.kind as IncidentKind,
        severity,
        immediateActions: optionalText('immediateActions', command.immediateActions, 5000),
      },
    },
  ];
}
