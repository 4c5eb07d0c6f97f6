import type { DomainEvent } from '@riskledger/domain';
import { type EventEnvelope } from '@riskledger/contracts';
import {
  envelopeOfEvent,
  incidentReported,
  metadata,
  mitigationApplied,
  mitigationPlanned,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import type { RiskRegisterEntry } from './risk-register-entry';
import { evolveRiskRegisterEntry, riskIdsTouchedBy } from './risk-register.evolve';
import { viewOf } from './risk-register-entry';

const RISK = 'risk-7';
let version = 0;
const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}T10:00:00.000Z`;

/** The risk's next event, recorded on day `n` of February. */
function next(n: number, event: DomainEvent, actor = 'anna.berg@region.se'): EventEnvelope {
  version++;
  return envelopeOfEvent(event, {
    streamId: RISK,
    streamVersion: version,
    position: n * 10,
    recordedAt: day(n),
    metadata: metadata({ actor }),
  });
}
function incident(n: number, event: DomainEvent, incidentId = 'incident-1'): EventEnvelope {
  return envelopeOfEvent(event, {
    streamType: 'incident',
    streamId: incidentId,
    streamVersion: 1,
    position: n * 10 + 1,
    recordedAt: day(n),
  });
}
const fold = (envelopes: EventEnvelope[]) =>
  envelopes.reduce<RiskRegisterEntry | null>(evolveRiskRegisterEntry, null);
const data = { riskId: RISK };

beforeEach(() => {
  version = 0;
});

describe('the register entry through the risk lifecycle', () => {
  it('keeps all three bases, with the current one as the headline and every score over time', () => {
    const entry = fold([
      next(1, riskIdentified(RISK)),
      next(2, riskAssessed(RISK, 4, 4, 'INHERENT'), 'erik.lund@region.se'),
      next(3, riskAssessed(RISK, 2, 2, 'TARGET')),
      next(4, riskAssessed(RISK, 3, 4, 'CURRENT')),
    ])!;
    expect(entry).toMatchObject({ likelihood: 3, consequence: 4, score: 12, level: 'HIGH' });
    expect(entry.assessments.inherent).toEqual({
      likelihood: 4,
      consequence: 4,
      score: 16,
      level: 'HIGH',
      matrixVersion: 1,
      assessedAt: day(2),
      assessedBy: 'erik.lund@region.se',
      reason: null,
      warnings: [],
    });
    expect(entry.assessments.target).toMatchObject({ score: 4, level: 'MEDIUM' });
    expect(entry.scoreHistory.map((p) => [p.at, p.basis, p.score])).toEqual([
      [day(2), 'INHERENT', 16],
      [day(3), 'TARGET', 4],
      [day(4), 'CURRENT', 12],
    ]);
  });

  it('heads with the inherent assessment while there is no current one', () => {
    const entry = fold([
      next(1, riskIdentified(RISK)),
      next(2, riskAssessed(RISK, 4, 4, 'INHERENT')),
    ]);
    expect(entry).toMatchObject({ score: 16, assessedAt: day(2) });
  });

  it('follows a mitigation from planned to verified, and another to cancelled', () => {
    const entry = fold([
      next(1, riskIdentified(RISK)),
      next(2, mitigationPlanned(RISK, 'm-1')),
      next(3, { type: 'MitigationStarted', data: { ...data, mitigationId: 'm-1' } }),
      next(4, mitigationApplied(RISK, 'm-1', 'Reader installed')),
      next(5, {
        type: 'MitigationVerified',
        data: { ...data, mitigationId: 'm-1', effect: 'Works' },
      }),
      next(6, mitigationPlanned(RISK, 'm-2')),
      next(7, {
        type: 'MitigationCancelled',
        data: { ...data, mitigationId: 'm-2', reason: 'Moved' },
      }),
    ])!;
    expect(entry.mitigations[0]).toMatchObject({
      status: 'VERIFIED',
      plannedAt: day(2),
      startedAt: day(3),
      appliedAt: day(4),
      note: 'Reader installed',
      verifiedAt: day(5),
      effect: 'Works',
    });
    expect(entry.mitigations[1]).toMatchObject({
      status: 'CANCELLED',
      cancelledAt: day(7),
      cancellationReason: 'Moved',
    });
  });

  it('records closure with its reason and clears it on reopening', () => {
    const closed = fold([
      next(1, riskIdentified(RISK)),
      next(2, { type: 'RiskClosed', data: { ...data, reason: 'Room removed' } }),
    ])!;
    expect(closed).toMatchObject({
      status: 'CLOSED',
      closedAt: day(2),
      closedReason: 'Room removed',
      version: 2,
    });
    const reopened = evolveRiskRegisterEntry(
      closed,
      next(3, { type: 'RiskReopened', data: { ...data, reason: 'Back in use' } }),
    );
    expect(reopened).toMatchObject({ status: 'OPEN', closedAt: null, closedReason: null });
  });

  it('keeps the acceptance in force and moves ended ones to the past', () => {
    const residual = {
      basis: 'CURRENT' as const,
      likelihood: 2,
      consequence: 2,
      score: 4,
      level: 'MEDIUM' as const,
      matrixVersion: 1,
    };
    const accepted = (acceptanceId: string): DomainEvent => ({
      type: 'RiskAccepted',
      data: {
        ...data,
        acceptanceId,
        justification: 'Enough',
        acceptedByRole: 'AREA_RESPONSIBLE',
        residual,
        lapsesOn: '2026-08-01',
      },
    });
    const entry = fold([
      next(1, riskIdentified(RISK)),
      next(2, accepted('a-1'), 'head.of.care@region.se'),
      next(3, accepted('a-2')),
      next(4, {
        type: 'RiskAcceptanceRevoked',
        data: { ...data, acceptanceId: 'a-2', reason: 'Broken' },
      }),
      next(5, accepted('a-3')),
      next(6, {
        type: 'RiskAcceptanceLapsed',
        data: { ...data, acceptanceId: 'a-3', lapsedOn: '2026-08-01' },
      }),
    ])!;
    expect(entry.acceptance).toBeNull();
    expect(
      entry.pastAcceptances.map((a) => [a.acceptanceId, a.status, a.endedAt, a.revocationReason]),
    ).toEqual([
      ['a-1', 'REPLACED', day(3), null],
      ['a-2', 'REVOKED', day(4), 'Broken'],
      ['a-3', 'LAPSED', day(6), null],
    ]);
    expect(entry.pastAcceptances[0]).toMatchObject({
      acceptedBy: 'head.of.care@region.se',
      acceptedAt: day(2),
      residual,
      lapsesOn: '2026-08-01',
    });
  });

  it('links incidents, without changing the risk version, and asks for a review until one is made', () => {
    const identified = next(1, riskIdentified(RISK));
    expect(riskIdsTouchedBy(incident(2, incidentReported('incident-1', [RISK, 'risk-8'])))).toEqual(
      [RISK, 'risk-8'],
    );
    const linked = fold([
      identified,
      incident(2, incidentReported('incident-1', [RISK])),
      incident(
        3,
        {
          type: 'IncidentLinkedToRisk',
          data: { incidentId: 'incident-2', riskId: RISK, relation: 'REVEALED' },
        },
        'incident-2',
      ),
      incident(4, {
        type: 'IncidentLinkedToRisk',
        data: { incidentId: 'incident-1', riskId: RISK, relation: 'REALISED' },
      }),
    ])!;
    expect(linked.linkedIncidents).toEqual([
      { incidentId: 'incident-1', relation: 'REALISED', linkedAt: day(2), position: 21 },
      { incidentId: 'incident-2', relation: 'REVEALED', linkedAt: day(3), position: 31 },
    ]);
    expect(linked.reviewReasons).toEqual([
      'incident incident-1 realised the risk',
      'incident incident-2 revealed the risk',
    ]);
    expect(linked).toMatchObject({ version: 1, updatedAt: day(1) });
    const reviewed = evolveRiskRegisterEntry(
      linked,
      next(5, {
        type: 'RiskReviewed',
        data: { ...data, notes: 'Looked at', nextReviewDate: '2026-12-01' },
      }),
    );
    expect(reviewed).toMatchObject({
      reviewReasons: [],
      nextReviewDate: '2026-12-01',
      lastReviewedAt: day(5),
    });
    const reassessed = evolveRiskRegisterEntry(linked, next(5, riskAssessed(RISK, 1, 1)));
    expect(reassessed?.reviewReasons).toEqual([]);
  });

  it('orders links by log position, not arrival, and lets a review clear only links before it', () => {
    const identified = next(1, riskIdentified(RISK));
    const reviewed = next(5, {
      type: 'RiskReviewed',
      data: { ...data, notes: 'Looked at', nextReviewDate: '2026-12-01' },
    });
    const before = incident(3, incidentReported('incident-1', [RISK]));
    const after = incident(
      7,
      {
        type: 'IncidentLinkedToRisk',
        data: { incidentId: 'incident-2', riskId: RISK, relation: 'REVEALED' },
      },
      'incident-2',
    );
    // Delivered: the later incident first, the review, then the earlier incident.
    const entry = fold([identified, after, reviewed, before])!;
    expect(entry.linkedIncidents.map((l) => l.incidentId)).toEqual(['incident-1', 'incident-2']);
    expect(entry.reviewReasons).toEqual(['incident incident-2 revealed the risk']);
    expect(entry).toEqual(fold([identified, before, reviewed, after]));
  });

  it('ignores an incident that names another risk, or a risk not in the register', () => {
    const entry = fold([next(1, riskIdentified(RISK))]);
    const other = incident(2, {
      type: 'IncidentLinkedToRisk',
      data: { incidentId: 'i', riskId: 'risk-8', relation: 'REALISED' },
    });
    expect(evolveRiskRegisterEntry(entry, other)).toBe(entry);
    expect(evolveRiskRegisterEntry(null, incident(2, incidentReported('i', [RISK])))).toBeNull();
  });

  it('records a new owner', () => {
    const entry = fold([
      next(1, riskIdentified(RISK)),
      next(2, { type: 'RiskOwnerAssigned', data: { ...data, owner: 'new.owner' } }),
    ]);
    expect(entry?.owner).toBe('new.owner');
  });
});

describe('viewOf: what the entry says on a given day', () => {
  const base = () =>
    fold([
      next(1, riskIdentified(RISK, { nextReviewDate: '2026-03-01' })),
      next(2, riskAssessed(RISK, 3, 3)),
      next(3, mitigationPlanned(RISK, 'm-1', { dueDate: '2026-02-20' })),
    ])!;

  it('is overdue for review after the next review date, not on it', () => {
    expect(viewOf(base(), { today: '2026-03-01', matrixVersion: 1 }).reviewOverdue).toBe(false);
    expect(viewOf(base(), { today: '2026-03-02', matrixVersion: 1 }).reviewOverdue).toBe(true);
  });

  it('has an overdue mitigation while a planned one is past its due date, not once applied', () => {
    expect(viewOf(base(), { today: '2026-02-21', matrixVersion: 1 }).mitigationOverdue).toBe(true);
    expect(viewOf(base(), { today: '2026-02-20', matrixVersion: 1 }).mitigationOverdue).toBe(false);
    const applied = evolveRiskRegisterEntry(base(), next(4, mitigationApplied(RISK, 'm-1')))!;
    expect(viewOf(applied, { today: '2026-02-21', matrixVersion: 1 }).mitigationOverdue).toBe(
      false,
    );
  });

  it('needs review when assessed with an older matrix than the one in force', () => {
    expect(viewOf(base(), { today: '2026-02-05', matrixVersion: 1 })).toMatchObject({
      needsReview: false,
      needsReviewBecause: [],
    });
    expect(viewOf(base(), { today: '2026-02-05', matrixVersion: 2 })).toMatchObject({
      needsReview: true,
      needsReviewBecause: ['assessed with matrix version 1; version 2 is in force'],
    });
  });

  it('says nothing is due on a closed risk', () => {
    const closed = evolveRiskRegisterEntry(
      base(),
      next(4, { type: 'RiskClosed', data: { ...data, reason: 'Gone' } }),
    )!;
    expect(viewOf(closed, { today: '2026-12-01', matrixVersion: 2 })).toMatchObject({
      reviewOverdue: false,
      mitigationOverdue: false,
      needsReview: false,
    });
  });
});
