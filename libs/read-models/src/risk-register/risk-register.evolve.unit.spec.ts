import type { EventMetadata } from '@riskledger/event-store';
import { type EventEnvelope } from '@riskledger/contracts';
import {
  envelopeOfEvent,
  metadata,
  mitigationApplied,
  mitigationPlanned,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import type { RiskRegisterEntry } from './risk-register-entry';
import { evolveRiskRegisterEntry } from './risk-register.evolve';

const RISK = 'risk-7';
const IDENTIFIED_AT = '2026-01-15T09:00:00.000Z';
const ASSESSED_AT = '2026-01-16T10:30:00.000Z';
const PLANNED_AT = '2026-01-17T08:15:00.000Z';
const APPLIED_AT = '2026-02-01T13:45:00.000Z';

/** The risk stream's n-th event, recorded at `at` by `actor`. */
function at(
  streamVersion: number,
  recordedAt: string,
  event: { type: string; data: object },
  meta: Partial<EventMetadata> = {},
): EventEnvelope {
  return envelopeOfEvent(event, {
    eventId: `00000000-0000-4000-8000-00000000000${streamVersion}`,
    streamId: RISK,
    streamVersion,
    position: 100 + streamVersion,
    recordedAt,
    metadata: metadata(meta),
  });
}

const fold = (envelopes: EventEnvelope[]) =>
  envelopes.reduce<RiskRegisterEntry | null>(evolveRiskRegisterEntry, null);

const identified = at(1, IDENTIFIED_AT, riskIdentified(RISK), { actor: 'anna.berg@region.se' });
const assessed = at(2, ASSESSED_AT, riskAssessed(RISK, 4, 4), {
  actor: 'erik.lund@region.se',
  reason: 'Door closer broken for a week',
});
const planned = at(3, PLANNED_AT, mitigationPlanned(RISK, 'mit-1'), {
  actor: 'karin.ek@region.se',
});
const applied = at(4, APPLIED_AT, mitigationApplied(RISK, 'mit-1', 'Card reader installed'), {
  actor: 'facilities@region.se',
});

describe('evolveRiskRegisterEntry', () => {
  it('makes an open, unassessed entry from RiskIdentified, by the identifying actor', () => {
    expect(evolveRiskRegisterEntry(null, identified)).toEqual<RiskRegisterEntry>({
      riskId: RISK,
      title: 'Unlocked medicine room on ward 12',
      description: 'Because the door closer is broken, unauthorised people can enter.',
      scenario: null,
      threat: null,
      area: 'PHARMACEUTICALS',
      additionalAreas: [],
      unit: 'Hospital North / Ward 12',
      owner: 'ward.manager@region.se',
      supplier: null,
      contract: null,
      classification: 'OPEN',
      sourceIncidentId: null,
      status: 'OPEN',
      closedAt: null,
      closedReason: null,
      likelihood: null,
      consequence: null,
      score: null,
      level: null,
      matrixVersion: null,
      assessedAt: null,
      assessments: { inherent: null, current: null, target: null },
      scoreHistory: [],
      mitigations: [],
      acceptance: null,
      pastAcceptances: [],
      nextReviewDate: '2027-01-15',
      lastReviewedAt: null,
      reviewedAtPosition: null,
      linkedIncidents: [],
      reviewReasons: [],
      identifiedAt: IDENTIFIED_AT,
      identifiedBy: 'anna.berg@region.se',
      updatedAt: IDENTIFIED_AT,
      updatedBy: 'anna.berg@region.se',
      version: 1,
    });
  });

  it('keeps a risk without owner ownerless', () => {
    const entry = evolveRiskRegisterEntry(
      null,
      at(1, IDENTIFIED_AT, riskIdentified(RISK, { owner: null })),
    );
    expect(entry?.owner).toBeNull();
  });

  it('takes the assessment from RiskAssessed; identification stays as it was', () => {
    const entry = fold([identified, assessed]);
    expect(entry).toMatchObject({
      likelihood: 4,
      consequence: 4,
      score: 16,
      level: 'HIGH',
      matrixVersion: 1,
      assessedAt: ASSESSED_AT,
      identifiedAt: IDENTIFIED_AT,
      identifiedBy: 'anna.berg@region.se',
      mitigations: [],
    });
  });

  it('lets a later assessment replace an earlier one', () => {
    const reassessed = at(3, PLANNED_AT, riskAssessed(RISK, 2, 4));
    expect(fold([identified, assessed, reassessed])).toMatchObject({
      likelihood: 2,
      consequence: 4,
      score: 8,
      level: 'MEDIUM',
      assessedAt: PLANNED_AT,
      version: 3,
    });
  });

  it('adds a planned mitigation from MitigationPlanned', () => {
    expect(fold([identified, assessed, planned])?.mitigations).toEqual([
      {
        mitigationId: 'mit-1',
        title: 'Card access on the medicine room',
        kind: 'LIMIT',
        owner: 'facilities@region.se',
        dueDate: '2026-12-31',
        expectedEffect: null,
        supplier: null,
        status: 'PLANNED',
        plannedAt: PLANNED_AT,
        startedAt: null,
        appliedAt: null,
        note: null,
        verifiedAt: null,
        effect: null,
        cancelledAt: null,
        cancellationReason: null,
      },
    ]);
  });

  it('marks just the named mitigation applied from MitigationApplied, with its note', () => {
    const second = at(4, PLANNED_AT, mitigationPlanned(RISK, 'mit-2', { title: 'Door alarm' }));
    const appliedFirst = at(5, APPLIED_AT, mitigationApplied(RISK, 'mit-1', 'Card reader in'));
    const entry = fold([identified, assessed, planned, second, appliedFirst]);
    expect(entry?.mitigations.map((m) => [m.mitigationId, m.status, m.appliedAt, m.note])).toEqual([
      ['mit-1', 'APPLIED', APPLIED_AT, 'Card reader in'],
      ['mit-2', 'PLANNED', null, null],
    ]);
    expect(entry?.mitigations[0]).toMatchObject({ plannedAt: PLANNED_AT, kind: 'LIMIT' });
  });

  it('folds a whole stream into the entry the register shows', () => {
    expect(fold([identified, assessed, planned, applied])).toMatchObject({
      riskId: RISK,
      score: 16,
      mitigations: [{ mitigationId: 'mit-1', status: 'APPLIED', note: 'Card reader installed' }],
      updatedAt: APPLIED_AT,
      updatedBy: 'facilities@region.se',
      version: 4,
    });
  });

  it.each([
    ['RiskAssessed', assessed, ASSESSED_AT, 'erik.lund@region.se', 2],
    ['MitigationPlanned', planned, PLANNED_AT, 'karin.ek@region.se', 3],
    ['MitigationApplied', applied, APPLIED_AT, 'facilities@region.se', 4],
  ])(
    'takes updatedAt, updatedBy and version from the %s event',
    (_type, envelope, updatedAt, updatedBy, version) => {
      const before = fold([identified, assessed, planned].slice(0, version - 1));
      const entry = evolveRiskRegisterEntry(before, envelope);
      expect(entry).toMatchObject({ updatedAt, updatedBy, version });
      expect(entry).toMatchObject({ identifiedBy: 'anna.berg@region.se' });
    },
  );

  it('ignores an event type it does not know, returning the entry unchanged', () => {
    const entry = fold([identified, assessed]);
    const unknown = at(
      3,
      APPLIED_AT,
      { type: 'RiskArchived', data: { riskId: RISK } },
      {
        actor: 'someone.else@region.se',
      },
    );
    expect(evolveRiskRegisterEntry(entry, unknown)).toBe(entry);
    expect(evolveRiskRegisterEntry(null, unknown)).toBeNull();
  });

  it.each([
    ['RiskAssessed', assessed],
    ['MitigationPlanned', planned],
    ['MitigationApplied', applied],
  ])('ignores %s for a risk that was never identified', (_type, envelope) => {
    expect(evolveRiskRegisterEntry(null, envelope)).toBeNull();
  });

  it('does not change the entry it is given', () => {
    const entry = fold([identified, assessed, planned]);
    const copy = structuredClone(entry);
    evolveRiskRegisterEntry(entry, applied);
    evolveRiskRegisterEntry(entry, at(4, APPLIED_AT, riskAssessed(RISK, 1, 1)));
    expect(entry).toEqual(copy);
  });
});
