import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVENT_CATALOGUE,
  goalDecider,
  incidentDecider,
  remindersDue,
  type DomainEvent,
  type IncidentCommand,
} from '@riskledger/domain';
import { contractFor, currentContracts, EVENT_CONTRACTS } from './event-contracts';
import { EventValidator } from './event-validator';
import { riskLifecycleEvents } from '../../../test/support/risk-lifecycle';
import { referenceDataLifecycleEvents } from '../../../test/support/reference-data-lifecycle';

const SCHEMA_DIR = join(__dirname, '../schemas');
const LOCK = JSON.parse(readFileSync(join(__dirname, '../published-schemas.lock.json'), 'utf8'));
const fingerprint = (file: string) =>
  createHash('sha256')
    .update(JSON.stringify(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'))))
    .digest('hex');

/** Real events, made by the domain itself, of every type. */
function domainEvents(): DomainEvent[] {
  const riskId = '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10';
  const mitigationId = '5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f';
  const risk = riskLifecycleEvents(riskId, mitigationId);
  const reported = incidentDecider.decide(
    {
      type: 'ReportIncident',
      incidentId: '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
      title: 'Found open',
      description: 'At 03:10',
      area: 'PHARMACEUTICALS',
      unit: 'Ward 12',
      kind: 'NEAR_MISS',
      severity: 3,
      occurredAt: new Date('2026-11-20T02:10:00Z'),
      riskIds: [riskId],
      now: new Date('2026-11-21T00:00:00Z'),
      reference: { activeAreas: ['PHARMACEUTICALS'], unitKnown: true },
    },
    incidentDecider.initialState(),
  );
  const incidentId = '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a';
  const handling: IncidentCommand[] = [
    { type: 'AssessIncidentPersonalData', incidentId, personalDataAffected: false },
    { type: 'LinkIncidentToRisk', incidentId, riskId, relation: 'REALISED' },
    {
      type: 'InvestigateIncident',
      incidentId,
      findings: 'Closer broken',
      rootCause: 'No upkeep',
    },
    {
      type: 'DecideIncidentActions',
      incidentId,
      actions: [{ riskId, description: 'Card access', mitigationId }],
      risksIdentifiedFromIncident: [],
    },
    {
      type: 'ReportIncidentToAuthority',
      incidentId,
      authority: 'ARBETSMILJOVERKET',
      reference: 'AV 2026/123',
      reportedAt: new Date('2026-11-20T09:00:00Z'),
      now: new Date('2026-11-21T00:00:00Z'),
    },
    { type: 'CloseIncident', incidentId, summary: 'Card access in place' },
  ];
  const handled = handling.reduce(
    (events, command) => [
      ...events,
      ...incidentDecider.decide(
        command,
        events.reduce(incidentDecider.evolve, incidentDecider.initialState()),
      ),
    ],
    reported,
  );
  const dismissed = incidentDecider.decide(
    { type: 'DismissIncident', incidentId, reason: 'Reported twice' },
    reported.reduce(incidentDecider.evolve, incidentDecider.initialState()),
  );
  const restrictedRead: DomainEvent = {
    type: 'RestrictedRiskRead',
    data: { riskIds: [riskId], what: 'GET /risks/:id' },
  };
  return [
    ...risk,
    ...handled,
    ...dismissed,
    ...goalEvents(),
    ...referenceDataLifecycleEvents(),
    restrictedRead,
    ...reminderEvents(riskId, mitigationId),
  ];
}

/** A digest of reminders, its failed first send and its sending. */
function reminderEvents(riskId: string, mitigationId: string): DomainEvent[] {
  const due = remindersDue(
    [
      {
        riskId,
        owner: 'ward.manager',
        status: 'OPEN',
        nextReviewDate: '2026-12-01',
        mitigations: [{ mitigationId, owner: null, dueDate: '2026-11-30', status: 'PLANNED' }],
        acceptance: null,
      },
    ],
    '2026-12-05',
  );
  return [
    {
      type: 'ReminderDigestPrepared',
      data: { recipient: 'ward.manager', day: '2026-12-05', reminders: due.get('ward.manager')! },
    },
    {
      type: 'ReminderDigestSendFailed',
      data: { attempt: 1, error: '421 try later', retryAt: '2026-12-05T08:01:00.000Z' },
    },
    { type: 'ReminderDigestSent', data: { attempt: 2, messageId: '<d@riskledger>' } },
  ];
}

/** A goal set, measured, revised and withdrawn, as the goal decider records it. */
function goalEvents(): DomainEvent[] {
  const goalId = '6a1f2e3d-4c5b-4a69-8788-99aabbccddee';
  const commands = [
    {
      type: 'SetSecurityGoal',
      goalId,
      area: 'FIRE_SAFETY',
      year: 2026,
      text: 'All staff know how to act when the fire alarm sounds',
      indicator: 'Share of staff who completed the fire safety course',
      targetValue: 90,
      measurementUnit: '%',
      direction: 'AT_LEAST',
      partlyMetFrom: 75,
      activeAreas: ['FIRE_SAFETY'],
      today: '2026-01-10',
    },
    {
      type: 'MeasureIndicator',
      goalId,
      measurementId: '7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff',
      value: 62.5,
      measuredOn: '2026-06-30',
      note: null,
      today: '2026-07-01',
    },
    {
      type: 'ReviseSecurityGoal',
      goalId,
      targetValue: 80,
      partlyMetFrom: null,
      reason: 'Reorganisation',
      today: '2026-07-01',
    },
    { type: 'WithdrawSecurityGoal', goalId, reason: 'Replaced by drills' },
  ] as const;
  const events: DomainEvent[] = [];
  let state = goalDecider.initialState();
  for (const command of commands) {
    const recorded = goalDecider.decide(command, state);
    state = recorded.reduce(goalDecider.evolve, state);
    events.push(...recorded);
  }
  return events;
}

describe('the event contract', () => {
  const validator = new EventValidator();

  it('has a schema for the version of every event type the domain writes today', () => {
    expect(
      currentContracts()
        .map((c) => `${c.type}.v${c.version}`)
        .sort(),
    ).toEqual(
      Object.entries(EVENT_CATALOGUE)
        .map(([type, { schemaVersion }]) => `${type}.v${schemaVersion}`)
        .sort(),
    );
  });

  it('keeps every version from 1 up to the current one', () => {
    for (const [type, { schemaVersion }] of Object.entries(EVENT_CATALOGUE)) {
      for (let version = 1; version <= schemaVersion; version++) {
        expect(contractFor(type, version)).toBeDefined();
      }
    }
  });

  it('accepts every event the domain makes, of every type', () => {
    const events = domainEvents();
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(Object.keys(EVENT_CATALOGUE)));
    for (const event of events) {
      expect({
        type: event.type,
        problems: validator.problems(
          event.type,
          EVENT_CATALOGUE[event.type].schemaVersion,
          event.data,
        ),
      }).toEqual({ type: event.type, problems: [] });
    }
  });

  it('names what is wrong with data that breaks its schema', () => {
    const problems = validator.problems('RiskAssessed', 1, {
      riskId: 'not-a-uuid',
      likelihood: 6,
      consequence: 2,
      score: 12,
      level: 'SEVERE',
      matrixVersion: 1,
      extra: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        '/riskId must match format "uuid"',
        '/likelihood must be <= 5',
        '/level must be equal to one of the allowed values',
        '/ must NOT have additional properties',
      ]),
    );
    expect(validator.problems('RiskAssessed', 99, {})).toEqual([
      'RiskAssessed v99 is not a published event version',
    ]);
  });

  describe('published versions never change', () => {
    const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'));

    it('has every schema file in the registry and in the lock', () => {
      expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(
        EVENT_CONTRACTS.map((c) => `${c.type}.v${c.version}`).sort(),
      );
      expect(Object.keys(LOCK).sort()).toEqual(files.map((f) => f.replace('.json', '')).sort());
    });

    it.each(Object.keys(LOCK))('%s is exactly as published', (name) => {
      // A change here breaks consumers of this version: publish a new version (and an upcaster) instead.
      expect(fingerprint(`${name}.json`)).toBe(LOCK[name]);
    });
  });
});
