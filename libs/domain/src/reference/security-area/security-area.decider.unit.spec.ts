import { DeciderSpecification } from '../../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../../shared/errors';
import type {
  AssignSecurityAreaResponsible,
  RegisterSecurityArea,
  RetireSecurityArea,
} from './security-area.commands';
import { securityAreaDecider, securityAreaStreamId } from './security-area.decider';
import type {
  SecurityAreaRegistered,
  SecurityAreaResponsibleAssigned,
  SecurityAreaRetired,
} from './security-area.events';

const spec = DeciderSpecification.for(securityAreaDecider);
const code = 'PHYSICAL_SECURITY';

const register = (change: Partial<RegisterSecurityArea> = {}): RegisterSecurityArea => ({
  type: 'RegisterSecurityArea',
  code,
  sv: 'Fysisk säkerhet',
  en: 'Physical security',
  ...change,
});
const registered = (
  change: Partial<SecurityAreaRegistered['data']> = {},
): SecurityAreaRegistered => ({
  type: 'SecurityAreaRegistered',
  data: {
    code,
    sv: 'Fysisk säkerhet',
    en: 'Physical security',
    builtIn: false,
    responsible: null,
    ...change,
  },
});
const assign = (responsible: string): AssignSecurityAreaResponsible => ({
  type: 'AssignSecurityAreaResponsible',
  code,
  responsible,
});
const assigned = (responsible: string): SecurityAreaResponsibleAssigned => ({
  type: 'SecurityAreaResponsibleAssigned',
  data: { code, responsible },
});
const retire = (reason = 'Merged into protective security'): RetireSecurityArea => ({
  type: 'RetireSecurityArea',
  code,
  reason,
});
const retired = (reason = 'Merged into protective security'): SecurityAreaRetired => ({
  type: 'SecurityAreaRetired',
  data: { code, reason },
});

describe('a security area', () => {
  it('names its stream by its code', () => {
    expect(securityAreaStreamId('FIRE_SAFETY')).toBe('security-area:FIRE_SAFETY');
  });

  describe('RegisterSecurityArea', () => {
    it('registers an area the region adds, trimmed, not built in', () => {
      spec
        .given([])
        .when(register({ sv: '  Fysisk säkerhet ', responsible: '  erik.lind@region.se ' }))
        .then([registered({ responsible: 'erik.lind@region.se' })]);
    });

    it('registers a built-in area when seeding', () => {
      spec
        .given([])
        .when(
          register({ code: 'FIRE_SAFETY', sv: 'Brandsäkerhet', en: 'Fire safety', builtIn: true }),
        )
        .then([
          registered({
            code: 'FIRE_SAFETY',
            sv: 'Brandsäkerhet',
            en: 'Fire safety',
            builtIn: true,
          }),
        ]);
    });

    it('refuses a code already registered', () => {
      spec.given([registered()]).when(register()).thenThrows(RuleViolatedError, {
        rule: 'security-area-already-registered',
        message: 'security area PHYSICAL_SECURITY is already registered',
      });
    });

    it('refuses to reuse the code of a retired area, saying so', () => {
      spec
        .given([registered(), retired()])
        .when(register())
        .thenThrows(RuleViolatedError, /retired; a retired code is not reused/);
    });

    it.each(['physical', 'P', '1AREA', 'PHYSICAL SECURITY', 'FYSISK_SÄKERHET', 'X'.repeat(65)])(
      'refuses the code %p, naming the field',
      (bad) => {
        spec
          .given([])
          .when(register({ code: bad }))
          .thenThrows(InvalidValueError, { field: 'code' });
      },
    );

    it.each(['sv', 'en'] as const)('refuses a blank %s name, naming the field', (field) => {
      spec
        .given([])
        .when(register({ [field]: '  ' }))
        .thenThrows(InvalidValueError, { field });
    });

    it('refuses a responsible person over 200 characters', () => {
      spec
        .given([])
        .when(register({ responsible: 'x'.repeat(201) }))
        .thenThrows(InvalidValueError, { field: 'responsible' });
    });
  });

  describe('AssignSecurityAreaResponsible', () => {
    it('records the new responsible person', () => {
      spec
        .given([registered()])
        .when(assign(' erik.lind@region.se '))
        .then([assigned('erik.lind@region.se')]);
    });

    it('records a change of responsible person', () => {
      spec
        .given([registered(), assigned('erik.lind@region.se')])
        .when(assign('sara.ek@region.se'))
        .then([assigned('sara.ek@region.se')]);
    });

    it('refuses to assign the person already responsible', () => {
      spec
        .given([registered({ responsible: 'erik.lind@region.se' })])
        .when(assign('erik.lind@region.se'))
        .thenThrows(RuleViolatedError, { rule: 'security-area-responsible-unchanged' });
    });

    it('refuses an unknown area', () => {
      spec.given([]).when(assign('erik.lind@region.se')).thenThrows(NotFoundError, {
        message: 'security area PHYSICAL_SECURITY does not exist',
      });
    });

    it('refuses a retired area', () => {
      spec
        .given([registered(), retired()])
        .when(assign('erik.lind@region.se'))
        .thenThrows(RuleViolatedError, {
          rule: 'security-area-retired',
          message:
            'security area PHYSICAL_SECURITY is retired, so you cannot assign a responsible person to it',
        });
    });

    it('refuses a blank responsible person, naming the field', () => {
      spec
        .given([registered()])
        .when(assign(' '))
        .thenThrows(InvalidValueError, { field: 'responsible' });
    });
  });

  describe('RetireSecurityArea', () => {
    it('retires an active area with the reason, trimmed', () => {
      spec
        .given([registered()])
        .when(retire('  Merged into protective security '))
        .then([retired()]);
    });

    it('retires a built-in area a region does not use', () => {
      spec
        .given([registered({ builtIn: true })])
        .when(retire('No radiology in this region'))
        .then([retired('No radiology in this region')]);
    });

    it('refuses to retire an area twice', () => {
      spec
        .given([registered(), retired()])
        .when(retire())
        .thenThrows(RuleViolatedError, { rule: 'security-area-retired' });
    });

    it('refuses an unknown area', () => {
      spec.given([]).when(retire()).thenThrows(NotFoundError);
    });

    it('refuses without a reason, naming the field', () => {
      spec
        .given([registered()])
        .when(retire(''))
        .thenThrows(InvalidValueError, { field: 'reason' });
    });
  });
});
