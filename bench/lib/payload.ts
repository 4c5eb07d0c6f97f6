import { randomUUID } from 'node:crypto';

/**
 * The event every append workload writes, to every store alike: a risk as identified, about 400
 * bytes of JSON (data and metadata together), shaped like the product's own events.
 */
export function benchEvent(riskId: string) {
  return {
    type: 'RiskIdentified',
    data: {
      riskId,
      title: 'Unlocked medicine room on ward 12',
      scenario: {
        cause: 'a broken door closer',
        event: 'unauthorised people enter',
        consequence: 'theft of narcotics',
      },
      area: 'PHARMACEUTICALS',
      unit: 'Hospital North / Ward 12',
      owner: 'ward.manager',
      classification: 'OPEN',
    },
    metadata: {
      actor: 'anna.berg',
      actorName: 'Anna Berg',
      correlationId: randomUUID(),
      causationId: null,
      reason: null,
    },
  };
}

export const PAYLOAD_BYTES = (() => {
  const e = benchEvent(randomUUID());
  return JSON.stringify(e.data).length + JSON.stringify(e.metadata).length;
})();
