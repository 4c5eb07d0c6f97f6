import { isSecurityAreaCode, SECURITY_AREA_CODES } from '../areas/security-areas';
import { requireCalendarDate } from '../shared/calendar-date';
import type { Decider } from '../shared/decider';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { optionalText, requireText } from '../shared/text';
import { assess, checkScale } from './risk-assessment';
import type {
  ApplyMitigation,
  AssessRisk,
  IdentifyRisk,
  PlanMitigation,
  RiskCommand,
} from './risk.commands';
import { MITIGATION_KINDS, type MitigationKind, type RiskEvent } from './risk.events';

export type MitigationStatus = 'PLANNED' | 'APPLIED';

export type RiskState =
  | { status: 'UNKNOWN' }
  | {
      status: 'IDENTIFIED';
      riskId: string;
      assessed: boolean;
      mitigations: Readonly<Record<string, MitigationStatus>>;
    };

export const riskDecider: Decider<RiskState, RiskCommand, RiskEvent> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'IdentifyRisk':
        return identify(command, state);
      case 'AssessRisk':
        return assessRisk(command, state);
      case 'PlanMitigation':
        return planMitigation(command, state);
      case 'ApplyMitigation':
        return applyMitigation(command, state);
    }
  },

  evolve(state, event) {
    if (event.type === 'RiskIdentified') {
      return { status: 'IDENTIFIED', riskId: event.data.riskId, assessed: false, mitigations: {} };
    }
    if (state.status !== 'IDENTIFIED') return state;
    switch (event.type) {
      case 'RiskAssessed':
        return { ...state, assessed: true };
      case 'MitigationPlanned':
        return {
          ...state,
          mitigations: { ...state.mitigations, [event.data.mitigationId]: 'PLANNED' },
        };
      case 'MitigationApplied':
        return {
          ...state,
          mitigations: { ...state.mitigations, [event.data.mitigationId]: 'APPLIED' },
        };
    }
  },
};

function identify(command: IdentifyRisk, state: RiskState): RiskEvent[] {
  if (state.status !== 'UNKNOWN') {
    throw new RuleViolatedError(
      'risk-already-identified',
      `risk ${command.riskId} is already identified`,
    );
  }
  if (!isSecurityAreaCode(command.area)) {
    throw new InvalidValueError('area', `must be one of ${SECURITY_AREA_CODES.join(', ')}`);
  }
  const identified: RiskEvent = {
    type: 'RiskIdentified',
    data: {
      riskId: command.riskId,
      title: requireText('title', command.title, 200),
      description: requireText('description', command.description, 5000),
      area: command.area,
      unit: requireText('unit', command.unit, 200),
      owner: optionalText('owner', command.owner, 200),
    },
  };
  const hasLikelihood = command.likelihood !== undefined && command.likelihood !== null;
  const hasConsequence = command.consequence !== undefined && command.consequence !== null;
  if (hasLikelihood !== hasConsequence) {
    throw new InvalidValueError(
      hasLikelihood ? 'consequence' : 'likelihood',
      'must be given together with ' + (hasLikelihood ? 'likelihood' : 'consequence'),
    );
  }
  if (!hasLikelihood) return [identified];
  const assessment = assess({
    likelihood: checkScale('likelihood', command.likelihood as number),
    consequence: checkScale('consequence', command.consequence as number),
  });
  return [identified, { type: 'RiskAssessed', data: { riskId: command.riskId, ...assessment } }];
}

function assessRisk(command: AssessRisk, state: RiskState): RiskEvent[] {
  requireIdentified(command.riskId, state);
  return [{ type: 'RiskAssessed', data: { riskId: command.riskId, ...assess(command) } }];
}

function planMitigation(command: PlanMitigation, state: RiskState): RiskEvent[] {
  const risk = requireIdentified(command.riskId, state);
  if (risk.mitigations[command.mitigationId]) {
    throw new RuleViolatedError(
      'mitigation-already-planned',
      `mitigation ${command.mitigationId} is already planned on risk ${command.riskId}`,
    );
  }
  if (!(MITIGATION_KINDS as readonly string[]).includes(command.kind)) {
    throw new InvalidValueError('kind', `must be one of ${MITIGATION_KINDS.join(', ')}`);
  }
  const dueDate =
    command.dueDate === undefined || command.dueDate === null
      ? null
      : requireCalendarDate('dueDate', command.dueDate);
  return [
    {
      type: 'MitigationPlanned',
      data: {
        riskId: command.riskId,
        mitigationId: command.mitigationId,
        title: requireText('title', command.title, 200),
        kind: command.kind as MitigationKind,
        owner: optionalText('owner', command.owner, 200),
        dueDate,
      },
    },
  ];
}

function applyMitigation(command: ApplyMitigation, state: RiskState): RiskEvent[] {
  const risk = requireIdentified(command.riskId, state);
  const status = risk.mitigations[command.mitigationId];
  if (!status) throw new NotFoundError('mitigation', command.mitigationId);
  if (status === 'APPLIED') {
    throw new RuleViolatedError(
      'mitigation-already-applied',
      `mitigation ${command.mitigationId} has already been applied`,
    );
  }
  return [
    {
      type: 'MitigationApplied',
      data: {
        riskId: command.riskId,
        mitigationId: command.mitigationId,
        note: optionalText('note', command.note, 2000),
      },
    },
  ];
}

function requireIdentified(riskId: string, state: RiskState) {
  if (state.status !== 'IDENTIFIED') throw new NotFoundError('risk', riskId);
  return state;
}
