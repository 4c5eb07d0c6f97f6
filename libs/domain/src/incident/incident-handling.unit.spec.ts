import { fold } from '../shared/decider';
import { DeciderSpecification } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import type {
  AssessIncidentPersonalData,
  CloseIncident,
  DecideIncidentActions,
  DismissIncident,
  InvestigateIncident,
  LinkIncidentToRisk,
  ReportIncidentToAuthority,
} from './incident.commands';
import { incidentDecider } from './incident.decider';
import type {
  IncidentActionsDecided,
  IncidentClosed,
  IncidentDismissed,
  IncidentEvent,
  IncidentInvestigated,
  IncidentKind,
  IncidentLinkedToRisk,
  IncidentPersonalDataAssessed,
  IncidentReported,
  IncidentReportedToAuthority,
} from './incident.events';

const spec = DeciderSpecification.for(incidentDecider);
const incidentId = 'incident-1';
const now = new Date('2025-03-12T12:00:00.000Z');

// Events and commands of one incident on ward 12; each test changes only what it is about.
const reported = (change: Partial<IncidentReported['data']> = {}): IncidentReported => ({
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
    immediateActions: null,
    discoveredAt: null,
    personalDataAffected: null,
    ...change,
  },
});
const ofKind = (kind: IncidentKind | null) => reported({ kind });
const linked = (riskId: string, relation: 'REALISED' | 'REVEALED'): IncidentLinkedToRisk => ({
  type: 'IncidentLinkedToRisk',
  data: { incidentId, riskId, relation },
});
const investigated: IncidentInvestigated = {
  type: 'IncidentInvestigated',
  data: { incidentId, findings: 'The door closer was broken.', rootCause: 'No maintenance plan' },
};
const actionsDecided = (
  actions: IncidentActionsDecided['data']['actions'] = [
    { riskId: 'risk-1', description: 'Fit card access', mitigationId: null },
  ],
): IncidentActionsDecided => ({ type: 'IncidentActionsDecided', data: { incidentId, actions } });
const reportedTo = (
  authority: IncidentReportedToAuthority['data']['authority'],
  reference = 'REF-1',
): IncidentReportedToAuthority => ({
  type: 'IncidentReportedToAuthority',
  data: { incidentId, authority, reference, reportedAt: '2025-03-10T08:00:00.000Z' },
});
const closed: IncidentClosed = {
  type: 'IncidentClosed',
  data: { incidentId, summary: 'Card access fitted' },
};
const dismissed: IncidentDismissed = {
  type: 'IncidentDismissed',
  data: { incidentId, reason: 'Reported twice' },
};

const link = (change: Partial<LinkIncidentToRisk> = {}): LinkIncidentToRisk => ({
  type: 'LinkIncidentToRisk',
  incidentId,
  riskId: 'risk-2',
  relation: 'REVEALED',
  ...change,
});
const investigate = (change: Partial<InvestigateIncident> = {}): InvestigateIncident => ({
  type: 'InvestigateIncident',
  incidentId,
  findings: 'The door closer was broken.',
  rootCause: 'No maintenance plan',
  ...change,
});
const decideActions = (change: Partial<DecideIncidentActions> = {}): DecideIncidentActions => ({
  type: 'DecideIncidentActions',
  incidentId,
  actions: [{ riskId: 'risk-1', description: 'Fit card access' }],
  risksIdentifiedFromIncident: [],
  ...change,
});
const reportToAuthority = (
  change: Partial<ReportIncidentToAuthority> = {},
): ReportIncidentToAuthority => ({
  type: 'ReportIncidentToAuthority',
  incidentId,
  authority: 'ARBETSMILJOVERKET',
  reference: 'REF-1',
  reportedAt: new Date('2025-03-10T08:00:00.000Z'),
  now,
  ...change,
});
const close = (summary = 'Card access fitted'): CloseIncident => ({
  type: 'CloseIncident',
  incidentId,
  summary,
});
const dismiss = (reason = 'Reported twice'): DismissIncident => ({
  type: 'DismissIncident',
  incidentId,
  reason,
});

/** Every change an open incident can take, to check that none is taken once it is finished. */
const assessPersonalData = (personalDataAffected = true): AssessIncidentPersonalData => ({
  type: 'AssessIncidentPersonalData',
  incidentId,
  personalDataAffected,
});
const personalDataAssessed = (personalDataAffected = true): IncidentPersonalDataAssessed => ({
  type: 'IncidentPersonalDataAssessed',
  data: { incidentId, personalDataAffected },
});

const everyChange = [
  ['a personal data assessment', assessPersonalData()],
  ['a link to a risk', link()],
  ['an investigation', investigate()],
  ['actions', decideActions()],
  ['an outward report', reportToAuthority()],
  ['closing', close()],
  ['dismissing', dismiss()],
] as const;

describe('LinkIncidentToRisk', () => {
  it.each(['REALISED', 'REVEALED'] as const)('records a link %s', (relation) => {
    spec
      .given([reported()])
      .when(link({ relation }))
      .then([linked('risk-2', relation)]);
  });

  it('states the relation of a risk named at report, which had none', () => {
    spec
      .given([reported({ riskIds: ['risk-1'] })])
      .when(link({ riskId: 'risk-1', relation: 'REALISED' }))
      .then([linked('risk-1', 'REALISED')]);
  });

  it.each(['REALISED', 'REVEALED'] as const)(
    'refuses to link a risk already linked (as REVEALED), even as %s',
    (relation) => {
      spec
        .given([reported(), linked('risk-2', 'REVEALED')])
        .when(link({ relation }))
        .thenThrows(RuleViolatedError, {
          rule: 'risk-already-linked',
          message: 'risk risk-2 is already linked to incident incident-1 as REVEALED',
        });
    },
  );

  it.each(['CAUSED', 'realised', ''])('refuses the relation %p, naming relation', (relation) => {
    spec
      .given([reported()])
      .when(link({ relation }))
      .thenThrows(InvalidValueError, { field: 'relation' });
  });
});

describe('InvestigateIncident', () => {
  it('records the findings and root cause, trimmed', () => {
    spec
      .given([reported()])
      .when(
        investigate({
          findings: ' The door closer was broken.\n',
          rootCause: ' No maintenance plan ',
        }),
      )
      .then([investigated]);
  });

  it('records a later investigation too: it supersedes the earlier findings', () => {
    spec
      .given([reported(), investigated])
      .when(investigate({ rootCause: 'Budget cut for maintenance' }))
      .then([
        {
          type: 'IncidentInvestigated',
          data: { ...investigated.data, rootCause: 'Budget cut for maintenance' },
        },
      ]);
  });

  it.each([
    ['findings', ' ', 'must not be empty'],
    ['rootCause', '', 'must not be empty'],
    ['findings', 'x'.repeat(5001), 'must be at most 5000 characters'],
    ['rootCause', 'x'.repeat(2001), 'must be at most 2000 characters'],
  ] as const)('refuses %s %#, naming it', (field, value, message) => {
    spec
      .given([reported()])
      .when(investigate({ [field]: value }))
      .thenThrows(InvalidValueError, { field, message: `${field}: ${message}` });
  });
});

describe('DecideIncidentActions', () => {
  it('records actions on linked risks, without a mitigation until one is planned', () => {
    spec
      .given([reported(), linked('risk-2', 'REVEALED'), investigated])
      .when(
        decideActions({
          actions: [
            { riskId: 'risk-1', description: ' Fit card access ' },
            { riskId: 'risk-2', description: 'Service plan for door closers', mitigationId: 'm-9' },
          ],
        }),
      )
      .then([
        actionsDecided([
          { riskId: 'risk-1', description: 'Fit card access', mitigationId: null },
          { riskId: 'risk-2', description: 'Service plan for door closers', mitigationId: 'm-9' },
        ]),
      ]);
  });

  it('accepts an action on a risk identified from the incident', () => {
    spec
      .given([reported({ riskIds: [] }), investigated])
      .when(
        decideActions({
          actions: [{ riskId: 'risk-new', description: 'Lock the cabinet' }],
          risksIdentifiedFromIncident: ['risk-new'],
        }),
      )
      .then([
        actionsDecided([
          { riskId: 'risk-new', description: 'Lock the cabinet', mitigationId: null },
        ]),
      ]);
  });

  it('records further actions decided later', () => {
    spec
      .given([reported(), investigated, actionsDecided()])
      .when(decideActions({ actions: [{ riskId: 'risk-1', description: 'Follow up in May' }] }))
      .then([
        actionsDecided([{ riskId: 'risk-1', description: 'Follow up in May', mitigationId: null }]),
      ]);
  });

  it('refuses actions before the incident is investigated: they follow from the findings', () => {
    spec
      .given([reported()])
      .when(decideActions())
      .thenThrows(RuleViolatedError, {
        rule: 'investigation-before-actions',
        message:
          'incident incident-1 has not been investigated: actions are decided on the findings ' +
          'and root cause, so record the investigation first',
      });
  });

  it('refuses an action on a risk not linked to the incident', () => {
    spec
      .given([reported(), investigated])
      .when(
        decideActions({
          actions: [
            { riskId: 'risk-1', description: 'Fit card access' },
            { riskId: 'risk-7', description: 'Something else' },
          ],
        }),
      )
      .thenThrows(RuleViolatedError, {
        rule: 'action-on-unlinked-risk',
        message:
          'risk risk-7 is not linked to incident incident-1: link the risk to the incident ' +
          'before deciding actions on it',
      });
  });

  it('refuses a decision without actions, naming actions', () => {
    spec
      .given([reported(), investigated])
      .when(decideActions({ actions: [] }))
      .thenThrows(InvalidValueError, {
        field: 'actions',
        message: 'actions: must name at least one action',
      });
  });

  it('refuses more than 50 actions in one decision', () => {
    const actions = Array.from({ length: 51 }, () => ({ riskId: 'risk-1', description: 'Do' }));
    spec
      .given([reported(), investigated])
      .when(decideActions({ actions }))
      .thenThrows(InvalidValueError, { field: 'actions' });
  });

  it('refuses a blank description, naming the action', () => {
    spec
      .given([reported(), investigated])
      .when(
        decideActions({
          actions: [
            { riskId: 'risk-1', description: 'Fit card access' },
            { riskId: 'risk-1', description: '  ' },
          ],
        }),
      )
      .thenThrows(InvalidValueError, { field: 'actions[1].description' });
  });
});

describe('ReportIncidentToAuthority', () => {
  it('records the report: authority, reference (trimmed) and when', () => {
    spec
      .given([reported()])
      .when(reportToAuthority({ reference: ' REF-1 ' }))
      .then([reportedTo('ARBETSMILJOVERKET')]);
  });

  it('records a second report to the same authority under another reference', () => {
    spec
      .given([reported(), reportedTo('IVO', 'IVO 3.1-123')])
      .when(reportToAuthority({ authority: 'IVO', reference: 'IVO 3.1-124' }))
      .then([reportedTo('IVO', 'IVO 3.1-124')]);
  });

  it('refuses the same report twice', () => {
    spec
      .given([reported(), reportedTo('IVO', 'IVO 3.1-123')])
      .when(reportToAuthority({ authority: 'IVO', reference: 'IVO 3.1-123' }))
      .thenThrows(RuleViolatedError, {
        rule: 'outward-report-already-recorded',
        message: 'the report IVO 3.1-123 to IVO is already recorded on incident incident-1',
      });
  });

  it.each(['SOCIALSTYRELSEN', 'ivo', ''])('refuses the authority %p, naming it', (authority) => {
    spec
      .given([reported()])
      .when(reportToAuthority({ authority }))
      .thenThrows(InvalidValueError, { field: 'authority' });
  });

  it('refuses a blank reference', () => {
    spec
      .given([reported()])
      .when(reportToAuthority({ reference: ' ' }))
      .thenThrows(InvalidValueError, { field: 'reference' });
  });

  it.each([
    [
      'in the future',
      new Date('2025-03-12T12:06:00.000Z'),
      'reportedAt: must not be in the future',
    ],
    [
      'before the incident occurred',
      new Date('2025-03-10T03:14:59.000Z'),
      'reportedAt: must not be before the incident occurred (2025-03-10T03:15:00.000Z)',
    ],
    ['not a valid time', new Date('nonsense'), 'reportedAt: must be a valid ISO 8601 time'],
  ])('refuses a report time %s', (_label, reportedAt, message) => {
    spec
      .given([reported()])
      .when(reportToAuthority({ reportedAt }))
      .thenThrows(InvalidValueError, { field: 'reportedAt', message });
  });
});

describe('CloseIncident', () => {
  it('closes a deviation at once: it needs no investigation and no outward report', () => {
    spec.given([reported()]).when(close(' Card access fitted ')).then([closed]);
  });

  it.each(['SERIOUS_NEAR_MISS', 'ACCIDENT', 'CARE_INJURY'] as const)(
    'refuses to close a %s before it is investigated',
    (kind) => {
      spec
        .given([ofKind(kind), reportedTo('ARBETSMILJOVERKET'), reportedTo('IVO')])
        .when(close())
        .thenThrows(RuleViolatedError, {
          rule: 'investigation-required',
          message:
            `incident incident-1 is a ${kind}, which must be investigated before it is closed: ` +
            'record the findings and root cause first',
        });
    },
  );

  it.each([
    ['SERIOUS_NEAR_MISS', 'ARBETSMILJOVERKET'],
    ['CARE_INJURY', 'IVO'],
    ['IT_INCIDENT', 'MSB'],
  ] as const)('refuses to close a %s not yet reported to %s', (kind, authority) => {
    spec
      .given([ofKind(kind), investigated, reportedTo('POLICE')])
      .when(close())
      .thenThrows(RuleViolatedError, {
        rule: 'outward-report-required',
        message:
          `incident incident-1 is a ${kind}, which must be reported to ${authority} before it ` +
          'is closed: record the report first',
      });
  });

  it.each([
    ['SERIOUS_NEAR_MISS', 'ARBETSMILJOVERKET'],
    ['CARE_INJURY', 'IVO'],
    ['IT_INCIDENT', 'MSB'],
  ] as const)('closes a %s once investigated and reported to %s', (kind, authority) => {
    spec
      .given([ofKind(kind), investigated, reportedTo(authority)])
      .when(close())
      .then([closed]);
  });

  it('closes a report from before kinds were recorded (kind null) without further demands', () => {
    spec
      .given([ofKind(null)])
      .when(close())
      .then([closed]);
  });

  it('refuses a blank summary', () => {
    spec.given([reported()]).when(close('')).thenThrows(InvalidValueError, { field: 'summary' });
  });
});

describe('AssessIncidentPersonalData', () => {
  it('records that personal data was affected, where the report did not say', () => {
    spec
      .given([reported()])
      .when(assessPersonalData(true))
      .then([personalDataAssessed(true)]);
  });

  it('records a correction', () => {
    spec
      .given([reported({ personalDataAffected: true })])
      .when(assessPersonalData(false))
      .then([personalDataAssessed(false)]);
  });

  it('refuses to say again what the incident already says', () => {
    spec
      .given([reported(), personalDataAssessed(true)])
      .when(assessPersonalData(true))
      .thenThrows(RuleViolatedError, { rule: 'personal-data-assessment-unchanged' });
  });

  it('then requires the report to IMY before closing, saying why', () => {
    spec
      .given([ofKind('DEVIATION'), personalDataAssessed(true)])
      .when(close())
      .thenThrows(RuleViolatedError, {
        rule: 'outward-report-required',
        message:
          'incident incident-1 is a DEVIATION where personal data was affected, which must be ' +
          'reported to IMY before it is closed: record the report first',
      });
    spec
      .given([ofKind('DEVIATION'), personalDataAssessed(true), reportedTo('IMY')])
      .when(close())
      .then([closed]);
  });
});

describe('DismissIncident', () => {
  it('dismisses an open incident with the reason, even one that would need an investigation', () => {
    spec
      .given([ofKind('SERIOUS_NEAR_MISS')])
      .when(dismiss(' Reported twice '))
      .then([dismissed]);
  });

  it('refuses a blank reason', () => {
    spec.given([reported()]).when(dismiss(' ')).thenThrows(InvalidValueError, { field: 'reason' });
  });
});

describe('a finished incident does not change', () => {
  it.each(everyChange)('refuses %s on a closed incident, saying why', (_label, command) => {
    spec
      .given([reported(), investigated, closed])
      .when(command)
      .thenThrows(RuleViolatedError, (error) => {
        expect(error.rule).toBe('incident-closed');
        expect(error.message).toMatch(/^incident incident-1 is closed, so it cannot be /);
        expect(error.message).toContain('the record of a handled incident stays as it was handled');
      });
  });

  it.each(everyChange)('refuses %s on a dismissed incident', (_label, command) => {
    spec
      .given([reported(), dismissed])
      .when(command)
      .thenThrows(RuleViolatedError, { rule: 'incident-dismissed' });
  });

  it.each(everyChange)('refuses %s on an incident never reported (404)', (_label, command) => {
    spec
      .given([])
      .when(command)
      .thenThrows(NotFoundError, { message: 'incident incident-1 does not exist' });
  });
});

describe('evolve: the status of an incident through its handling', () => {
  const statusAfter = (events: IncidentEvent[]) => {
    const state = fold(incidentDecider, events);
    return state.status;
  };

  it.each<[string, IncidentEvent[], string]>([
    ['reported', [reported()], 'REPORTED'],
    ['linked to a risk', [reported(), linked('risk-2', 'REALISED')], 'REPORTED'],
    ['investigated', [reported(), investigated], 'INVESTIGATED'],
    ['given actions', [reported(), investigated, actionsDecided()], 'ACTIONS_DECIDED'],
    [
      'investigated again after actions',
      [reported(), investigated, actionsDecided(), investigated],
      'ACTIONS_DECIDED',
    ],
    ['closed', [reported(), closed], 'CLOSED'],
    ['dismissed', [reported(), dismissed], 'DISMISSED'],
  ])('is %s', (_label, events, status) => {
    expect(statusAfter(events)).toBe(status);
  });

  it('keeps the links with their relations, and the outward reports', () => {
    expect(
      fold(incidentDecider, [reported(), linked('risk-2', 'REVEALED'), reportedTo('IVO')]),
    ).toMatchObject({
      linkedRisks: { 'risk-1': null, 'risk-2': 'REVEALED' },
      outwardReports: [{ authority: 'IVO', reference: 'REF-1' }],
      investigated: false,
    });
  });
});
