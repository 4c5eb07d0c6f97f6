import { randomUUID } from 'node:crypto';
import { assess, EVENT_CATALOGUE, type DomainEvent, type MitigationKind } from '@riskledger/domain';
import type { NewEvent } from '@riskledger/event-store';

const KINDS: MitigationKind[] = ['ELIMINATE', 'LIMIT', 'MONITOR'];

/**
 * A risk's ten events, in the appends a user's commands would make; each valid against its
 * published schema (the projector sets an invalid one aside, message by message, which is not
 * the path the bench means to measure).
 */
export function lifeOf(riskId: string): DomainEvent[][] {
  const mitigationIds = [randomUUID(), randomUUID(), randomUUID()];
  const assessedAs = (likelihood: number, consequence: number) =>
    assessed(riskId, likelihood, consequence);
  const planned = (n: number): DomainEvent => ({
    type: 'MitigationPlanned',
    data: {
      riskId,
      mitigationId: mitigationIds[n - 1],
      title: `Measure ${n}`,
      kind: KINDS[n % 3],
      owner: 'facilities@region.se',
      dueDate: '2027-06-30',
      expectedEffect: null,
      supplier: null,
    },
  });
  const applied = (n: number): DomainEvent => ({
    type: 'MitigationApplied',
    data: { riskId, mitigationId: mitigationIds[n - 1], note: 'Done' },
  });
  return [
    [
      {
        type: 'RiskIdentified',
        data: {
          riskId,
          title: 'Unlocked medicine room',
          description: 'Because the door closer is broken, unauthorised people can enter.',
          cause: null,
          event: null,
          consequence: null,
          threat: null,
          area: 'PHARMACEUTICALS',
          additionalAreas: [],
          unit: 'Hospital North / Ward 12',
          owner: 'ward.manager@region.se',
          supplier: null,
          contract: null,
          classification: 'OPEN',
          nextReviewDate: '2027-11-20',
          sourceIncidentId: null,
        },
      },
      assessedAs(4, 4),
    ],
    [planned(1), planned(2), planned(3)],
    [applied(1), assessedAs(3, 4)],
    [applied(2), applied(3), assessedAs(1, 4)],
  ];
}

/** A current assessment of the risk. */
export function assessed(riskId: string, likelihood: number, consequence: number): DomainEvent {
  return {
    type: 'RiskAssessed',
    data: { riskId, basis: 'CURRENT', warnings: [], ...assess({ likelihood, consequence }) },
  };
}

export function identified(riskId: string): DomainEvent {
  return lifeOf(riskId)[0][0];
}

export function newEvent(event: DomainEvent): NewEvent {
  return {
    type: event.type,
    schemaVersion: EVENT_CATALOGUE[event.type].schemaVersion,
    data: event.data,
    metadata: {
      actor: 'anna.berg@region.se',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      reason: null,
    },
  };
}
