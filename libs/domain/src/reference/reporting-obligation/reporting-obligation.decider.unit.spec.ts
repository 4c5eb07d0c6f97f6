import { DeciderSpecification } from '../../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../../shared/errors';
import { SEEDED_REPORTING_OBLIGATIONS, type ReportingObligation } from './reporting-obligation';
import type {
  RegisterReportingObligation,
  ReviseReportingObligation,
} from './reporting-obligation.commands';
import {
  reportingObligationDecider,
  reportingObligationStreamId,
} from './reporting-obligation.decider';
import type { ReportingObligationRegistered } from './reporting-obligation.events';

const spec = DeciderSpecification.for(reportingObligationDecider);
const msb = SEEDED_REPORTING_OBLIGATIONS.find((o) => o.authority === 'MSB')!;
const code = msb.code;

const register = (
  change: Partial<RegisterReportingObligation> = {},
): RegisterReportingObligation => ({
  type: 'RegisterReportingObligation',
  ...msb,
  ...change,
});
const registered = (change: Partial<ReportingObligation> = {}): ReportingObligationRegistered => ({
  type: 'ReportingObligationRegistered',
  data: { ...msb, builtIn: false, ...change },
});
const revise = (change: Partial<ReviseReportingObligation> = {}): ReviseReportingObligation => ({
  type: 'ReviseReportingObligation',
  ...msb,
  ...change,
});
const retired = { type: 'ReportingObligationRetired' as const, data: { code, reason: 'Replaced' } };

describe('a reporting obligation', () => {
  it('names its stream by its code', () => {
    expect(reportingObligationStreamId('IVO_LEX_MARIA')).toBe('reporting-obligation:IVO_LEX_MARIA');
  });

  it('registers one, trimmed, kinds in their usual order and without repeats', () => {
    spec
      .given([])
      .when(
        register({
          sv: '  Betydande IT-incident (cybersäkerhetslagen) ',
          kinds: ['IT_INCIDENT', 'DEVIATION', 'IT_INCIDENT'],
        }),
      )
      .then([registered({ kinds: ['DEVIATION', 'IT_INCIDENT'] })]);
  });

  it('seeds the four built in, each valid', () => {
    for (const obligation of SEEDED_REPORTING_OBLIGATIONS) {
      spec
        .given([])
        .when({ type: 'RegisterReportingObligation', ...obligation, builtIn: true })
        .then([{ type: 'ReportingObligationRegistered', data: { ...obligation, builtIn: true } }]);
    }
  });

  it('refuses a code already registered, and one retired', () => {
    spec
      .given([registered()])
      .when(register())
      .thenThrows(RuleViolatedError, { rule: 'reporting-obligation-already-registered' });
    spec
      .given([registered(), retired])
      .when(register())
      .thenThrows(RuleViolatedError, /retired; a retired code is not reused/);
  });

  it.each<[string, Partial<RegisterReportingObligation>]>([
    ['code', { code: 'msb' }],
    ['authority', { authority: 'SKATTEVERKET' }],
    ['kinds', { kinds: ['FIRE'] }],
    ['kinds', { kinds: [], personalData: false }],
    ['sv', { sv: ' ' }],
    ['stages', { stages: [] }],
    ['stages[0].withinHours', { stages: [{ sv: 'A', en: 'A', withinHours: 0 }] }],
    ['stages[0].withinHours', { stages: [{ sv: 'A', en: 'A', withinHours: 1.5 }] }],
    [
      'stages[1].withinHours',
      {
        stages: [
          { sv: 'A', en: 'A', withinHours: 72 },
          { sv: 'B', en: 'B', withinHours: 24 },
        ],
      },
    ],
    ['stages[0].en', { stages: [{ sv: 'A', en: '', withinHours: 24 }] }],
  ])('refuses a wrong %s, naming the field', (field, change) => {
    spec.given([]).when(register(change)).thenThrows(InvalidValueError, { field });
  });

  it('applies to incidents with personal data affected without naming a kind', () => {
    spec
      .given([])
      .when(register({ kinds: [], personalData: true }))
      .then([registered({ kinds: [], personalData: true })]);
  });

  it('revises an obligation as a whole', () => {
    const stages = [{ sv: 'Anmälan', en: 'Report', withinHours: 48 }];
    spec
      .given([registered()])
      .when(revise({ stages }))
      .then([{ type: 'ReportingObligationRevised', data: { ...msb, stages } }]);
  });

  it('refuses a revision that changes nothing, one unknown and one retired', () => {
    spec
      .given([registered()])
      .when(revise())
      .thenThrows(RuleViolatedError, { rule: 'reporting-obligation-unchanged' });
    spec.given([]).when(revise()).thenThrows(NotFoundError);
    spec
      .given([registered(), retired])
      .when(revise({ stages: [{ sv: 'A', en: 'A', withinHours: 1 }] }))
      .thenThrows(RuleViolatedError, { rule: 'reporting-obligation-retired' });
  });

  it('retires with a reason, once', () => {
    spec
      .given([registered()])
      .when({ type: 'RetireReportingObligation', code, reason: ' Replaced ' })
      .then([retired]);
    spec
      .given([registered(), retired])
      .when({ type: 'RetireReportingObligation', code, reason: 'Again' })
      .thenThrows(RuleViolatedError, { rule: 'reporting-obligation-retired' });
    spec
      .given([registered()])
      .when({ type: 'RetireReportingObligation', code, reason: '' })
      .thenThrows(InvalidValueError, { field: 'reason' });
  });
});
