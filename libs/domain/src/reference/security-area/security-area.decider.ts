import type { Decider } from '../../shared/decider';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../../shared/errors';
import { optionalText, requireText } from '../../shared/text';
import type {
  AssignSecurityAreaResponsible,
  RegisterSecurityArea,
  RetireSecurityArea,
  SecurityAreaCommand,
} from './security-area.commands';
import type { SecurityAreaEvent } from './security-area.events';

/** Area codes are stable identifiers in events and reports, so they are plain upper-case words. */
const AREA_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** Each area is its own stream, named by its code, so that two registrations of one code collide. */
export function securityAreaStreamId(code: string): string {
  return `security-area:${code}`;
}

export type SecurityAreaState =
  | { status: 'UNKNOWN' }
  | { status: 'ACTIVE' | 'RETIRED'; code: string; responsible: string | null };

export const securityAreaDecider: Decider<
  SecurityAreaState,
  SecurityAreaCommand,
  SecurityAreaEvent
> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterSecurityArea':
        return register(command, state);
      case 'AssignSecurityAreaResponsible':
        return assignResponsible(command, state);
      case 'RetireSecurityArea':
        return retire(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SecurityAreaRegistered':
        return { status: 'ACTIVE', code: event.data.code, responsible: event.data.responsible };
      case 'SecurityAreaResponsibleAssigned':
        return state.status === 'UNKNOWN'
          ? state
          : { ...state, responsible: event.data.responsible };
      case 'SecurityAreaRetired':
        return state.status === 'UNKNOWN' ? state : { ...state, status: 'RETIRED' };
    }
  },
};

export function requireAreaCode(field: string, code: string): string {
  if (!AREA_CODE.test(code)) {
    throw new InvalidValueError(
      field,
      'must be 2 to 64 upper-case letters, digits or _, starting with a letter (e.g. PHYSICAL_SECURITY)',
    );
  }
  return code;
}

function register(command: RegisterSecurityArea, state: SecurityAreaState): SecurityAreaEvent[] {
  const code = requireAreaCode('code', command.code);
  if (state.status !== 'UNKNOWN') {
    throw new RuleViolatedError(
      'security-area-already-registered',
      `security area ${code} is already registered` +
        (state.status === 'RETIRED' ? ' (and retired; a retired code is not reused)' : ''),
    );
  }
  return [
    {
      type: 'SecurityAreaRegistered',
      data: {
        code,
        sv: requireText('sv', command.sv, 200),
        en: requireText('en', command.en, 200),
        builtIn: command.builtIn ?? false,
        responsible: optionalText('responsible', command.responsible, 200),
      },
    },
  ];
}

function assignResponsible(
  command: AssignSecurityAreaResponsible,
  state: SecurityAreaState,
): SecurityAreaEvent[] {
  const area = requireActive(command.code, state, 'assign a responsible person to it');
  const responsible = requireText('responsible', command.responsible, 200);
  if (area.responsible === responsible) {
    throw new RuleViolatedError(
      'security-area-responsible-unchanged',
      `${responsible} is already responsible for security area ${command.code}`,
    );
  }
  return [{ type: 'SecurityAreaResponsibleAssigned', data: { code: command.code, responsible } }];
}

function retire(command: RetireSecurityArea, state: SecurityAreaState): SecurityAreaEvent[] {
  requireActive(command.code, state, 'retire it again');
  return [
    {
      type: 'SecurityAreaRetired',
      data: { code: command.code, reason: requireText('reason', command.reason, 2000) },
    },
  ];
}

function requireActive(code: string, state: SecurityAreaState, action: string) {
  if (state.status === 'UNKNOWN') throw new NotFoundError('security area', code);
  if (state.status === 'RETIRED') {
    throw new RuleViolatedError(
      'security-area-retired',
      `security area ${code} is retired, so you cannot ${action}`,
    );
  }
  return state;
}
