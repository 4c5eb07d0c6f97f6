import { SECURITY_AREA_CODES } from '../areas/security-areas';
import { fold } from '../shared/decider';
import { DeciderSpecification } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError, RuleViolatedError } from '../shared/errors';
import type { ReportIncident } from './incident.commands';
import { incidentDecider } from './incident.decider';
import type { IncidentReported } from './incident.events';

const spec = DeciderSpecification.for(incidentDecider);
const incidentId = 'incident-1';
const now = new Date('2025-03-10T12:00:00.000Z');
const minutes = (n: number) => n * 60 * 1000;
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

const reportIncident = (change: Partial<ReportIncident> = {}): ReportIncident => ({
  type: 'ReportIncident',
  incidentId,
  title: 'Medicine cabinet found open',
  description: 'The night nurse found the cabinet open and unattended.',
  area: 'PHARMACEUTICALS',
  unit: 'Ward 12',
  occurredAt: new Date('2025-03-10T03:15:00.000Z'),
  riskIds: ['risk-1'],
  kind: 'DEVIATION',
  severity: 3,
  immediateActions: 'Cabinet locked, pharmacy informed',
  now,
  reference: { activeAreas: SECURITY_AREA_CODES, unitKnown: true },
  ...change,
});
const incidentReported = (change: Partial<IncidentReported['data']> = {}): IncidentReported => ({
  type: 'IncidentReported',
  data: {
    incidentId,
    title: 'Medicine cabinet found open',
    description: 'The night nurse found the cabinet open and unattended.',
    area: 'PHARMACEUTICALS',
    unit: 'Ward 12',
    occurredAt: '2025-03-10T03:15:00.000Z',
    riskIds: ['risk-1'],
    kind: 'DEVIATION',
    severity: 3,
    immediateActions: 'Cabinet locked, pharmacy informed',
    discoveredAt: now.toISOString(),
    personalDataAffected: null,
    ...change,
  },
});

const tooLong = (max: number) => 'x'.repeat(max + 1);

describe('ReportIncident', () => {
  it.each([
    'DEFICIENCY',
    'DEVIATION',
    'NEAR_MISS',
    'SERIOUS_NEAR_MISS',
    'ACCIDENT',
    'CARE_INJURY',
    'IT_INCIDENT',
  ])('records a report of kind %s', (kind) => {
    spec
      .given([])
      .when(reportIncident({ kind }))
      .then([incidentReported({ kind: kind as never })]);
  });

  it('refuses a kind it does not know, naming the field', () => {
    spec
      .given([])
      .when(reportIncident({ kind: 'ACCIDENTAL' }))
      .thenThrows(InvalidValueError, { field: 'kind' });
  });

  it.each([0, 6, 2.5])('refuses severity %s: it is on the 1 to 5 scale', (severity) => {
    spec
      .given([])
      .when(reportIncident({ severity }))
      .thenThrows(InvalidValueError, { field: 'severity' });
  });

  it('leaves severity and immediate actions out when not given (blank counts as not given)', () => {
    spec
      .given([])
      .when(reportIncident({ severity: undefined, immediateActions: '   ' }))
      .then([incidentReported({ severity: null, immediateActions: null })]);
  });

  it('records the incident with its time as an ISO 8601 instant', () => {
    spec.given([]).when(reportIncident()).then([incidentReported()]);
  });

  it('trims the texts', () => {
    spec
      .given([])
      .when(
        reportIncident({
          title: ' Medicine cabinet found open ',
          description: '\nThe night nurse found the cabinet open and unattended.  ',
          unit: '  Ward 12',
        }),
      )
      .then([incidentReported()]);
  });

  it('records each linked risk once, in the order first given', () => {
    spec
      .given([])
      .when(reportIncident({ riskIds: ['risk-2', 'risk-1', 'risk-2', 'risk-1'] }))
      .then([incidentReported({ riskIds: ['risk-2', 'risk-1'] })]);
  });

  it('accepts an incident linked to no risk', () => {
    spec
      .given([])
      .when(reportIncident({ riskIds: [] }))
      .then([incidentReported({ riskIds: [] })]);
  });

  it.each(['PHYSICAL_SECURITY', 'pharmaceuticals', ''])(
    'refuses the unknown area %p, naming area',
    (area) => {
      spec
        .given([])
        .when(reportIncident({ area }))
        .thenThrows(InvalidValueError, { field: 'area' });
    },
  );

  it('accepts an area the region added to its reference data', () => {
    spec
      .given([])
      .when(
        reportIncident({
          area: 'PHYSICAL_SECURITY',
          reference: {
            activeAreas: [...SECURITY_AREA_CODES, 'PHYSICAL_SECURITY'],
            unitKnown: true,
          },
        }),
      )
      .then([incidentReported({ area: 'PHYSICAL_SECURITY' })]);
  });

  it('refuses a retired area: only areas in use may be named', () => {
    spec
      .given([])
      .when(reportIncident({ reference: { activeAreas: ['IT_SECURITY'], unitKnown: true } }))
      .thenThrows(InvalidValueError, {
        field: 'area',
        message: 'area: must be one of IT_SECURITY',
      });
  });

  it('refuses a unit the organisation register does not know, naming unit', () => {
    spec
      .given([])
      .when(reportIncident({ reference: { activeAreas: SECURITY_AREA_CODES, unitKnown: false } }))
      .thenThrows(InvalidValueError, {
        field: 'unit',
        message: 'unit: Ward 12 is not a known organisational unit',
      });
  });

  describe('when it occurred', () => {
    it('accepts a time up to 5 minutes ahead of our clock (reporters’ clocks drift)', () => {
      spec
        .given([])
        .when(reportIncident({ occurredAt: at(minutes(5)) }))
        .then([
          incidentReported({
            occurredAt: '2025-03-10T12:05:00.000Z',
            discoveredAt: '2025-03-10T12:05:00.000Z',
          }),
        ]);
    });

    it('accepts the present moment', () => {
      spec
        .given([])
        .when(reportIncident({ occurredAt: now }))
        .then([incidentReported({ occurredAt: '2025-03-10T12:00:00.000Z' })]);
    });

    it.each([
      ['5 minutes and 1 ms', minutes(5) + 1],
      ['1 hour', minutes(60)],
      ['1 year', minutes(60 * 24 * 365)],
    ])('refuses a time %s in the future', (_label, ahead) => {
      spec
        .given([])
        .when(reportIncident({ occurredAt: at(ahead) }))
        .thenThrows(InvalidValueError, {
          field: 'occurredAt',
          message: 'occurredAt: must not be in the future',
        });
    });

    it('refuses a time that is not a valid date', () => {
      spec
        .given([])
        .when(reportIncident({ occurredAt: new Date('2025-02-30T25:00:00Z') }))
        .thenThrows(InvalidValueError, {
          field: 'occurredAt',
          message: 'occurredAt: must be a valid ISO 8601 time',
        });
    });
  });

  it.each(['title', 'description', 'unit'] as const)('refuses a blank %s, naming it', (field) => {
    spec
      .given([])
      .when(reportIncident({ [field]: ' \t ' }))
      .thenThrows(InvalidValueError, { field, message: `${field}: must not be empty` });
  });

  it.each([
    ['title', 200],
    ['description', 5000],
    ['unit', 200],
  ] as const)('refuses a %s longer than %i characters, naming it', (field, max) => {
    spec
      .given([])
      .when(reportIncident({ [field]: tooLong(max) }))
      .thenThrows(InvalidValueError, {
        field,
        message: `${field}: must be at most ${max} characters`,
      });
  });

  it('records when it was discovered and whether personal data was affected', () => {
    const discoveredAt = at(-60 * 60 * 1000);
    spec
      .given([])
      .when(reportIncident({ discoveredAt, personalDataAffected: true }))
      .then([
        incidentReported({ discoveredAt: discoveredAt.toISOString(), personalDataAffected: true }),
      ]);
  });

  it.each([
    ['before it occurred', new Date('2025-03-10T03:14:59.000Z')],
    ['in the future', at(10 * 60 * 1000)],
    ['not a time', new Date('nonsense')],
  ])('refuses a discovery %s, naming discoveredAt', (_, discoveredAt) => {
    spec
      .given([])
      .when(reportIncident({ discoveredAt }))
      .thenThrows(InvalidValueError, { field: 'discoveredAt' });
  });

  it('refuses an incident that is already reported', () => {
    spec
      .given([incidentReported()])
      .when(reportIncident())
      .thenThrows(RuleViolatedError, { rule: 'incident-already-reported' });
  });
});

describe('evolve (replaying an incident stream)', () => {
  const reportedState = {
    status: 'REPORTED',
    incidentId,
    kind: 'DEVIATION',
    occurredAt: '2025-03-10T03:15:00.000Z',
    personalDataAffected: null,
    linkedRisks: { 'risk-1': null },
    investigated: false,
    outwardReports: [],
  };

  it('starts from an unknown incident', () => {
    expect(fold(incidentDecider, [])).toEqual({ status: 'UNKNOWN' });
  });

  it('knows a reported incident, its kind, time and the risks named at report (relation not yet stated)', () => {
    expect(fold(incidentDecider, [incidentReported()])).toEqual(reportedState);
  });

  it('replays what the decider recorded', () => {
    const recorded = incidentDecider.decide(reportIncident(), incidentDecider.initialState());
    expect(fold(incidentDecider, recorded)).toEqual(reportedState);
  });

  it('reads a report from before kinds were recorded (kind null)', () => {
    expect(fold(incidentDecider, [incidentReported({ kind: null })])).toMatchObject({
      status: 'REPORTED',
      kind: null,
    });
  });
});
