import { fold } from '../../shared/decider';
import { DeciderSpecification } from '../../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../../shared/errors';
import type { RegisterOrganisationalUnit } from './organisational-unit.commands';
import { ancestorsAndSelf, organisationDecider } from './organisational-unit.decider';
import type {
  OrganisationalUnitClosed,
  OrganisationalUnitKind,
  OrganisationalUnitMoved,
  OrganisationalUnitRegistered,
} from './organisational-unit.events';

const spec = DeciderSpecification.for(organisationDecider);

const registered = (
  code: string,
  parentCode: string | null,
  kind: OrganisationalUnitKind,
  name = `Unit ${code}`,
): OrganisationalUnitRegistered => ({
  type: 'OrganisationalUnitRegistered',
  data: { code, name, parentCode, kind },
});
const moved = (
  code: string,
  parentCode: string,
  previousParentCode: string,
): OrganisationalUnitMoved => ({
  type: 'OrganisationalUnitMoved',
  data: { code, parentCode, previousParentCode },
});
const closed = (code: string, reason = 'Merged'): OrganisationalUnitClosed => ({
  type: 'OrganisationalUnitClosed',
  data: { code, reason },
});
const register = (
  change: Partial<RegisterOrganisationalUnit> = {},
): RegisterOrganisationalUnit => ({
  type: 'RegisterOrganisationalUnit',
  code: 'WARD12',
  name: 'Avdelning 12',
  parentCode: 'MED',
  kind: 'UNIT',
  ...change,
});

// Region Värmland → its health care administration → the medicine clinic → ward 12 and ward 14.
const region = registered('RV', null, 'REGION', 'Region Värmland');
const healthCare = registered('HSV', 'RV', 'ADMINISTRATION', 'Hälso- och sjukvård');
const medicine = registered('MED', 'HSV', 'DEPARTMENT', 'Medicinkliniken');
const ward12 = registered('WARD12', 'MED', 'UNIT', 'Avdelning 12');
const ward14 = registered('WARD14', 'MED', 'UNIT', 'Avdelning 14');
const tree = [region, healthCare, medicine];

describe('the organisation', () => {
  describe('RegisterOrganisationalUnit', () => {
    it('registers the region as the root', () => {
      spec
        .given([])
        .when(register({ code: 'RV', name: ' Region Värmland ', parentCode: null, kind: 'REGION' }))
        .then([region]);
    });

    it('registers a unit below an open parent, its name trimmed', () => {
      spec
        .given(tree)
        .when(register({ name: '  Avdelning 12 ' }))
        .then([ward12]);
    });

    it('accepts an HSA-style code', () => {
      spec
        .given(tree)
        .when(register({ code: 'SE2321000164-7381037590003' }))
        .then([registered('SE2321000164-7381037590003', 'MED', 'UNIT', 'Avdelning 12')]);
    });

    it('refuses a code already registered', () => {
      spec
        .given([...tree, ward12])
        .when(register())
        .thenThrows(RuleViolatedError, {
          rule: 'organisational-unit-already-registered',
          message: 'organisational unit WARD12 is already registered',
        });
    });

    it('refuses to reuse the code of a closed unit, saying so', () => {
      spec
        .given([...tree, ward12, closed('WARD12')])
        .when(register())
        .thenThrows(RuleViolatedError, /closed; a closed code is not reused/);
    });

    it('refuses a second region', () => {
      spec
        .given(tree)
        .when(register({ code: 'RVB', parentCode: null, kind: 'REGION' }))
        .thenThrows(RuleViolatedError, {
          rule: 'organisation-has-a-region',
          message: 'the organisation already has its region RV; register the new unit below it',
        });
    });

    it('refuses a region with a parent, naming the field', () => {
      spec
        .given(tree)
        .when(register({ code: 'RVB', kind: 'REGION', parentCode: 'RV' }))
        .thenThrows(InvalidValueError, { field: 'parentCode' });
    });

    it('refuses a unit without a parent, naming the field', () => {
      spec
        .given(tree)
        .when(register({ parentCode: null }))
        .thenThrows(InvalidValueError, {
          field: 'parentCode',
          message: 'parentCode: is required: only the region has no parent',
        });
    });

    it('refuses an unknown parent, naming the field', () => {
      spec
        .given(tree)
        .when(register({ parentCode: 'SURGERY' }))
        .thenThrows(InvalidValueError, {
          field: 'parentCode',
          message: 'parentCode: no organisational unit SURGERY is registered',
        });
    });

    it('refuses a closed parent', () => {
      spec
        .given([...tree, registered('OLD', 'HSV', 'DEPARTMENT'), closed('OLD')])
        .when(register({ parentCode: 'OLD' }))
        .thenThrows(RuleViolatedError, {
          rule: 'organisational-unit-closed',
          message: 'organisational unit OLD is closed, so nothing can be placed below it',
        });
    });

    it('refuses an unknown kind, naming the field', () => {
      spec
        .given(tree)
        .when(register({ kind: 'WARD' }))
        .thenThrows(InvalidValueError, { field: 'kind' });
    });

    it.each(['', 'ward 12', '-WARD', 'AVD/12', 'x'.repeat(65)])(
      'refuses the code %p, naming the field',
      (code) => {
        spec.given(tree).when(register({ code })).thenThrows(InvalidValueError, { field: 'code' });
      },
    );

    it('refuses a blank name, naming the field', () => {
      spec
        .given(tree)
        .when(register({ name: ' ' }))
        .thenThrows(InvalidValueError, { field: 'name' });
    });
  });

  describe('RenameOrganisationalUnit', () => {
    const rename = (name: string) => ({
      type: 'RenameOrganisationalUnit' as const,
      code: 'MED',
      name,
    });

    it('records the new name and the previous one', () => {
      spec
        .given(tree)
        .when(rename(' Medicin och akut '))
        .then([
          {
            type: 'OrganisationalUnitRenamed',
            data: { code: 'MED', name: 'Medicin och akut', previousName: 'Medicinkliniken' },
          },
        ]);
    });

    it('refuses the name it already has', () => {
      spec
        .given(tree)
        .when(rename('Medicinkliniken'))
        .thenThrows(RuleViolatedError, { rule: 'organisational-unit-name-unchanged' });
    });

    it('refuses an unknown unit', () => {
      spec
        .given([])
        .when(rename('Medicin'))
        .thenThrows(NotFoundError, { message: 'organisational unit MED does not exist' });
    });

    it('refuses a closed unit', () => {
      spec
        .given([...tree, closed('MED')])
        .when(rename('Medicin'))
        .thenThrows(RuleViolatedError, {
          message: 'organisational unit MED is closed, so you cannot rename it',
        });
    });

    it('refuses a blank name, naming the field', () => {
      spec.given(tree).when(rename('')).thenThrows(InvalidValueError, { field: 'name' });
    });
  });

  describe('MoveOrganisationalUnit', () => {
    const move = (code: string, parentCode: string) => ({
      type: 'MoveOrganisationalUnit' as const,
      code,
      parentCode,
    });
    const surgery = registered('SURG', 'HSV', 'DEPARTMENT', 'Kirurgkliniken');

    it('moves a unit under another open unit, recording where it came from', () => {
      spec
        .given([...tree, surgery, ward12])
        .when(move('WARD12', 'SURG'))
        .then([moved('WARD12', 'SURG', 'MED')]);
    });

    it('moves a department with its units to another administration', () => {
      const company = registered('FTV', 'RV', 'COMPANY', 'Folktandvården');
      spec
        .given([...tree, company, ward12])
        .when(move('MED', 'FTV'))
        .then([moved('MED', 'FTV', 'HSV')]);
    });

    it('refuses to move a unit under itself', () => {
      spec
        .given([...tree, ward12])
        .when(move('MED', 'MED'))
        .thenThrows(RuleViolatedError, { rule: 'organisational-unit-cycle' });
    });

    it('refuses to move a unit below one of its own units (a cycle), saying why', () => {
      spec
        .given([...tree, ward12])
        .when(move('HSV', 'WARD12'))
        .thenThrows(RuleViolatedError, {
          rule: 'organisational-unit-cycle',
          message:
            'cannot move HSV under WARD12: WARD12 is HSV itself or lies below it, so the tree would become a cycle',
        });
    });

    it('refuses to move a unit below a unit that was moved below it earlier', () => {
      spec
        .given([...tree, surgery, moved('SURG', 'MED', 'HSV')])
        .when(move('MED', 'SURG'))
        .thenThrows(RuleViolatedError, { rule: 'organisational-unit-cycle' });
    });

    it('refuses to move the region', () => {
      spec
        .given(tree)
        .when(move('RV', 'MED'))
        .thenThrows(RuleViolatedError, { rule: 'region-cannot-move' });
    });

    it('refuses a move to the parent it already has', () => {
      spec
        .given([...tree, ward12])
        .when(move('WARD12', 'MED'))
        .thenThrows(RuleViolatedError, { rule: 'organisational-unit-parent-unchanged' });
    });

    it('refuses an unknown unit', () => {
      spec.given(tree).when(move('WARD99', 'MED')).thenThrows(NotFoundError);
    });

    it('refuses an unknown parent, naming the field', () => {
      spec
        .given([...tree, ward12])
        .when(move('WARD12', 'NOPE'))
        .thenThrows(InvalidValueError, { field: 'parentCode' });
    });

    it('refuses a closed parent', () => {
      spec
        .given([...tree, surgery, closed('SURG'), ward12])
        .when(move('WARD12', 'SURG'))
        .thenThrows(RuleViolatedError, { rule: 'organisational-unit-closed' });
    });

    it('refuses to move a closed unit', () => {
      spec
        .given([...tree, surgery, ward12, closed('WARD12')])
        .when(move('WARD12', 'SURG'))
        .thenThrows(RuleViolatedError, {
          message: 'organisational unit WARD12 is closed, so you cannot move it',
        });
    });
  });

  describe('CloseOrganisationalUnit', () => {
    const close = (code: string, reason = 'Merged with ward 14') => ({
      type: 'CloseOrganisationalUnit' as const,
      code,
      reason,
    });

    it('closes a unit with the reason, trimmed', () => {
      spec
        .given([...tree, ward12])
        .when(close('WARD12', '  Merged with ward 14 '))
        .then([closed('WARD12', 'Merged with ward 14')]);
    });

    it('closes a unit whose units are all closed', () => {
      spec
        .given([...tree, ward12, closed('WARD12')])
        .when(close('MED'))
        .then([closed('MED', 'Merged with ward 14')]);
    });

    it('refuses to close a unit that still has open units, naming them', () => {
      spec
        .given([...tree, ward12, ward14])
        .when(close('MED'))
        .thenThrows(RuleViolatedError, {
          rule: 'organisational-unit-has-open-units',
          message:
            'organisational unit MED still has open units below it (WARD12, WARD14); move or close them first',
        });
    });

    it('refuses to close a unit twice', () => {
      spec
        .given([...tree, ward12, closed('WARD12')])
        .when(close('WARD12'))
        .thenThrows(RuleViolatedError, { rule: 'organisational-unit-closed' });
    });

    it('refuses an unknown unit', () => {
      spec.given(tree).when(close('WARD12')).thenThrows(NotFoundError);
    });

    it('refuses without a reason, naming the field', () => {
      spec
        .given([...tree, ward12])
        .when(close('WARD12', ' '))
        .thenThrows(InvalidValueError, { field: 'reason' });
    });
  });

  describe('ancestorsAndSelf', () => {
    it('lists a unit, its parent and so on up to the region, after moves', () => {
      const surgery = registered('SURG', 'HSV', 'DEPARTMENT');
      const state = fold(organisationDecider, [
        ...tree,
        surgery,
        ward12,
        moved('WARD12', 'SURG', 'MED'),
      ]);
      expect(ancestorsAndSelf('WARD12', state)).toEqual(['WARD12', 'SURG', 'HSV', 'RV']);
    });
  });
});
