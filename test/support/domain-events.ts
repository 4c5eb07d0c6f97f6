import {
  assess,
  EVENT_CATALOGUE,
  isDomainEventType,
  type DomainEvent,
  type IncidentReported,
  type MitigationApplied,
  type MitigationPlanned,
  type RiskAssessed,
  type RiskIdentified,
} from '@riskledger/domain';
import { type EventEnvelope } from '@riskledger/contracts';
import type { EventMetadata, NewEvent } from '@riskledger/event-store';

/** Pure builders of domain events, store appends and envelopes with realistic data, for tests. */

export const riskIdentified = (
  riskId: string,
  data: Partial<RiskIdentified['data']> = {},
): RiskIdentified => ({
  type: 'RiskIdentified',
  data: {
    riskId,
    title: 'Unlocked medicine room on ward 12',
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
    nextReviewDate: '2027-01-15',
    sourceIncidentId: null,
    ...data,
  },
});

export const riskAssessed = (
  riskId: string,
  likelihood: number,
  consequence: number,
  basis: RiskAssessed['data']['basis'] = 'CURRENT',
): RiskAssessed => ({
  type: 'RiskAssessed',
  data: { riskId, basis, warnings: [], ...assess({ likelihood, consequence }) },
});

export const mitigationPlanned = (
  riskId: string,
  mitigationId: string,
  data: Partial<MitigationPlanned['data']> = {},
): MitigationPlanned => ({
  type: 'MitigationPlanned',
  data: {
    riskId,
    mitigationId,
    title: 'Card access on the medicine room',
    kind: 'LIMIT',
    owner: 'facilities@region.se',
    dueDate: '2026-12-31',
    expectedEffect: null,
    supplier: null,
    ...data,
  },
});

export const mitigationApplied = (
  riskId: string,
  mitigationId: string,
  note: string | null = null,
): MitigationApplied => ({
  type: 'MitigationApplied',
  data: { riskId, mitigationId, note },
});

export const incidentReported = (
  incidentId: string,
  riskIds: string[] = [],
  data: Partial<IncidentReported['data']> = {},
): IncidentReported => ({
  type: 'IncidentReported',
  data: {
    incidentId,
    title: 'Medicine room found open at night',
    description: 'Found open at 03:10; nothing missing after count.',
    area: 'PHARMACEUTICALS',
    unit: 'Hospital North / Ward 12',
    occurredAt: '2026-11-20T03:10:00+01:00',
    riskIds,
    kind: 'DEVIATION',
    severity: 2,
    immediateActions: null,
    discoveredAt: null,
    personalDataAffected: null,
    ...data,
  },
});

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: 'anna.berg@region.se',
  correlationId: 'correlation-1',
  causationId: null,
  reason: null,
  ...overrides,
});

/** A domain event as the store appends it, with its catalogue schema version. */
export const newEvent = (event: DomainEvent, meta: Partial<EventMetadata> = {}): NewEvent => ({
  type: event.type,
  schemaVersion: EVENT_CATALOGUE[event.type].schemaVersion,
  data: event.data,
  metadata: metadata(meta),
});

/** An envelope around any event (also one of a type this version does not know). */
export const envelopeOfEvent = (
  event: { type: string; data: object },
  fields: Partial<EventEnvelope> = {},
): EventEnvelope => ({
  eventId: '00000000-0000-4000-8000-000000000001',
  type: event.type,
  schemaVersion: isDomainEventType(event.type) ? EVENT_CATALOGUE[event.type].schemaVersion : 1,
  streamType: 'risk',
  streamId: 'risk-1',
  streamVersion: 1,
  position: 1,
  recordedAt: '2026-01-15T09:00:00.000Z',
  metadata: metadata(),
  data: event.data as Record<string, unknown>,
  ...fields,
});
