import type { Decider } from '../../shared/decider';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../../shared/errors';
import { requireText } from '../../shared/text';
import type {
  CloseOrganisationalUnit,
  MoveOrganisationalUnit,
  OrganisationalUnitCommand,
  RegisterOrganisationalUnit,
  RenameOrganisationalUnit,
} from './organisational-unit.commands';
import {
  ORGANISATIONAL_UNIT_KINDS,
  type OrganisationalUnitEvent,
  type OrganisationalUnitKind,
} from './organisational-unit.events';

/**
 * The whole organisation is one stream: a move is only safe if no other move changes the tree at
 * the same time (two moves that are each fine can together make a cycle), so the tree is one
 * consistency boundary. A region has hundreds, not millions, of units.
 */
export const ORGANISATION_STREAM_ID = 'organisation';

/** Unit codes are kept in events and on risks; HSA-style ids (SE2321000164-7381037590003) fit. */
const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface OrganisationalUnit {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly kind: OrganisationalUnitKind;
  readonly open: boolean;
}

export interface OrganisationState {
  readonly units: Readonly<Record<string, OrganisationalUnit>>;
}

export const organisationDecider: Decider<
  OrganisationState,
  OrganisationalUnitCommand,
  OrganisationalUnitEvent
> = {
  initialState: () => ({ units: {} }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrganisationalUnit':
        return register(command, state);
      case 'RenameOrganisationalUnit':
        return rename(command, state);
      case 'MoveOrganisationalUnit':
        return move(command, state);
      case 'CloseOrganisationalUnit':
        return close(command, state);
    }
  },

  evolve(state, event) {
    const { code } = event.data;
    const unit = state.units[code];
    switch (event.type) {
      case 'OrganisationalUnitRegistered':
        return withUnit(state, { ...event.data, open: true });
      case 'OrganisationalUnitRenamed':
        return unit ? withUnit(state, { ...unit, name: event.data.name }) : state;
      case 'OrganisationalUnitMoved':
        return unit ? withUnit(state, { ...unit, parentCode: event.data.parentCode }) : state;
      case 'OrganisationalUnitClosed':
        return unit ? withUnit(state, { ...unit, open: false }) : state;
    }
  },
};

function withUnit(state: OrganisationState, unit: OrganisationalUnit): OrganisationState {
  return { units: { ...state.units, [unit.code]: unit } };
}

function register(
  command: RegisterOrganisationalUnit,
  state: OrganisationState,
): OrganisationalUnitEvent[] {
  const code = requireUnitCode('code', command.code);
  if (state.units[code]) {
    throw new RuleViolatedError(
      'organisational-unit-already-registered',
      `organisational unit ${code} is already registered` +
        (state.units[code].open ? '' : ' (and closed; a closed code is not reused)'),
    );
  }
  if (!(ORGANISATIONAL_UNIT_KINDS as readonly string[]).includes(command.kind)) {
    throw new InvalidValueError('kind', `must be one of ${ORGANISATIONAL_UNIT_KINDS.join(', ')}`);
  }
  const kind = command.kind as OrganisationalUnitKind;
  const name = requireText('name', command.name, 200);
  const parentCode = command.parentCode ?? null;
  if (kind === 'REGION') {
    if (parentCode !== null) {
      throw new InvalidValueError('parentCode', 'must be left out for the region: it is the root');
    }
    const root = Object.values(state.units).find((u) => u.kind === 'REGION');
    if (root) {
      throw new RuleViolatedError(
        'organisation-has-a-region',
        `the organisation already has its region ${root.code}; register the new unit below it`,
      );
    }
  } else {
    if (parentCode === null) {
      throw new InvalidValueError('parentCode', 'is required: only the region has no parent');
    }
    requireOpenParent(parentCode, state);
  }
  return [{ type: 'OrganisationalUnitRegistered', data: { code, name, parentCode, kind } }];
}

function rename(
  command: RenameOrganisationalUnit,
  state: OrganisationState,
): OrganisationalUnitEvent[] {
  const unit = requireOpen(command.code, state, 'rename it');
  const name = requireText('name', command.name, 200);
  if (name === unit.name) {
    throw new RuleViolatedError(
      'organisational-unit-name-unchanged',
      `organisational unit ${unit.code} is already named ${name}`,
    );
  }
  return [
    { type: 'OrganisationalUnitRenamed', data: { code: unit.code, name, previousName: unit.name } },
  ];
}

function move(
  command: MoveOrganisationalUnit,
  state: OrganisationState,
): OrganisationalUnitEvent[] {
  const unit = requireOpen(command.code, state, 'move it');
  if (unit.parentCode === null) {
    throw new RuleViolatedError(
      'region-cannot-move',
      `${unit.code} is the region, the root of the organisation; it has no parent to move from`,
    );
  }
  const parent = requireOpenParent(command.parentCode, state);
  if (parent.code === unit.parentCode) {
    throw new RuleViolatedError(
      'organisational-unit-parent-unchanged',
      `organisational unit ${unit.code} is already under ${parent.code}`,
    );
  }
  if (ancestorsAndSelf(parent.code, state).includes(unit.code)) {
    throw new RuleViolatedError(
      'organisational-unit-cycle',
      `cannot move ${unit.code} under ${parent.code}: ${parent.code} is ${unit.code} itself or ` +
        'lies below it, so the tree would become a cycle',
    );
  }
  return [
    {
      type: 'OrganisationalUnitMoved',
      data: { code: unit.code, parentCode: parent.code, previousParentCode: unit.parentCode },
    },
  ];
}

function close(
  command: CloseOrganisationalUnit,
  state: OrganisationState,
): OrganisationalUnitEvent[] {
  const unit = requireOpen(command.code, state, 'close it again');
  const openChildren = Object.values(state.units)
    .filter((u) => u.parentCode === unit.code && u.open)
    .map((u) => u.code);
  if (openChildren.length > 0) {
    throw new RuleViolatedError(
      'organisational-unit-has-open-units',
      `organisational unit ${unit.code} still has open units below it (${openChildren.join(', ')}); ` +
        'move or close them first',
    );
  }
  return [
    {
      type: 'OrganisationalUnitClosed',
      data: { code: unit.code, reason: requireText('reason', command.reason, 2000) },
    },
  ];
}

export function requireUnitCode(field: string, code: string): string {
  if (!UNIT_CODE.test(code)) {
    throw new InvalidValueError(
      field,
      'must be 1 to 64 letters, digits, . _ or -, starting with a letter or digit',
    );
  }
  return code;
}

/** The unit's code, its parent's, and so on up to the region. */
export function ancestorsAndSelf(code: string, state: OrganisationState): string[] {
  const chain: string[] = [];
  for (let at: string | null = code; at !== null && !chain.includes(at);) {
    chain.push(at);
    at = state.units[at]?.parentCode ?? null;
  }
  return chain;
}

function requireOpen(code: string, state: OrganisationState, action: string): OrganisationalUnit {
  const unit = state.units[code];
  if (!unit) throw new NotFoundError('organisational unit', code);
  if (!unit.open) {
    throw new RuleViolatedError(
      'organisational-unit-closed',
      `organisational unit ${code} is closed, so you cannot ${action}`,
    );
  }
  return unit;
}

function requireOpenParent(code: string, state: OrganisationState): OrganisationalUnit {
  const parent = state.units[code];
  if (!parent) {
    throw new InvalidValueError('parentCode', `no organisational unit ${code} is registered`);
  }
  if (!parent.open) {
    throw new RuleViolatedError(
      'organisational-unit-closed',
      `organisational unit ${code} is closed, so nothing can be placed below it`,
    );
  }
  return parent;
}
