import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVENT_CATALOGUE,
  incidentDecider,
  riskDecider,
  type DomainEvent,
} from '@riskledger/domain';
import { contractFor, currentContracts, EVENT_CONTRACTS } from './event-contracts';
import { EventValidator } from './event-validator';

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
  const identified = riskDecider.decide(
    {
      type: 'IdentifyRisk',
      riskId,
      title: 'Open medicine room',
      description: 'Door closer broken',
      area: 'PHARMACEUTICALS',
      unit: 'Ward 12',
      likelihood: 4,
      consequence: 3,
    },
    riskDecider.initialState(),
  );
  const afterIdentified = identified.reduce(riskDecider.evolve, riskDecider.initialState());
  const planned = riskDecider.decide(
    {
      type: 'PlanMitigation',
      riskId,
      mitigationId,
      title: 'Card access',
      kind: 'LIMIT',
      dueDate: '2026-12-31',
    },
    afterIdentified,
  );
  const applied = riskDecider.decide(
    { type: 'ApplyMitigation', riskId, mitigationId, note: null },
    planned.reduce(riskDecider.evolve, afterIdentified),
  );
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
    },
    incidentDecider.initialState(),
  );
  return [...identified, ...planned, ...applied, ...reported];
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
