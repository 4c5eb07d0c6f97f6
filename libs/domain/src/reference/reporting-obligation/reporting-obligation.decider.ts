import {
  INCIDENT_KINDS,
  OUTWARD_AUTHORITIES,
  type IncidentKind,
  type OutwardAuthority,
} from '../../incident/incident.events';
import type { Decider } from '../../shared/decider';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../../shared/errors';
import { requireText } from '../../shared/text';
import { requireAreaCode } from '../security-area/security-area.decider';
import type { ReportingObligation, ReportingStage } from './reporting-obligation';
import type {
  ReportingObligationCommand,
  ReportingObligationInput,
} from './reporting-obligation.commands';
import type { ReportingObligationEvent } from './reporting-obligation.events';

/** A year: no authority gives longer, and a longer number is more likely a typing error. */
const MAX_HOURS = 8760;
const MAX_STAGES = 5;

/** Each obligation is its own stream, named by its code, so two registrations of one code collide. */
export function reportingObligationStreamId(code: string): string {
  return `reporting-obligation:${code}`;
}

export type ReportingObligationState =
  { status: 'UNKNOWN' } | { status: 'ACTIVE' | 'RETIRED'; obligation: ReportingObligation };

export const reportingObligationDecider: Decider<
  ReportingObligationState,
  ReportingObligationCommand,
  ReportingObligationEvent
> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterReportingObligation': {
        const obligation = checkObligation(command);
        if (state.status !== 'UNKNOWN') {
          throw new RuleViolatedError(
            'reporting-obligation-already-registered',
            `reporting obligation ${obligation.code} is already registered` +
              (state.status === 'RETIRED' ? ' (and retired; a retired code is not reused)' : ''),
          );
        }
        const builtIn = command.builtIn ?? false;
        return [{ type: 'ReportingObligationRegistered', data: { ...obligation, builtIn } }];
      }
      case 'ReviseReportingObligation': {
        const current = requireActive(command.code, state, 'revise it');
        const obligation = checkObligation(command);
        if (JSON.stringify(obligation) === JSON.stringify(current.obligation)) {
          throw new RuleViolatedError(
            'reporting-obligation-unchanged',
            `reporting obligation ${command.code} already reads like this`,
          );
        }
        return [{ type: 'ReportingObligationRevised', data: obligation }];
      }
      case 'RetireReportingObligation':
        requireActive(command.code, state, 'retire it again');
        return [
          {
            type: 'ReportingObligationRetired',
            data: { code: command.code, reason: requireText('reason', command.reason, 2000) },
          },
        ];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ReportingObligationRegistered': {
        const { builtIn: _builtIn, ...obligation } = event.data;
        return { status: 'ACTIVE', obligation };
      }
      case 'ReportingObligationRevised':
        return state.status === 'UNKNOWN' ? state : { ...state, obligation: event.data };
      case 'ReportingObligationRetired':
        return state.status === 'UNKNOWN' ? state : { ...state, status: 'RETIRED' };
    }
  },
};

function requireActive(code: string, state: ReportingObligationState, action: string) {
  if (state.status === 'UNKNOWN') throw new NotFoundError('reporting obligation', code);
  if (state.status === 'RETIRED') {
    throw new RuleViolatedError(
      'reporting-obligation-retired',
      `reporting obligation ${code} is retired, so you cannot ${action}`,
    );
  }
  return state;
}

/** Checks every field, naming the first one that is wrong; the result is trimmed and in order. */
export function checkObligation(input: ReportingObligationInput): ReportingObligation {
  const code = requireAreaCode('code', input.code);
  if (!(OUTWARD_AUTHORITIES as readonly string[]).includes(input.authority)) {
    throw new InvalidValueError('authority', `must be one of ${OUTWARD_AUTHORITIES.join(', ')}`);
  }
  const kinds = [...new Set(input.kinds)];
  const unknown = kinds.find((kind) => !(INCIDENT_KINDS as readonly string[]).includes(kind));
  if (unknown !== undefined) {
    throw new InvalidValueError(
      'kinds',
      `${unknown} is not a kind; use ${INCIDENT_KINDS.join(', ')}`,
    );
  }
  if (kinds.length === 0 && !input.personalData) {
    throw new InvalidValueError(
      'kinds',
      'must name at least one kind of incident, unless the obligation applies where personal data was affected',
    );
  }
  return {
    code,
    authority: input.authority as OutwardAuthority,
    sv: requireText('sv', input.sv, 200),
    en: requireText('en', input.en, 200),
    kinds: INCIDENT_KINDS.filter((kind) => kinds.includes(kind)) as IncidentKind[],
    personalData: input.personalData,
    stages: checkStages(input.stages),
  };
}

/** Stages come in the order they fall due: a later stage has no earlier deadline. */
function checkStages(stages: readonly ReportingStage[]): ReportingStage[] {
  if (stages.length === 0 || stages.length > MAX_STAGES) {
    throw new InvalidValueError('stages', `must be 1 to ${MAX_STAGES} stages`);
  }
  let previous = 0;
  return stages.map((stage, i) => {
    const field = `stages[${i}]`;
    const hours = stage.withinHours;
    if (hours !== null && (!Number.isInteger(hours) || hours < 1 || hours > MAX_HOURS)) {
      throw new InvalidValueError(
        `${field}.withinHours`,
        `must be a whole number of hours from 1 to ${MAX_HOURS}, or null for "without delay"`,
      );
    }
    if ((hours ?? 0) < previous) {
      throw new InvalidValueError(
        `${field}.withinHours`,
        'must not fall due before the stage before it',
      );
    }
    previous = hours ?? 0;
    return {
      sv: requireText(`${field}.sv`, stage.sv, 200),
      en: requireText(`${field}.en`, stage.en, 200),
      withinHours: hours,
    };
  });
}
