import { requireCalendarDate } from '../shared/calendar-date';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { optionalText, requireText } from '../shared/text';
import type {
  ApplyMitigation,
  CancelMitigation,
  PlanMitigation,
  StartMitigation,
  VerifyMitigation,
} from './risk.commands';
import { MITIGATION_KINDS, type MitigationKind, type RiskEvent } from './risk.events';
import { requireOpen, type MitigationStatus, type RiskState } from './risk.state';

/**
 * A mitigation (riskhanteringsåtgärd) goes planned → in progress → applied → verified, or is
 * cancelled before it is applied. Each step is refused from a state it does not follow.
 */
export function planMitigation(command: PlanMitigation, state: RiskState): RiskEvent[] {
  const risk = requireOpen(command.riskId, state, 'have mitigations planned');
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
        expectedEffect: optionalText('expectedEffect', command.expectedEffect, 2000),
        supplier: optionalText('supplier', command.supplier, 200),
      },
    },
  ];
}

export function startMitigation(command: StartMitigation, state: RiskState): RiskEvent[] {
  const status = mitigationStatus(command, state, 'have mitigations started');
  refuseCancelled(command.mitigationId, status, 'started');
  if (status !== 'PLANNED') {
    throw new RuleViolatedError(
      'mitigation-already-started',
      `mitigation ${command.mitigationId} is already ${describe(status)}, so it cannot be started`,
    );
  }
  return [
    {
      type: 'MitigationStarted',
      data: { riskId: command.riskId, mitigationId: command.mitigationId },
    },
  ];
}

export function applyMitigation(command: ApplyMitigation, state: RiskState): RiskEvent[] {
  const status = mitigationStatus(command, state, 'have mitigations applied');
  refuseCancelled(command.mitigationId, status, 'applied');
  if (status === 'APPLIED' || status === 'VERIFIED') {
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

export function verifyMitigation(command: VerifyMitigation, state: RiskState): RiskEvent[] {
  const status = mitigationStatus(command, state, 'have mitigations verified');
  refuseCancelled(command.mitigationId, status, 'verified');
  if (status === 'VERIFIED') {
    throw new RuleViolatedError(
      'mitigation-already-verified',
      `mitigation ${command.mitigationId} has already been verified`,
    );
  }
  if (status !== 'APPLIED') {
    throw new RuleViolatedError(
      'mitigation-not-applied',
      `mitigation ${command.mitigationId} is ${describe(status)}: only an applied mitigation ` +
        'can have its effect verified',
    );
  }
  return [
    {
      type: 'MitigationVerified',
      data: {
        riskId: command.riskId,
        mitigationId: command.mitigationId,
        effect: requireText('effect', command.effect, 2000),
      },
    },
  ];
}

export function cancelMitigation(command: CancelMitigation, state: RiskState): RiskEvent[] {
  const status = mitigationStatus(command, state, 'have mitigations cancelled');
  if (status === 'CANCELLED') {
    throw new RuleViolatedError(
      'mitigation-already-cancelled',
      `mitigation ${command.mitigationId} is already cancelled`,
    );
  }
  if (status === 'APPLIED' || status === 'VERIFIED') {
    throw new RuleViolatedError(
      'mitigation-already-applied',
      `mitigation ${command.mitigationId} is already ${describe(status)}: what was done ` +
        'cannot be cancelled; plan a new mitigation instead',
    );
  }
  return [
    {
      type: 'MitigationCancelled',
      data: {
        riskId: command.riskId,
        mitigationId: command.mitigationId,
        reason: requireText('reason', command.reason, 2000),
      },
    },
  ];
}

function mitigationStatus(
  command: { riskId: string; mitigationId: string },
  state: RiskState,
  what: string,
): MitigationStatus {
  const risk = requireOpen(command.riskId, state, what);
  const status = risk.mitigations[command.mitigationId];
  if (!status) throw new NotFoundError('mitigation', command.mitigationId);
  return status;
}

function refuseCancelled(mitigationId: string, status: MitigationStatus, step: string): void {
  if (status === 'CANCELLED') {
    throw new RuleViolatedError(
      'mitigation-cancelled',
      `mitigation ${mitigationId} was cancelled, so it cannot be ${step}`,
    );
  }
}

const describe = (status: MitigationStatus): string =>
  ({
    PLANNED: 'planned',
    IN_PROGRESS: 'in progress',
    APPLIED: 'applied',
    VERIFIED: 'verified',
    CANCELLED: 'cancelled',
  })[status];
